package org.plantrack.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.store.PlanStore;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/** The store feature: the store a setting names, opened once per injector, or a store given by the caller. */
public final class StoreModule extends AbstractModule {
    private final String setting;
    private final PlanStore given;
    private final boolean owned;

    private StoreModule(String setting, PlanStore given, boolean owned) {
        this.setting = setting;
        this.given = given;
        this.owned = owned;
    }

    /**
     * Opens the store a setting names, when it is first needed; the tracker closes it.
     *
     * @param setting {@code null}: the embedded H2 file {@code ~/.plantrack/plantrack}; {@code mem}: in memory (lost
     *                on exit); a JDBC URL: that database; anything else: an H2 file at that path
     * @return the module
     */
    public static StoreModule opening(String setting) {
        return new StoreModule(setting, null, true);
    }

    /**
     * A store the caller opened.
     *
     * @param store the store
     * @param owned whether closing the tracker closes it
     * @return the module
     */
    public static StoreModule of(PlanStore store, boolean owned) {
        return new StoreModule(null, java.util.Objects.requireNonNull(store, "store"), owned);
    }

    @Provides
    @Singleton
    OpenedStore openedStore() {
        if (given != null) {
            return new OpenedStore(given, owned);
        }
        return new OpenedStore("mem".equals(setting) ? InMemoryPlanStore.create() : JdbcPlanStore.fromSetting(setting),
                true);
    }

    @Provides
    PlanStore store(OpenedStore opened) {
        return opened.store();
    }
}
