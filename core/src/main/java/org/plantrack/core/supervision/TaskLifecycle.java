package org.plantrack.core.supervision;

import java.util.StringJoiner;
import org.plantrack.core.error.ConflictException;

/** The lifecycle's rule: which step may be taken from which state, and the error when it may not. */
public final class TaskLifecycle {
    private TaskLifecycle() {
    }

    /**
     * Checks that a step may be taken.
     *
     * @param taskId  the task, for the message
     * @param action  the step
     * @param current the task's state, or {@code null} when it was never assigned
     * @return the state the step leads to
     * @throws ConflictException naming the current state and the states the step starts from, when it may not
     */
    public static TaskState next(String taskId, TaskAction action, TaskState current) {
        if (action.allowedFrom(current)) {
            return action.to();
        }
        StringJoiner zh = new StringJoiner("、");
        StringJoiner en = new StringJoiner(", ");
        for (TaskState s : action.from()) {
            zh.add("「" + s.zh() + "」");
            en.add(s.en());
        }
        String nowZh = current == null ? "尚未交办" : "当前为「" + current.zh() + "」";
        String nowEn = current == null ? "is not assigned yet" : "is " + current.en();
        throw new ConflictException("任务 " + taskId + " " + nowZh + "，不能" + action.zh() + "（" + action.zh() + "须在"
                + zh + "状态下进行） / task " + taskId + " " + nowEn + ": " + action.en() + " needs the task to be "
                + en.toString().replaceFirst(", ([^,]*)$", " or $1"));
    }
}
