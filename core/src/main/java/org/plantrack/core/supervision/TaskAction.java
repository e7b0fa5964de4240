package org.plantrack.core.supervision;

import java.util.EnumSet;
import java.util.Set;

/**
 * A step of the task lifecycle, with the states it may start from and the state it leads to.
 *
 * <pre>
 *   (none) ──ASSIGN──▶ ASSIGNED ──ACKNOWLEDGE──▶ ACKNOWLEDGED ──START (first report)──▶ IN_PROGRESS
 *   RETURNED ──START (the next report)──▶ IN_PROGRESS
 *   ACKNOWLEDGED | IN_PROGRESS | RETURNED ──REQUEST_COMPLETION──▶ COMPLETION_REQUESTED
 *   COMPLETION_REQUESTED ──RETURN──▶ RETURNED          COMPLETION_REQUESTED ──CLOSE──▶ CLOSED
 *   CLOSED ──REOPEN──▶ IN_PROGRESS                     ASSIGNED | ACKNOWLEDGED | IN_PROGRESS | RETURNED ──ASSIGN──▶ ASSIGNED
 * </pre>
 */
public enum TaskAction {
    /** 交办 (or 重新交办): name the lead and partner units and the due date. By a supervisor. */
    ASSIGN("交办", "assign", null, TaskState.ASSIGNED, true),
    /** 签收: the lead (or a partner) unit acknowledges the assignment. */
    ACKNOWLEDGE("签收", "acknowledge", EnumSet.of(TaskState.ASSIGNED), TaskState.ACKNOWLEDGED, false),
    /** 开始办理: recorded with the first progress report after acknowledgement, or after a return. */
    START("开始办理", "start", EnumSet.of(TaskState.ACKNOWLEDGED, TaskState.RETURNED), TaskState.IN_PROGRESS, false),
    /** 申请办结: the lead unit says the task is done. */
    REQUEST_COMPLETION("申请办结", "request completion",
            EnumSet.of(TaskState.ACKNOWLEDGED, TaskState.IN_PROGRESS, TaskState.RETURNED),
            TaskState.COMPLETION_REQUESTED, false),
    /** 退回: the supervisor refuses the completion request, with a reason. */
    RETURN("退回", "return", EnumSet.of(TaskState.COMPLETION_REQUESTED), TaskState.RETURNED, true),
    /** 办结: the supervisor closes the task. */
    CLOSE("办结", "close", EnumSet.of(TaskState.COMPLETION_REQUESTED), TaskState.CLOSED, true),
    /** 重新打开: the supervisor reopens a closed task, with a reason. */
    REOPEN("重新打开", "reopen", EnumSet.of(TaskState.CLOSED), TaskState.IN_PROGRESS, true);

    private final String zh;
    private final String en;
    /** The states it may start from; {@code null} for ASSIGN, which also starts from no state. */
    private final Set<TaskState> from;
    private final TaskState to;
    private final boolean supervisors;

    TaskAction(String zh, String en, Set<TaskState> from, TaskState to, boolean supervisors) {
        this.zh = zh;
        this.en = en;
        this.from = from;
        this.to = to;
        this.supervisors = supervisors;
    }

    /**
     * The step's name in Chinese.
     *
     * @return e.g. 签收
     */
    public String zh() {
        return zh;
    }

    /**
     * The step's name in English.
     *
     * @return e.g. acknowledge
     */
    public String en() {
        return en;
    }

    /**
     * The state the step leads to.
     *
     * @return the new state
     */
    public TaskState to() {
        return to;
    }

    /**
     * Whether a supervisor takes this step (assign, return, close, reopen); otherwise the task's units do.
     *
     * @return true for the supervisor's steps
     */
    public boolean bySupervisor() {
        return supervisors;
    }

    /**
     * Whether the step may start from this state.
     *
     * @param current the task's state, or {@code null} when it was never assigned
     * @return true when allowed
     */
    public boolean allowedFrom(TaskState current) {
        if (this == ASSIGN) {
            return current == null || (current != TaskState.COMPLETION_REQUESTED && current != TaskState.CLOSED);
        }
        return current != null && from.contains(current);
    }

    /**
     * The states the step may start from, for messages.
     *
     * @return the states (for ASSIGN: every state but completion requested and closed, and no state)
     */
    public Set<TaskState> from() {
        if (this == ASSIGN) {
            return EnumSet.of(TaskState.ASSIGNED, TaskState.ACKNOWLEDGED, TaskState.IN_PROGRESS, TaskState.RETURNED);
        }
        return EnumSet.copyOf(from);
    }

    /**
     * The stable name used in events and the audit trail.
     *
     * @return e.g. {@code request-completion}
     */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
