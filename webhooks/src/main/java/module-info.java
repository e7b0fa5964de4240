/**
 * Plantrack webhooks: subscriptions, a transactional outbox filled in the JDBC store's own write
 * transactions, and a dispatcher that posts signed deliveries with retries. Plugs into
 * {@code org.plantrack.persistence.jdbc} as a store extension (found by {@link java.util.ServiceLoader});
 * {@link org.plantrack.webhooks.Webhooks#of(org.plantrack.core.store.PlanStore)} finds a store's webhooks.
 */
module org.plantrack.webhooks {
    requires transitive org.plantrack.core;
    requires org.plantrack.persistence.jdbc;
    requires org.slf4j;
    // the dispatcher's HTTP client
    requires java.net.http;

    exports org.plantrack.webhooks;

    provides org.plantrack.persistence.jdbc.spi.StoreExtension with org.plantrack.webhooks.internal.WebhookExtension;
}
