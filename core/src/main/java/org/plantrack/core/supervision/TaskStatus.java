package org.plantrack.core.supervision;

import org.plantrack.core.base.Checks;
import org.plantrack.core.evaluation.Reason;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.WarningLevel;

/**
 * A task's status as of a date, decided by the task rules from its lifecycle, due date, reporting, latest
 * self-assessment and targets, or set by hand.
 *
 * @param taskId  the task
 * @param title   the task's title
 * @param status  the status
 * @param warning the cn-supervision colour ({@link WarningLevel#NONE} under other presets)
 * @param ruleId  the rule that decided it ({@code task.manual} when set by hand)
 * @param reason  why, in Chinese and English
 * @param manual  whether a reviewer set it by hand
 * @param facts   what the rules read
 */
public record TaskStatus(String taskId, String title, Status status, WarningLevel warning, String ruleId,
        Reason reason, boolean manual, TaskFacts facts) {
    public TaskStatus {
        Checks.id("taskStatus.taskId", taskId);
        Checks.notNull("taskStatus.status", status);
        Checks.notNull("taskStatus.warning", warning);
        Checks.text("taskStatus.ruleId", ruleId);
        Checks.notNull("taskStatus.reason", reason);
        Checks.notNull("taskStatus.facts", facts);
    }
}
