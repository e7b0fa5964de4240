package org.plantrack.core.error;

import java.util.Objects;

/**
 * Root of Plantrack's one exception family. Every failure carries a stable {@link ErrorCode}
 * that adapters map to HTTP statuses and CLI exit codes; the message says what was expected,
 * what was found, and where.
 */
public class PlantrackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Stable error codes; their names never change once released. */
    public enum ErrorCode {
        /** An input value is invalid (a field, a line of a document, a CSV row). */
        INVALID_INPUT,
        /** The named object does not exist (or is outside the caller's scope). */
        NOT_FOUND,
        /** A write was based on a stale version or repeats an existing identity. */
        CONFLICT,
        /** The caller is not allowed to do this. */
        ACCESS_DENIED,
        /** The store cannot be reached or failed underneath. */
        STORE_UNAVAILABLE,
        /** Stored history fails its integrity check. */
        INTEGRITY,
        /** Anything else: a defect in Plantrack. */
        INTERNAL
    }

    private final ErrorCode code;

    public PlantrackException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public PlantrackException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable code of this failure. */
    public ErrorCode code() {
        return code;
    }
}
