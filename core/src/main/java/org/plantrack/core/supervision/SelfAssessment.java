package org.plantrack.core.supervision;

/** How a unit judges its own progress on a task in a progress report. */
public enum SelfAssessment {
    /** 按计划推进. */
    ON_SCHEDULE("按计划推进", "on schedule"),
    /** 滞后. */
    BEHIND("滞后", "behind"),
    /** 已完成. */
    DONE("已完成", "done");

    private final String zh;
    private final String en;

    SelfAssessment(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /**
     * The name in Chinese.
     *
     * @return e.g. 滞后
     */
    public String zh() {
        return zh;
    }

    /**
     * The name in English.
     *
     * @return e.g. behind
     */
    public String en() {
        return en;
    }
}
