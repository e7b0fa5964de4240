package org.plantrack.core.event;

import java.time.Instant;
import java.util.Objects;
import org.plantrack.core.model.Plan;

/**
 * A plan was created from a structured plan (not imported from a document) and stored as version 1.
 *
 * @param plan  the stored plan (version 1)
 * @param actor who created it (principal id)
 * @param at    when
 */
public record PlanCreated(Plan plan, String actor, Instant at) implements PlanChange {
    public PlanCreated {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String type() {
        return "plan.created";
    }
}
