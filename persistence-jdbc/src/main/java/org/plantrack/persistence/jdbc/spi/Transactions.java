package org.plantrack.persistence.jdbc.spi;

import org.plantrack.core.store.AuditRecord;

/**
 * The transactions of one {@code JdbcPlanStore}, as a {@link StoreExtension} gets them: work in a transaction
 * of its own, or an audited write (the work and its audit event in one transaction, under the audit chain's
 * lock, as every write of the store). SQL errors become the store's exceptions
 * ({@link org.plantrack.core.error.StoreUnavailableException} when the database cannot be reached, and so
 * on), and every call fails once the store is closed.
 */
public interface Transactions {

    /**
     * Which database the store uses.
     *
     * @return the database for messages and logs (no password)
     */
    String database();

    /**
     * The kind of database.
     *
     * @return H2 or PostgreSQL
     */
    Dialect dialect();

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
     *
     * @param what  what the work does, for error messages ({@code "list webhooks"})
     * @param work  the work
     * @param <T>   what it returns
     * @return what {@code work} returned
     */
    <T> T inTransaction(String what, SqlWork<T> work);

    /**
     * Runs {@code work} and appends {@code audit} to the audit trail in one transaction, after locking the
     * audit chain head (so it is serialised with every other write to the database). Extensions' writes carry
     * no {@link org.plantrack.core.event.PlanEvent}s: no {@link WriteHook} is called for them.
     *
     * @param what  what the write does, for error messages
     * @param audit the audit event to append (the store numbers and chains it)
     * @param work  the write
     * @param <T>   what it returns
     * @return what {@code work} returned
     */
    <T> T audited(String what, AuditRecord audit, SqlWork<T> work);
}
