package org.plantrack.core.event;

import java.time.Instant;
import org.plantrack.core.supervision.TaskAction;
import org.plantrack.core.supervision.TaskTransition;

/**
 * A task took a lifecycle step (交办, 签收, 开始办理, 申请办结, 退回, 办结, 重新打开).
 *
 * @param transition the stored step
 */
public record TaskTransitioned(TaskTransition transition) implements TaskEvent {
    @Override
    public String planId() {
        return transition.planId();
    }

    @Override
    public String taskId() {
        return transition.taskId();
    }

    @Override
    public Instant at() {
        return transition.at();
    }

    /**
     * The type: {@code task.assigned}, {@code task.acknowledged}, {@code task.started},
     * {@code task.completion-requested}, {@code task.returned}, {@code task.closed} or {@code task.reopened}.
     *
     * @return the type
     */
    @Override
    public String type() {
        return typeOf(transition.action());
    }

    /**
     * The event type of a step.
     *
     * @param action the step
     * @return e.g. {@code task.assigned}
     */
    public static String typeOf(TaskAction action) {
        switch (action) {
            case ASSIGN:
                return "task.assigned";
            case ACKNOWLEDGE:
                return "task.acknowledged";
            case START:
                return "task.started";
            case REQUEST_COMPLETION:
                return "task.completion-requested";
            case RETURN:
                return "task.returned";
            case CLOSE:
                return "task.closed";
            case REOPEN:
            default:
                return "task.reopened";
        }
    }
}
