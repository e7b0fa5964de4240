package org.plantrack.core.event;

import java.time.Instant;
import org.plantrack.core.supervision.Review;

/**
 * A reviewer approved ({@code task.report-approved}) or returned ({@code task.report-returned}) a task progress
 * report.
 *
 * @param review the stored decision
 * @param taskId the task of the report
 */
public record TaskReviewed(Review review, String taskId) implements TaskEvent {
    @Override
    public String planId() {
        return review.planId();
    }

    @Override
    public Instant at() {
        return review.at();
    }

    @Override
    public String type() {
        return review.approved() ? "task.report-approved" : "task.report-returned";
    }
}
