package org.plantrack.persistence.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.plantrack.core.store.PlanStore;
import org.plantrack.core.store.SupervisionStoreContract;

/** {@link JdbcPlanStore} on a real PostgreSQL server passes the supervision store contract (one schema per test). */
class JdbcPostgresSupervisionStoreIT extends SupervisionStoreContract {
    @Override
    protected PlanStore newStore() {
        return JdbcPlanStore.open(PgSupport.freshSchemaUrl(), PgSupport.USER, PgSupport.PASSWORD);
    }

    @AfterAll
    static void dropSchemas() {
        PgSupport.dropSchemas();
    }
}
