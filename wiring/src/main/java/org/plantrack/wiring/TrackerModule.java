package org.plantrack.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import org.plantrack.core.PlanTracker;

/**
 * The tracker: one {@link PlanTracker} per injector over the {@link StoreModule}'s store and this clock, with the
 * {@link TrackerPart}s every installed feature contributes (webhooks' listener, the plugins).
 */
public final class TrackerModule extends AbstractModule {
    private final Clock clock;

    /** @param clock the clock of the tracker (and of everything that needs one) */
    public TrackerModule(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(clock);
        Multibinder.newSetBinder(binder(), TrackerPart.class); // the set may be empty
    }

    @Provides
    @Singleton
    PlanTracker tracker(OpenedStore store, Clock trackerClock, Set<TrackerPart> parts) {
        PlanTracker.Builder b = PlanTracker.builder().store(store.store()).clock(trackerClock)
                .closeStoreOnClose(store.owned());
        for (TrackerPart p : parts) {
            p.addTo(b);
        }
        return b.build();
    }
}
