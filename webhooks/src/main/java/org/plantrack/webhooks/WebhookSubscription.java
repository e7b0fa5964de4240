package org.plantrack.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * A webhook subscription: where events go and which.
 *
 * @param id         its id ({@code wh_...})
 * @param url        the receiver's URL (http or https)
 * @param secret     the signing secret ({@code whsec_...}); {@link #toString()} never shows it
 * @param eventTypes the event types it receives ({@code *} for all, see {@link WebhookEvents})
 * @param active     {@code false} once removed
 * @param createdAt  when it was added
 * @param createdBy  who added it
 */
public record WebhookSubscription(String id, URI url, String secret, Set<String> eventTypes, boolean active,
        Instant createdAt, String createdBy) {

    public WebhookSubscription {
        eventTypes = Set.copyOf(eventTypes);
    }

    @Override
    public String toString() {
        return "WebhookSubscription[id=" + id + ", url=" + url + ", eventTypes=" + new java.util.TreeSet<>(eventTypes)
                + ", active=" + active + ", createdAt=" + createdAt + ", createdBy=" + createdBy + "]";
    }
}
