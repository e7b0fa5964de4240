package org.plantrack.adapter.rest.internal;

import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.store.PlanStore;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/** Opens the store a server setting names. */
public final class Stores {
    private Stores() {
    }

    /**
     * {@code null} = the embedded H2 file {@code ~/.plantrack/plantrack}; {@code mem} = in memory (lost on
     * exit); a JDBC URL = that database; anything else = an H2 file at that path.
     */
    public static PlanStore open(String db) {
        if ("mem".equals(db)) {
            return InMemoryPlanStore.create();
        }
        return JdbcPlanStore.fromSetting(db);
    }
}
