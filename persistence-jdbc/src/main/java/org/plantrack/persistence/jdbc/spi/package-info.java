/**
 * Extension points of the JDBC store: a {@link org.plantrack.persistence.jdbc.spi.StoreExtension} (found by
 * {@link java.util.ServiceLoader}) gets the store's {@link org.plantrack.persistence.jdbc.spi.Transactions} and
 * attaches a {@link org.plantrack.persistence.jdbc.spi.WriteHook}, which is handed the typed events of every
 * write of plans, reports and units inside that write's transaction
 * ({@link org.plantrack.persistence.jdbc.spi.PlanWrite}).
 */
package org.plantrack.persistence.jdbc.spi;
