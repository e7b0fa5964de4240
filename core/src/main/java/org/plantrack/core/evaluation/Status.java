package org.plantrack.core.evaluation;

/**
 * The status of a target or roll-up. {@link #severity()} orders statuses from worst (0) to best;
 * {@link #NOT_EVALUABLE} stands outside the order.
 */
public enum Status {
    /** Past its due date and not achieved. */
    OVERDUE(0, "逾期", "overdue"),
    /** Completion below the at-risk share of the expected pace. */
    BEHIND(1, "落后", "behind"),
    /** Completion below the on-track share of the expected pace, or no report for too long. */
    AT_RISK(2, "有风险", "at risk"),
    /** Completion keeps the expected pace. */
    ON_TRACK(3, "正常", "on track"),
    /** Nothing is expected yet and nothing has been reported. */
    NOT_STARTED(4, "未开始", "not started"),
    /** The goal is reached. */
    ACHIEVED(5, "已完成", "achieved"),
    /** Not evaluated automatically: a qualitative target, or the goal is unknown. */
    NOT_EVALUABLE(-1, "无法评价", "not evaluable");

    private final int severity;
    private final String zh;
    private final String en;

    Status(int severity, String zh, String en) {
        this.severity = severity;
        this.zh = zh;
        this.en = en;
    }

    /** 0 for the worst (OVERDUE) up to 5 (ACHIEVED); −1 for NOT_EVALUABLE. */
    public int severity() {
        return severity;
    }

    /** The status's name in Chinese (逾期, 落后…). */
    public String zh() {
        return zh;
    }

    /** The status's name in English (overdue, behind…). */
    public String en() {
        return en;
    }

    /** Whether this status counts in evaluation (everything but NOT_EVALUABLE). */
    public boolean evaluable() {
        return this != NOT_EVALUABLE;
    }
}
