package org.plantrack.persistence.jdbc;

import org.plantrack.core.store.PlanStore;
import org.plantrack.core.store.SupervisionStoreContract;

/** {@link JdbcPlanStore} on an H2 file database passes the supervision store contract. */
class JdbcH2SupervisionStoreTest extends SupervisionStoreContract {
    @Override
    protected PlanStore newStore() {
        return JdbcPlanStore.open(H2Files.url(H2Files.fresh("supervision")), "sa", "");
    }
}
