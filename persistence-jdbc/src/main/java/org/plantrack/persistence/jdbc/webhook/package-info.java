/**
 * Signed webhooks with a transactional outbox: {@link org.plantrack.persistence.jdbc.webhook.Webhooks}
 * (subscriptions, deliveries, dead letters), {@link org.plantrack.persistence.jdbc.webhook.WebhookDispatcher}
 * (sends with retries), {@link org.plantrack.persistence.jdbc.webhook.WebhookSignature} (Standard Webhooks
 * signatures) and {@link org.plantrack.persistence.jdbc.webhook.WebhookEvents} (event types).
 */
package org.plantrack.persistence.jdbc.webhook;
