package org.plantrack.core.supervision;

/** Where a progress report stands in review (复核). */
public enum ReviewState {
    /** 待复核: submitted to a plan whose reports need review, not yet decided. */
    PENDING("待复核", "pending review"),
    /** 已通过: approved by a reviewer, or recorded on a plan without review; it counts. */
    APPROVED("已通过", "approved"),
    /** 已退回: returned with a reason; the unit resubmits (a new report superseding it). */
    RETURNED("已退回", "returned");

    private final String zh;
    private final String en;

    ReviewState(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /**
     * The name in Chinese.
     *
     * @return e.g. 待复核
     */
    public String zh() {
        return zh;
    }

    /**
     * The name in English.
     *
     * @return e.g. pending review
     */
    public String en() {
        return en;
    }
}
