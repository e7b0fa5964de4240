package org.plantrack.adapter.cli;

import java.time.Clock;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.store.PlanStore;
import org.plantrack.webhooks.Webhooks;

/**
 * Builds the tracker the CLI uses (a plain factory: the wiring is a few calls). On a database with
 * active webhook subscriptions, status changes caused by the CLI's writes go into the webhook outbox
 * too (change events always do, in the store's own transactions).
 */
final class Trackers {
    private Trackers() {
    }

    static PlanTracker build(PlanStore store, Clock clock) {
        PlanTracker.Builder b = PlanTracker.builder().store(store).clock(clock).closeStoreOnClose(true);
        Webhooks.of(store, clock).filter(Webhooks::anyActive)
                .ifPresent(webhooks -> b.listener(webhooks.statusListener()));
        return b.build();
    }
}
