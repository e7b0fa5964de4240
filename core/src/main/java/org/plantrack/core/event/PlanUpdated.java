package org.plantrack.core.event;

import java.time.Instant;
import java.util.Objects;
import org.plantrack.core.model.Plan;

/**
 * A plan was edited: a new version replaced the one before.
 *
 * @param plan  the stored plan (its new version)
 * @param actor who edited it (principal id)
 * @param at    when
 */
public record PlanUpdated(Plan plan, String actor, Instant at) implements PlanChange {
    public PlanUpdated {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String type() {
        return "plan.updated";
    }
}
