package org.plantrack.persistence.jdbc.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.error.StoreUnavailableException;
import org.plantrack.core.event.PlanEvent;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.persistence.jdbc.spi.Dialect;
import org.plantrack.persistence.jdbc.spi.PlanWrite;
import org.plantrack.persistence.jdbc.spi.SqlWork;
import org.plantrack.persistence.jdbc.spi.Transactions;
import org.plantrack.persistence.jdbc.spi.WriteHook;

/**
 * Runs the store's work on a connection of its pool: reads in auto-commit or in a transaction, and
 * audited writes (the write and its audit event in one transaction, after locking the audit chain
 * head), handing the typed events of each write of plans, reports and units to the attached
 * {@link WriteHook}s inside that transaction. SQL errors become the store's exceptions
 * ({@link SqlErrors}). It is the {@link Transactions} handle extensions get. Not API.
 */
public final class TransactionRunner implements Transactions {
    private final DataSource dataSource;
    private final String database;
    private final Dialect dialect;
    private final AuditChain chain;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile List<WriteHook> hooks = List.of();

    TransactionRunner(DataSource dataSource, String database, Dialect dialect, AuditChain chain) {
        this.dataSource = dataSource;
        this.database = database;
        this.dialect = dialect;
        this.chain = chain;
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    /** Refuses every later call; {@code true} the first time. */
    public boolean close() {
        return closed.compareAndSet(false, true);
    }

    /** From now on, every write of plans, reports and units is handed to {@code attached}. */
    void attach(List<WriteHook> attached) {
        this.hooks = List.copyOf(attached);
    }

    /** The hooks the store's extensions attached. */
    public List<WriteHook> hooks() {
        return hooks;
    }

    /** Work that also gets the sequence number its audit event will have. */
    @FunctionalInterface
    interface SeqWork<T> {
        T run(Connection c, long auditSeq) throws SQLException;
    }

    /** Work done while the audit chain head is locked. */
    @FunctionalInterface
    interface HeadWork<T> {
        T run(AuditChain.Head head) throws SQLException;
    }

    /** What a write did, as typed events, given what it returned and its audit record. */
    @FunctionalInterface
    interface Events<T> {
        List<PlanEvent> of(T result, AuditRecord audit);
    }

    @Override
    public <T> T audited(String what, AuditRecord audit, SqlWork<T> work) {
        return write(what, audit, work, (result, a) -> List.of());
    }

    /**
     * A write and its audit event in one transaction, after locking the chain head; then, in the same
     * transaction, the attached hooks get the write's {@code events} (when it succeeded and has any).
     */
    <T> T write(String what, AuditRecord audit, SqlWork<T> work, Events<T> events) {
        return writeWithSeq(what, audit, (c, seq) -> work.run(c), events);
    }

    <T> T writeWithSeq(String what, AuditRecord audit, SeqWork<T> work, Events<T> events) {
        Objects.requireNonNull(audit, "audit");
        return inTransaction(what, c -> underHeadLock(c, head -> {
            T result = work.run(c, head.seq() + 1);
            AuditEvent event = chain.appendChained(c, head, audit, what);
            List<WriteHook> told = hooks;
            if (!told.isEmpty() && event.success()) {
                List<PlanEvent> happened = events.of(result, audit);
                if (!happened.isEmpty()) {
                    PlanWrite write = new PlanWrite(event, happened);
                    for (WriteHook hook : told) {
                        hook.written(c, write);
                    }
                }
            }
            return result;
        }));
    }

    /** Appends an audit event of its own (no other change), in a transaction of its own. */
    AuditEvent appendAudit(String what, AuditRecord audit) {
        return inTransaction(what, c -> underHeadLock(c, head -> chain.appendChained(c, head, audit, what)));
    }

    /**
     * Locks the chain head, then does {@code work}. On H2 a refused or failed {@code work} is undone to a
     * savepoint taken just after the lock and the transaction then <em>commits</em> (having changed
     * nothing) instead of rolling back: H2 (2.3.232 and 2.5.252, file and memory) can write a locked row's
     * stale value back when a transaction that locked it rolls back, over what other transactions
     * committed meanwhile. For the chain head that moved the head behind committed events, and every
     * later write then collided on the audit key, for good. A rollback to a savepoint after the lock does
     * not touch the head row. PostgreSQL has no such defect and rolls back as usual.
     */
    <T> T underHeadLock(Connection c, HeadWork<T> work) throws SQLException {
        AuditChain.Head head = AuditChain.lockHead(c);
        Savepoint afterLock = dialect == Dialect.H2 ? c.setSavepoint() : null;
        try {
            return work.run(head);
        } catch (SQLException | RuntimeException e) {
            if (afterLock == null) {
                throw e;
            }
            try {
                c.rollback(afterLock);
            } catch (SQLException r) {
                e.addSuppressed(r);
                throw e; // the connection is broken: the transaction ends with it
            }
            throw new UndoneAfterLock(e);
        }
    }

    /**
     * A write refused after the chain head was locked and undone to the savepoint taken after the lock:
     * {@link #run} commits the (empty) transaction and throws the cause.
     */
    private static final class UndoneAfterLock extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UndoneAfterLock(Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** A read that streams its rows (fetch size): in a transaction, which PostgreSQL needs for a cursor. */
    <T> T read(String what, SqlWork<T> work) {
        return inTransaction(what, work);
    }

    /**
     * A read of one statement with a small answer, in auto-commit: at READ COMMITTED (the isolation of both
     * databases here) a transaction around one statement adds nothing but a COMMIT round trip.
     */
    <T> T readOne(String what, SqlWork<T> work) {
        return run(what, false, work);
    }

    @Override
    public <T> T inTransaction(String what, SqlWork<T> work) {
        return run(what, true, work);
    }

    private <T> T run(String what, boolean transaction, SqlWork<T> work) {
        if (closed.get()) {
            throw new StoreUnavailableException("store unavailable: cannot " + what + " because the store on "
                    + database + " is closed", null);
        }
        try (Connection c = dataSource.getConnection()) {
            try {
                return run(c, transaction, work);
            } catch (SQLException | RuntimeException e) {
                evictIfLost(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.map(what, database, e);
        } catch (PlantrackException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw SqlErrors.map(what, database, sql);
            }
            throw e;
        }
    }

    /**
     * A connection that failed because the database went away or the connection was lost is taken out of the
     * store's own pool at once, so that the next call does not get it back (HikariCP retires only connections
     * whose errors it knows as fatal, and not H2's "object closed" of a connection closed under it).
     */
    private void evictIfLost(Connection c, Exception e) {
        SQLException sql = e instanceof SQLException s ? s
                : e.getCause() instanceof SQLException s ? s : null;
        if (sql != null && SqlErrors.isUnavailable(sql) && dataSource instanceof HikariDataSource pool) {
            pool.evictConnection(c);
        }
    }

    private <T> T run(Connection c, boolean transaction, SqlWork<T> work) throws SQLException {
        if (!transaction && c.getAutoCommit()) {
            return work.run(c);
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (UndoneAfterLock u) {
            // undone to the savepoint after the head lock: end the transaction without a rollback
            Throwable cause = u.getCause();
            try {
                c.commit();
            } catch (SQLException f) {
                cause.addSuppressed(f);
            }
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            throw (RuntimeException) cause;
        } catch (SQLException | RuntimeException e) {
            rollback(c, e);
            throw e;
        } finally {
            restore(c, autoCommit);
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    private static void restore(Connection c, boolean autoCommit) {
        try {
            c.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // the pool discards a broken connection
        }
    }
}
