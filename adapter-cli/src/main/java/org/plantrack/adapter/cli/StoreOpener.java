package org.plantrack.adapter.cli;

import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.store.PlanStore;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * Opens the store a command works on. The setting comes from {@code --db}, else the environment
 * variable {@code PLANTRACK_DB}, else it is {@code null} for the default store.
 */
@FunctionalInterface
public interface StoreOpener {

    /**
     * Opens a store.
     *
     * @param setting {@code null} for the default store (the H2 file {@code ~/.plantrack/plantrack}),
     *                {@code mem} for a throw-away in-memory store, a JDBC URL, or a file path for an
     *                H2 database file
     */
    PlanStore open(String setting);

    /** The standard opener: {@code mem} in memory, anything else through {@link JdbcPlanStore#fromSetting}. */
    static StoreOpener standard() {
        return setting -> "mem".equals(setting) ? InMemoryPlanStore.create() : JdbcPlanStore.fromSetting(setting);
    }
}
