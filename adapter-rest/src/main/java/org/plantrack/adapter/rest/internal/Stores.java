package org.plantrack.adapter.rest.internal;

import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.store.PlanStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the store a server setting names. */
public final class Stores {
    private static final Logger LOG = LoggerFactory.getLogger(Stores.class);

    private Stores() {
    }

    /** {@code mem} = in memory; anything else needs persistence-jdbc. */
    public static PlanStore open(String db) {
        if (db == null || db.equals("mem")) {
            if (db == null) {
                LOG.warn("the JDBC store is not available in this build; using an in-memory store (lost on exit)");
            }
            return InMemoryPlanStore.create();
        }
        throw new IllegalArgumentException("db: the JDBC store is not available in this build, found '" + db + "'");
    }
}
