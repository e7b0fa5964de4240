package org.plantrack.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.plantrack.core.event.PlanEvent;
import org.plantrack.persistence.jdbc.spi.PlanWrite;
import org.plantrack.persistence.jdbc.spi.StoreExtension;
import org.plantrack.persistence.jdbc.spi.Transactions;
import org.plantrack.persistence.jdbc.spi.WriteHook;

/**
 * A test store extension (registered in the tests' {@code META-INF/services}): its hook records every write
 * it is told of, and refuses, by throwing, writes about the plans it is told to refuse.
 */
public final class RecordingExtension implements StoreExtension {
    @Override
    public WriteHook attach(Transactions transactions) {
        return new Hook(transactions);
    }

    /** What the extension attached to one store. */
    public static final class Hook implements WriteHook {
        final Transactions transactions;
        final List<PlanWrite> writes = new CopyOnWriteArrayList<>();
        final Set<String> refused = ConcurrentHashMap.newKeySet();
        /** When set, the next write told of loses its database connection (closed under the store) and is reset. */
        final AtomicBoolean loseConnection = new AtomicBoolean();

        Hook(Transactions transactions) {
            this.transactions = transactions;
        }

        @Override
        public void written(Connection c, PlanWrite write) throws SQLException {
            // something written in the write's transaction, to show it goes (or stays) with the write
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM plantrack_plan")) {
                ps.executeQuery().close();
            }
            for (PlanEvent e : write.events()) {
                if (e.planId() != null && refused.contains(e.planId())) {
                    throw new SQLException("the recording extension refuses plan " + e.planId(), "55000");
                }
            }
            if (loseConnection.compareAndSet(true, false)) {
                // the pool's proxy hands out the driver's connection; closing it ends the session mid-transaction
                c.unwrap(Connection.class).close();
                return;
            }
            writes.add(write);
        }
    }
}
