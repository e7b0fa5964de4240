package org.plantrack.core.event;

import java.time.Instant;
import java.util.Objects;
import org.plantrack.core.model.Plan;

/**
 * A plan was archived: it stays readable but takes no more reports or edits.
 *
 * @param plan  the stored, archived plan (its new version)
 * @param actor who archived it (principal id)
 * @param at    when
 */
public record PlanArchived(Plan plan, String actor, Instant at) implements PlanChange {
    public PlanArchived {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String type() {
        return "plan.archived";
    }
}
