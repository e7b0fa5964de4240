package org.plantrack.core.event;

import java.time.Instant;
import org.plantrack.core.model.Plan;

/**
 * A plan was imported from a document and stored.
 *
 * @param plan     the stored plan
 * @param warnings how many import warnings a person should review
 * @param actor    who imported it
 * @param at       when
 */
public record PlanImported(Plan plan, int warnings, String actor, Instant at) implements PlanChange {
    @Override
    public String type() {
        return "plan.imported";
    }
}
