package org.plantrack.core.supervision;

/** Whether a unit's report for a period came in time. */
public enum ReportTiming {
    /** 按时报送: submitted on or before the deadline. */
    ON_TIME("按时报送", "on time"),
    /** 迟报: submitted after the deadline. */
    LATE("迟报", "late"),
    /** 缺报: the deadline passed and nothing was submitted. */
    MISSING("缺报", "missing"),
    /** 待报送: not submitted yet, the deadline has not passed. */
    DUE("待报送", "due");

    private final String zh;
    private final String en;

    ReportTiming(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /**
     * The name in Chinese.
     *
     * @return e.g. 缺报
     */
    public String zh() {
        return zh;
    }

    /**
     * The name in English.
     *
     * @return e.g. missing
     */
    public String en() {
        return en;
    }
}
