package org.plantrack.persistence.jdbc;

import java.nio.file.Path;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.PlanStore;
import org.plantrack.core.store.PlanStoreContract;

/** {@link JdbcPlanStore} with the plan cache off passes the store contract. */
class JdbcH2UncachedPlanStoreTest extends PlanStoreContract {
    private Path file;

    @Override
    protected PlanStore newStore() {
        file = H2Files.fresh("contract-nocache");
        return JdbcPlanStore.open(H2Files.url(file), "sa", "", JdbcPlanStore.DEFAULT_H2_FILE_CONNECTION_TIMEOUT, 0);
    }

    @Override
    protected void tamper(PlanStore target, AuditEvent original, AuditEvent altered) {
        JdbcH2PlanStoreTest.tamperOn(file, original, altered);
    }
}
