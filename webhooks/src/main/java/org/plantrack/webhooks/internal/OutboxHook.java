package org.plantrack.webhooks.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.plantrack.persistence.jdbc.spi.PlanWrite;
import org.plantrack.persistence.jdbc.spi.Transactions;
import org.plantrack.persistence.jdbc.spi.WriteHook;

/**
 * The webhooks' part in one store's writes: each write's events go into the outbox in the write's
 * transaction. It also holds the store's transactions, for webhook administration and delivery. Not API.
 */
public final class OutboxHook implements WriteHook {
    private final Transactions transactions;

    OutboxHook(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * The transactions of the store this hook is attached to.
     *
     * @return the store's transactions
     */
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public void written(Connection c, PlanWrite write) throws SQLException {
        Outbox.enqueue(c, () -> Outbox.messagesFor(write));
    }

    @Override
    public String toString() {
        return "webhook outbox on " + transactions.database();
    }
}
