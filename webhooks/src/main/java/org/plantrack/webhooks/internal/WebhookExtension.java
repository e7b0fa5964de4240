package org.plantrack.webhooks.internal;

import org.plantrack.persistence.jdbc.spi.StoreExtension;
import org.plantrack.persistence.jdbc.spi.Transactions;
import org.plantrack.persistence.jdbc.spi.WriteHook;

/**
 * Webhooks as a store extension (registered with {@code provides ... with}): attaches an {@link OutboxHook}
 * to every store. Not API.
 */
public final class WebhookExtension implements StoreExtension {
    /** The constructor {@link java.util.ServiceLoader} uses. */
    public WebhookExtension() {
    }

    @Override
    public WriteHook attach(Transactions transactions) {
        return new OutboxHook(transactions);
    }
}
