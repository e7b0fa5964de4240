package org.plantrack.adapter.cli;

import org.plantrack.core.error.PlantrackException;

/** The exit codes of {@code plantrack}; stable, documented in {@code --help} and docs/cli.md. */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** Wrong command line: unknown command or option, missing argument. */
    public static final int USAGE = 1;
    /** Invalid input: a value, a file, a CSV row, a date. */
    public static final int INPUT = 2;
    /** A plan, target, unit, token or file does not exist. */
    public static final int NOT_FOUND = 3;
    /** Conflict: the object exists already, was changed meanwhile, or is archived. */
    public static final int CONFLICT = 4;
    /** The store cannot be opened or failed. */
    public static final int STORE_UNAVAILABLE = 5;
    /** The audit trail failed its integrity check. */
    public static final int INTEGRITY = 6;
    /** Not allowed. */
    public static final int ACCESS_DENIED = 7;
    /** A defect in Plantrack. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }

    /** The exit code for a core error code. */
    static int of(PlantrackException.ErrorCode code) {
        switch (code) {
            case INVALID_INPUT:
                return INPUT;
            case NOT_FOUND:
                return NOT_FOUND;
            case CONFLICT:
                return CONFLICT;
            case STORE_UNAVAILABLE:
                return STORE_UNAVAILABLE;
            case INTEGRITY:
                return INTEGRITY;
            case ACCESS_DENIED:
                return ACCESS_DENIED;
            default:
                return INTERNAL;
        }
    }
}
