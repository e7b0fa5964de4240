package org.plantrack.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.plantrack.core.store.PlanStore;
import org.plantrack.webhooks.WebhookDispatcher;
import org.plantrack.webhooks.Webhooks;

/**
 * Webhooks: the store's {@link Webhooks} (empty for a store that keeps none), the status changes the tracker finds
 * put into their outbox too, and — for a server — the {@link WebhookDispatcher} that delivers it.
 */
public final class WebhooksModule extends AbstractModule {
    private final boolean deliver;
    private final Duration retention;

    private WebhooksModule(boolean deliver, Duration retention) {
        this.deliver = deliver;
        this.retention = retention;
    }

    /**
     * For a server: status changes go to the outbox whenever the store keeps webhooks (a subscription may be added
     * while it runs), and a dispatcher delivers the outbox.
     *
     * @param retention how long delivered rows are kept, or {@code null} for ever
     * @return the module
     */
    public static WebhooksModule delivering(Duration retention) {
        return new WebhooksModule(true, retention);
    }

    /**
     * For a command: status changes go to the outbox when a subscription is active; another process delivers it.
     *
     * @return the module
     */
    public static WebhooksModule recording() {
        return new WebhooksModule(false, null);
    }

    @Provides
    @Singleton
    Optional<Webhooks> webhooks(PlanStore store, Clock clock) {
        return Webhooks.of(store, clock);
    }

    @ProvidesIntoSet
    TrackerPart statusChangesToTheOutbox(Optional<Webhooks> webhooks) {
        Optional<Webhooks> wanted = deliver ? webhooks : webhooks.filter(Webhooks::anyActive);
        return b -> wanted.ifPresent(w -> b.listener(w.statusListener()));
    }

    @Provides
    @Singleton
    Optional<WebhookDispatcher> dispatcher(Optional<Webhooks> webhooks, Clock clock) {
        if (!deliver || webhooks.isEmpty()) {
            return Optional.empty();
        }
        WebhookDispatcher.Builder d = WebhookDispatcher.builder(webhooks.get()).clock(clock);
        if (retention != null) {
            d.retention(retention);
        }
        return Optional.of(d.build());
    }
}
