package org.plantrack.core.error;

/** The principal may not perform this action on this object. */
public final class AccessDeniedException extends PlantrackException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(ErrorCode.ACCESS_DENIED, message);
    }
}
