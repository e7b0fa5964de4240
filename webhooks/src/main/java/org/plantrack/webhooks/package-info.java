/**
 * Signed webhooks with a transactional outbox, as an extension of the JDBC store:
 * {@link org.plantrack.webhooks.Webhooks} (subscriptions, deliveries, dead letters; {@code Webhooks.of(store)}),
 * {@link org.plantrack.webhooks.WebhookDispatcher} (sends with retries), {@link org.plantrack.webhooks.WebhookSignature}
 * (Standard Webhooks signatures) and {@link org.plantrack.webhooks.WebhookEvents} (event types).
 */
package org.plantrack.webhooks;
