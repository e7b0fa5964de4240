/**
 * Plantrack's {@link org.plantrack.core.store.PlanStore} over JDBC,
 * {@link org.plantrack.persistence.jdbc.JdbcPlanStore}: an embedded H2 file by default, PostgreSQL in
 * production.
 *
 * <p>On opening, the schema is brought up to date with Flyway (history table
 * {@code plantrack_schema_history}). Every write and its audit event are one transaction. Each
 * write transaction first locks the single row of {@code plantrack_audit_head}
 * ({@code SELECT ... FOR UPDATE}), so audit sequence numbers and hashes form one chain even when
 * several processes or servers write to the same database. Plan edits are optimistic
 * ({@code UPDATE ... WHERE id = ? AND version = ?}). Progress reports and audit events are never
 * updated or deleted; on PostgreSQL a trigger rejects any attempt to.
 *
 * <p>Decoded plans are cached by id, at most 256 by default (least recently used out first; 0 turns the
 * cache off). {@link org.plantrack.persistence.jdbc.JdbcPlanStore#findPlan findPlan} still asks the
 * database for the plan's current version on every call, in the query that would read it, and gets the
 * stored document only when that version is not the cached one; so an edit by this store, another store
 * or another process is seen at once, and only the decoding is saved. The cache takes plans only from its
 * own committed reads, never from a write, so a rolled-back edit leaves nothing in it.
 *
 * <p>Connection failures surface as {@link org.plantrack.core.error.StoreUnavailableException} after at
 * most the connection timeout (3 s by default; 15 s for an embedded H2 file, whose stale lock after a
 * crash takes a few seconds to clear). An H2 file that cannot be opened for a reason waiting does not
 * cure (read-only, not an H2 database, damaged, held by a process that does not share it) is reported at
 * once, naming the file and what to do.
 *
 * <p>An H2 file store opened by
 * {@link org.plantrack.persistence.jdbc.JdbcPlanStore#fromSetting(String) fromSetting} is owner-only
 * (directories Plantrack creates 0700, the store's files 0600, tightened on every open), uses the user and
 * generated password kept beside it in {@code <store>.credentials}, and its {@code AUTO_SERVER} port
 * listens on 127.0.0.1 only (see docs/persistence.md).
 *
 * <p>Every {@link org.plantrack.persistence.jdbc.spi.StoreExtension} that {@link java.util.ServiceLoader}
 * finds is attached to a store as it opens: it gets the store's transactions and, inside the transaction
 * of every write of plans, reports or units, that write's typed events
 * ({@link org.plantrack.core.event.PlanEvent}). Webhooks are such an extension: when subscriptions are
 * active, each change's webhook events are written to the outbox in the change's transaction.
 *
 * <p>Inside, a store is a store-location resolver (the setting, the URL, the pool, the H2 file), a
 * transaction runner (connections, the head lock, audited writes, the extensions' hooks) and one
 * repository per table group (plans, reports, units, tokens, the audit trail, the audit keys and head),
 * in a package that is not exported.
 */
package org.plantrack.persistence.jdbc;
