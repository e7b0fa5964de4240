package org.plantrack.core.event;

import java.time.Instant;
import java.time.LocalDate;
import org.plantrack.core.evaluation.TargetEvaluation;

/**
 * A target's status or cn-supervision colour changed.
 *
 * @param planId the plan
 * @param asOf   the evaluation date of {@link #after()}
 * @param before the evaluation before the change
 * @param after  the evaluation after it
 * @param cause  {@code report} (a report was recorded or corrected), {@code plan} (the plan was edited) or
 *               {@code time} (found by a scheduled check: time passed)
 * @param at     when the change was detected
 */
public record StatusChanged(String planId, LocalDate asOf, TargetEvaluation before, TargetEvaluation after,
        String cause, Instant at) implements PlanEvent {

    /** The target concerned. */
    public String targetId() {
        return after.targetId();
    }

    @Override
    public String type() {
        return "status.changed";
    }
}
