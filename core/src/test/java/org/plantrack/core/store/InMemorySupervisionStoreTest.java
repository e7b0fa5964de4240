package org.plantrack.core.store;

/** The in-memory store passes the supervision store contract. */
class InMemorySupervisionStoreTest extends SupervisionStoreContract {
    @Override
    protected PlanStore newStore() {
        return InMemoryPlanStore.create();
    }
}
