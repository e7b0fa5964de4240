package org.plantrack.persistence.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.PlanStore;
import org.plantrack.core.store.PlanStoreContract;

/** {@link JdbcPlanStore} on a real PostgreSQL server passes the store contract (one schema per test). */
class JdbcPostgresPlanStoreIT extends PlanStoreContract {
    private String url;

    @Override
    protected PlanStore newStore() {
        url = PgSupport.freshSchemaUrl();
        return JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD);
    }

    /** The owner disables the append-only trigger, updates the row with plain SQL, and enables it again. */
    @Override
    protected void tamper(PlanStore target, AuditEvent original, AuditEvent altered) {
        PgSupport.sqlOn(url,
                "ALTER TABLE plantrack_audit DISABLE TRIGGER plantrack_audit_append_only",
                "UPDATE plantrack_audit SET actor = '" + altered.actor().replace("'", "''") + "', after_state = "
                        + (altered.after() == null ? "NULL" : "'" + altered.after().replace("'", "''") + "'")
                        + ", hash = '" + altered.hash() + "' WHERE seq = "
                        + original.sequence(),
                "ALTER TABLE plantrack_audit ENABLE TRIGGER plantrack_audit_append_only");
    }

    @AfterAll
    static void dropSchemas() {
        PgSupport.dropSchemas();
    }
}
