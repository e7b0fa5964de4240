package org.plantrack.core.error;

/**
 * A write named an idempotency key that an earlier write of the same principal used for something else
 * (another value, target or date, or a correction of another report). Nothing was written; the caller needs a
 * new key for a new report.
 */
public final class IdempotencyKeyReusedException extends PlantrackException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String reportId;

    /**
     * @param key        the key as given (already checked to be visible ASCII)
     * @param reportId   the report the key recorded first
     * @param correction whether either write was a correction
     */
    public IdempotencyKeyReusedException(String key, String reportId, boolean correction) {
        super(ErrorCode.CONFLICT, "idempotency key '" + key + "' was used for report " + reportId
                + " with a different body" + (correction ? " or to correct another report" : "")
                + "; use a new key for a new report");
        this.key = key;
        this.reportId = reportId;
    }

    /** The key that was reused. */
    public String key() {
        return key;
    }

    /** The report the key recorded first. */
    public String reportId() {
        return reportId;
    }
}
