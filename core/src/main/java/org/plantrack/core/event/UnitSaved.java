package org.plantrack.core.event;

import java.time.Instant;
import java.util.Objects;
import org.plantrack.core.model.Unit;

/**
 * A unit was created or changed.
 *
 * @param unit  the stored unit
 * @param actor who saved it (principal id)
 * @param at    when
 */
public record UnitSaved(Unit unit, String actor, Instant at) implements PlanEvent {
    public UnitSaved {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(at, "at");
    }

    /**
     * A unit belongs to no one plan.
     *
     * @return {@code null}
     */
    @Override
    public String planId() {
        return null;
    }

    @Override
    public String type() {
        return "unit.saved";
    }
}
