package org.plantrack.core.store;

import java.util.ArrayList;
import java.util.List;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.event.PlanEvent;
import org.plantrack.core.event.ReportRecorded;
import org.plantrack.core.event.TaskReported;
import org.plantrack.core.event.TaskReviewed;
import org.plantrack.core.event.TaskStatusSet;
import org.plantrack.core.event.TaskTransitioned;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.supervision.Review;
import org.plantrack.core.supervision.StatusOverride;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskTransition;

/**
 * One write to a task's supervision record, stored all together or not at all with its audit record: lifecycle
 * steps, a progress report, a review decision, a status set by hand, and the target progress reports recorded with
 * them (a report's figures, counted at once or when approved).
 *
 * <p>The write is based on what the caller read: {@link #basedOn()} is the id of the task's last transition then
 * ({@code null} when it had none). A store refuses the write with a
 * {@link org.plantrack.core.error.ConflictException}, writing nothing, when the task's last transition is another
 * one by then — two supervisors closing and returning the same task at once cannot both succeed.
 *
 * @param planId      the plan
 * @param taskId      the task
 * @param basedOn     the id of the task's last transition the caller read, or {@code null} when there was none
 * @param transitions lifecycle steps, in order
 * @param report      a progress report, or {@code null}
 * @param review      a review decision, or {@code null}
 * @param override    a status set by hand, or {@code null}
 * @param figures     target progress reports recorded with it
 * @param audit       the audit record of the write
 */
public record SupervisionWrite(String planId, String taskId, String basedOn, List<TaskTransition> transitions,
        TaskReport report, Review review, StatusOverride override, List<ProgressReport> figures, AuditRecord audit) {
    public SupervisionWrite {
        Checks.id("write.planId", planId);
        Checks.id("write.taskId", taskId);
        transitions = Checks.list("write.transitions", transitions);
        figures = Checks.list("write.figures", figures);
        Checks.notNull("write.audit", audit);
        for (TaskTransition t : transitions) {
            same("transition", t.planId(), t.taskId(), planId, taskId);
        }
        if (report != null) {
            same("report", report.planId(), report.taskId(), planId, taskId);
        }
        if (override != null) {
            same("override", override.planId(), override.taskId(), planId, taskId);
        }
        if (review != null && !review.planId().equals(planId)) {
            throw new ValidationException("write.review.planId", review.planId(), "the write's plan " + planId);
        }
        for (ProgressReport r : figures) {
            if (!r.planId().equals(planId)) {
                throw new ValidationException("write.figures.planId", r.planId(), "the write's plan " + planId);
            }
        }
        if (transitions.isEmpty() && report == null && review == null && override == null) {
            throw new ValidationException("write", "nothing", "a transition, report, review or override to store");
        }
    }

    private static void same(String what, String p, String t, String planId, String taskId) {
        if (!p.equals(planId) || !t.equals(taskId)) {
            throw new ValidationException("write." + what, p + "/" + t, "the write's task " + planId + "/" + taskId);
        }
    }

    /**
     * The typed events of this write, in the order stored: steps, report, review, override, then one
     * {@link ReportRecorded} per figure.
     *
     * @return the events
     */
    public List<PlanEvent> events() {
        List<PlanEvent> out = new ArrayList<>();
        for (TaskTransition t : transitions) {
            out.add(new TaskTransitioned(t));
        }
        if (report != null) {
            out.add(new TaskReported(report));
        }
        if (review != null) {
            out.add(new TaskReviewed(review, taskId));
        }
        if (override != null) {
            out.add(new TaskStatusSet(override));
        }
        for (ProgressReport r : figures) {
            out.add(new ReportRecorded(r, audit.at()));
        }
        return out;
    }
}
