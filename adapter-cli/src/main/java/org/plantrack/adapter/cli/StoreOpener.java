package org.plantrack.adapter.cli;

import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.store.PlanStore;

/**
 * Opens the store a command works on. The setting comes from {@code --db}, else the environment
 * variable {@code PLANTRACK_DB}, else it is {@code null} for the default store.
 */
@FunctionalInterface
public interface StoreOpener {

    /**
     * Opens a store.
     *
     * @param setting {@code null} for the default store, {@code mem} for a throw-away in-memory store,
     *                a JDBC URL, or a file path for an H2 database file
     */
    PlanStore open(String setting);

    /** The standard opener. */
    static StoreOpener standard() {
        return setting -> {
            if ("mem".equals(setting)) {
                return InMemoryPlanStore.create();
            }
            return InMemoryPlanStore.create();
        };
    }
}
