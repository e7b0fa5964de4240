package org.plantrack.adapter.cli;

import java.time.Clock;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.store.PlanStore;
import org.plantrack.wiring.PluginsModule;
import org.plantrack.wiring.StoreModule;
import org.plantrack.wiring.TrackerModule;
import org.plantrack.wiring.WebhooksModule;
import org.plantrack.wiring.Wiring;

/**
 * Builds the tracker the CLI uses through the composition root the server uses too (org.plantrack.wiring): the
 * store, the plugins' rules and listeners, and webhooks — on a database with an active subscription, status changes
 * caused by the CLI's writes go into the webhook outbox (change events always do, in the store's own transactions);
 * the server delivers them.
 */
final class Trackers {
    private Trackers() {
    }

    static PlanTracker build(PlanStore store, Clock clock) {
        return Wiring.instance(Wiring.create(StoreModule.of(store, true), new TrackerModule(clock), new PluginsModule(),
                WebhooksModule.recording()), PlanTracker.class);
    }
}
