package org.plantrack.persistence.jdbc.spi;

/**
 * A plugin of {@code JdbcPlanStore}, found by {@link java.util.ServiceLoader} when a store opens
 * ({@code provides org.plantrack.persistence.jdbc.spi.StoreExtension with ...} in the plugin's
 * {@code module-info.java}, and {@code META-INF/services/org.plantrack.persistence.jdbc.spi.StoreExtension}
 * for the class path). Every store attaches every extension found: an extension that fails to load or to
 * attach is logged and left out, and the store opens without it.
 *
 * <p>The webhooks module ({@code org.plantrack.webhooks}) is one: it writes each change's webhook events
 * into its outbox in the change's own transaction.
 */
public interface StoreExtension {

    /**
     * Attaches this extension to a store that is opening: called once per store, after its schema is up to
     * date, before the store is handed out.
     *
     * @param transactions the store's transactions, for the extension's own reads and audited writes (valid
     *                     until the store is closed)
     * @return the extension's part in the store's writes; the store keeps it, and
     *         {@code JdbcPlanStore.attached(Class)} finds it again by its class
     */
    WriteHook attach(Transactions transactions);
}
