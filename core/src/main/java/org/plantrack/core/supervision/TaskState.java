package org.plantrack.core.supervision;

/** Where a task stands in the supervision cycle. A task that was never assigned has no state. */
public enum TaskState {
    /** 已交办: assigned to its lead and partner units, not yet acknowledged. */
    ASSIGNED("已交办", "assigned"),
    /** 已签收: the lead unit acknowledged the assignment. */
    ACKNOWLEDGED("已签收", "acknowledged"),
    /** 办理中: the units report progress. */
    IN_PROGRESS("办理中", "in progress"),
    /** 申请办结: the lead unit asked to close the task; the supervisor decides. */
    COMPLETION_REQUESTED("申请办结", "completion requested"),
    /** 已退回: the supervisor returned the completion request; the units go on and ask again. */
    RETURNED("已退回", "returned"),
    /** 已办结: closed by the supervisor (销号). */
    CLOSED("已办结", "closed");

    private final String zh;
    private final String en;

    TaskState(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /**
     * The state's name in Chinese.
     *
     * @return e.g. 已签收
     */
    public String zh() {
        return zh;
    }

    /**
     * The state's name in English.
     *
     * @return e.g. acknowledged
     */
    public String en() {
        return en;
    }

    /**
     * Whether the units may submit progress reports in this state.
     *
     * @return true for acknowledged, in progress and returned
     */
    public boolean reportable() {
        return this == ACKNOWLEDGED || this == IN_PROGRESS || this == RETURNED;
    }
}
