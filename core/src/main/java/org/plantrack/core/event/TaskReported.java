package org.plantrack.core.event;

import java.time.Instant;
import org.plantrack.core.supervision.TaskReport;

/**
 * A unit submitted a progress report on a task ({@code task.reported}), or resubmitted one
 * ({@code task.report-resubmitted}, when it supersedes an earlier report).
 *
 * @param report the stored report
 */
public record TaskReported(TaskReport report) implements TaskEvent {
    @Override
    public String planId() {
        return report.planId();
    }

    @Override
    public String taskId() {
        return report.taskId();
    }

    @Override
    public Instant at() {
        return report.recordedAt();
    }

    @Override
    public String type() {
        return report.supersedes() == null ? "task.reported" : "task.report-resubmitted";
    }
}
