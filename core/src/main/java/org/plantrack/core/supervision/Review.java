package org.plantrack.core.supervision;

import java.time.Instant;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;

/**
 * A reviewer's decision on a task progress report (复核). Append-only; the latest decision on a report stands.
 *
 * @param id       identifier
 * @param planId   the plan
 * @param reportId the task report decided on
 * @param approved whether it was approved (it then counts); {@code false}: returned, the unit resubmits
 * @param reason   why (required when returned), or {@code null}
 * @param reviewer who decided (a principal id)
 * @param at       when (UTC)
 */
public record Review(String id, String planId, String reportId, boolean approved, String reason, String reviewer,
        Instant at) {
    public Review {
        Checks.id("review.id", id);
        Checks.id("review.planId", planId);
        Checks.id("review.reportId", reportId);
        reason = Checks.optionalText("review.reason", reason);
        if (!approved && reason == null) {
            throw new ValidationException("review.reason", null, "the reason a report is returned (退回原因)");
        }
        if (reason != null && reason.length() > TaskTransition.MAX_NOTE) {
            throw new ValidationException("review.reason", reason.length() + " characters",
                    "at most " + TaskTransition.MAX_NOTE);
        }
        Checks.text("review.reviewer", reviewer);
        Checks.notNull("review.at", at);
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /**
     * The state this decision puts the report in.
     *
     * @return approved or returned
     */
    public ReviewState state() {
        return approved ? ReviewState.APPROVED : ReviewState.RETURNED;
    }
}
