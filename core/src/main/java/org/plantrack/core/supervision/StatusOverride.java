package org.plantrack.core.supervision;

import java.time.Instant;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.evaluation.Status;

/**
 * A task's status set by hand by a reviewer, with the reason: it stands over the rules until cleared (a later
 * override with {@code status == null}). Append-only and audited; shown as set by hand.
 *
 * @param id     identifier
 * @param planId the plan
 * @param taskId the task
 * @param status the status set, or {@code null} to clear an earlier override and let the rules decide again
 * @param reason why (required)
 * @param by     who set it (a principal id)
 * @param at     when (UTC)
 */
public record StatusOverride(String id, String planId, String taskId, Status status, String reason, String by,
        Instant at) {
    public StatusOverride {
        Checks.id("override.id", id);
        Checks.id("override.planId", planId);
        Checks.id("override.taskId", taskId);
        reason = Checks.optionalText("override.reason", reason);
        if (reason == null) {
            throw new ValidationException("override.reason", null, "the reason the status is set by hand (人工设定理由)");
        }
        if (reason.length() > TaskTransition.MAX_NOTE) {
            throw new ValidationException("override.reason", reason.length() + " characters",
                    "at most " + TaskTransition.MAX_NOTE);
        }
        Checks.text("override.by", by);
        Checks.notNull("override.at", at);
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
