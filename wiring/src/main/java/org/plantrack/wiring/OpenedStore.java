package org.plantrack.wiring;

import java.util.Objects;
import org.plantrack.core.store.PlanStore;

/**
 * The store of an injector, and whether the tracker closes it (it does for a store the wiring opened).
 *
 * @param store the store
 * @param owned whether closing the tracker closes the store
 */
public record OpenedStore(PlanStore store, boolean owned) {
    public OpenedStore {
        Objects.requireNonNull(store, "store");
    }
}
