package org.plantrack.core.event;

import org.plantrack.core.model.Plan;

/** An event that carries the plan as stored after it: imported, created, updated or archived. */
public sealed interface PlanChange extends PlanEvent permits PlanImported, PlanCreated, PlanUpdated, PlanArchived {
    /**
     * The plan as stored.
     *
     * @return the plan
     */
    Plan plan();

    /**
     * The id of {@link #plan()}.
     *
     * @return the plan's id
     */
    @Override
    default String planId() {
        return plan().id();
    }
}
