package org.plantrack.core.store;

/** The in-memory store passes the store contract. */
class InMemoryPlanStoreTest extends PlanStoreContract {

    @Override
    protected PlanStore newStore() {
        return InMemoryPlanStore.create();
    }

    @Override
    protected void tamper(PlanStore target, AuditEvent original, AuditEvent altered) {
        ((InMemoryPlanStore) target).tamperForTesting(altered);
    }
}
