package org.plantrack.persistence.jdbc.spi;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An extension's part in the store's writes: told, inside the write transaction of every successful write of
 * plans, reports or units, what the write did. Writes of tokens and extensions' own audited writes are not
 * told.
 */
@FunctionalInterface
public interface WriteHook {
    /**
     * Called after the change and its audit event are written, before the commit. What the hook writes on
     * {@code c} commits or rolls back with the change; throwing fails the write and rolls it back.
     *
     * @param c     the connection of the write's transaction (not to be committed, rolled back or closed)
     * @param write the audit event and the typed events of the write
     * @throws SQLException if a statement fails
     */
    void written(Connection c, PlanWrite write) throws SQLException;
}
