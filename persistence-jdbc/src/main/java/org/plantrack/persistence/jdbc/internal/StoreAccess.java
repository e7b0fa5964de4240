package org.plantrack.persistence.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * Lets the other packages of this module (webhooks) run their SQL in the transactions of a
 * {@link JdbcPlanStore} without making that plumbing public API. {@code JdbcPlanStore} installs the
 * accessor when its class is initialised; this package is not exported. Not API.
 */
public final class StoreAccess {
    private static volatile Accessor accessor;

    private StoreAccess() {
    }

    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        /** Runs the work; the caller commits or rolls back. */
        T run(Connection c) throws SQLException;
    }

    /** What {@link JdbcPlanStore} offers to this module's other packages. */
    public interface Accessor {
        /** Runs {@code work} in one transaction, mapping SQL errors like every store call. */
        <T> T transaction(JdbcPlanStore store, String what, SqlWork<T> work);

        /** Runs {@code work} and appends {@code audit} in one transaction, after locking the audit chain head. */
        <T> T audited(JdbcPlanStore store, String what, AuditRecord audit, SqlWork<T> work);

        /** The database kind of the store. */
        Dialect dialect(JdbcPlanStore store);
    }

    /** Called once by {@link JdbcPlanStore}'s static initialiser. */
    public static void install(Accessor a) {
        accessor = Objects.requireNonNull(a, "accessor");
    }

    /** The accessor; {@link JdbcPlanStore} is initialised by the time anyone holds a store. */
    public static Accessor get() {
        Accessor a = accessor;
        if (a == null) {
            throw new IllegalStateException("JdbcPlanStore is not initialised");
        }
        return a;
    }
}
