package org.plantrack.core.error;

/** The store cannot be reached or failed underneath; the operation may be retried later. */
public final class StoreUnavailableException extends PlantrackException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(ErrorCode.STORE_UNAVAILABLE, message, cause);
    }
}
