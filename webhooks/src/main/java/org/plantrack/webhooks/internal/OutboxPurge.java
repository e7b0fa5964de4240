package org.plantrack.webhooks.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.plantrack.persistence.jdbc.spi.Dialect;
import org.plantrack.persistence.jdbc.spi.Transactions;

/** Deletes finished rows from the outbox in batches, a transaction each. Not API. */
public final class OutboxPurge {
    private OutboxPurge() {
    }

    /**
     * Deletes the rows in {@code state} whose {@code column} is before {@code cutoff}, at most {@code batch}
     * per transaction, while {@code keepGoing}; tells {@code removed} how many each batch deleted. Rows
     * another transaction holds locked are skipped.
     *
     * <p>PostgreSQL keeps deleted rows in the table until it is vacuumed, and a plain query would read
     * through all the rows the earlier batches deleted again: quadratic in a large purge. There each
     * batch starts after the last id of the one before, along the primary key, so a purge reads the
     * table about once. H2 drops deleted rows from its indexes at commit; the plain query, answered
     * from the index on the state, is fast there (and H2 would sort every row in the state for the
     * ordered one).
     */
    public static void delete(Transactions tx, String state, String column, long cutoff, int batch,
            BooleanSupplier keepGoing, LongConsumer removed) {
        boolean keyset = tx.dialect() == Dialect.POSTGRESQL;
        String select = "SELECT id FROM plantrack_webhook_delivery WHERE delivery_state = ? AND " + column
                + " < ? AND id > ?" + (keyset ? " ORDER BY id" : "") + " LIMIT ? FOR UPDATE SKIP LOCKED";
        long after = Long.MIN_VALUE;
        while (keepGoing.getAsBoolean()) {
            long from = after;
            long[] done = tx.inTransaction("purge " + state + " webhook deliveries", c -> {
                List<Long> ids = new ArrayList<>(batch);
                try (PreparedStatement ps = c.prepareStatement(select)) {
                    ps.setString(1, state);
                    ps.setLong(2, cutoff);
                    ps.setLong(3, from);
                    ps.setInt(4, batch);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    return new long[] {0, 0, 0};
                }
                // the rows are locked by this transaction; the state is checked again all the same
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM plantrack_webhook_delivery WHERE "
                        + "delivery_state = ? AND id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
                        + ")")) {
                    ps.setString(1, state);
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 2, ids.get(i));
                    }
                    return new long[] {ids.size(), ps.executeUpdate(), ids.get(ids.size() - 1)};
                }
            });
            if (done[0] == 0) {
                return;
            }
            removed.accept(done[1]);
            if (keyset) {
                after = done[2];
            }
        }
    }
}
