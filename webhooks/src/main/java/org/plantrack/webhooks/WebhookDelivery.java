package org.plantrack.webhooks;

import java.time.Instant;

/**
 * One event on its way to one subscription (a row of the outbox), as admins see it.
 *
 * @param id           the delivery's number
 * @param messageId    the {@code webhook-id} header, the same for every attempt
 * @param webhookId    the subscription
 * @param eventType    the event type
 * @param planId       the plan concerned, or {@code null}
 * @param state        where it stands
 * @param attempts     attempts made so far
 * @param nextAttempt  when it is tried next ({@link State#PENDING} only)
 * @param createdAt    when the event happened
 * @param lastAttempt  when it was last tried, or {@code null}
 * @param lastStatus   the HTTP status of the last attempt, or {@code null} (no response: timeout, refused)
 * @param lastError    what went wrong in the last attempt, or {@code null}
 * @param deliveredAt  when the receiver accepted it, or {@code null}
 * @param payload      the JSON body
 */
public record WebhookDelivery(long id, String messageId, String webhookId, String eventType, String planId,
        State state, int attempts, Instant nextAttempt, Instant createdAt, Instant lastAttempt, Integer lastStatus,
        String lastError, Instant deliveredAt, String payload) {

    /** Where a delivery stands. */
    public enum State {
        /** Waiting for its first or next attempt. */
        PENDING,
        /** The receiver answered 2xx. */
        DELIVERED,
        /** Dead letter: the maximum number of attempts failed; an admin may {@link Webhooks#redeliver redeliver} it. */
        DEAD,
        /** Its subscription was removed before it was delivered. */
        CANCELLED
    }

    /** Whether an admin should look at it: dead, or pending after a failed attempt. */
    public boolean failing() {
        return state == State.DEAD || (state == State.PENDING && attempts > 0);
    }
}
