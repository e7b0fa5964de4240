package org.plantrack.core.error;

/**
 * A write lost a race or repeats an identity: typically a plan edit based on a stale
 * version (optimistic locking). Nothing was written.
 */
public final class ConflictException extends PlantrackException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(ErrorCode.CONFLICT, message);
    }

    /** A plan edit was based on {@code expected} but the stored version is {@code actual}. */
    public static ConflictException staleVersion(String planId, long expected, long actual) {
        return new ConflictException("plan '" + planId + "' was changed by someone else: the edit is based on version "
                + expected + " but the stored version is " + actual + "; reload the plan and apply the edit again");
    }
}
