package org.plantrack.adapter.cli;

import java.time.Clock;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.store.PlanStore;

/** Builds the tracker the CLI uses (a plain factory: the wiring is three calls). */
final class Trackers {
    private Trackers() {
    }

    static PlanTracker build(PlanStore store, Clock clock) {
        return PlanTracker.builder().store(store).clock(clock).closeStoreOnClose(true).build();
    }
}
