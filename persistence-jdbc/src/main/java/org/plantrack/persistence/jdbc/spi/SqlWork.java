package org.plantrack.persistence.jdbc.spi;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work on a connection of the store, inside a transaction the store commits or rolls back.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SqlWork<T> {
    /**
     * Runs the work. It must not commit, roll back, close the connection or change its auto-commit.
     *
     * @param c the connection of the transaction
     * @return the result
     * @throws SQLException if a statement fails (the store maps it to its exceptions)
     */
    T run(Connection c) throws SQLException;
}
