package org.plantrack.persistence.jdbc;

import java.nio.file.Path;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.PlanStore;
import org.plantrack.core.store.PlanStoreContract;

/**
 * {@link JdbcPlanStore} with a plan cache of one plan passes the store contract too (plans are
 * dropped from and read back into the cache all the time); {@link JdbcH2PlanStoreTest} runs it with
 * the default cache, {@link JdbcH2UncachedPlanStoreTest} with none.
 */
class JdbcH2SmallPlanCacheStoreTest extends PlanStoreContract {
    private Path file;

    @Override
    protected PlanStore newStore() {
        file = H2Files.fresh("contract-cache1");
        return JdbcPlanStore.open(H2Files.url(file), "sa", "", JdbcPlanStore.DEFAULT_H2_FILE_CONNECTION_TIMEOUT, 1);
    }

    @Override
    protected void tamper(PlanStore target, AuditEvent original, AuditEvent altered) {
        JdbcH2PlanStoreTest.tamperOn(file, original, altered);
    }
}
