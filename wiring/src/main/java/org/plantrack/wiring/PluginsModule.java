package org.plantrack.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;

/**
 * Plugins: the rules and listeners other modules provide ({@code provides org.plantrack.core.spi.RuleProvider} or
 * {@code PlanListener}), found by {@link org.plantrack.core.PlanTracker.Builder#installPlugins()}.
 */
public final class PluginsModule extends AbstractModule {
    @ProvidesIntoSet
    TrackerPart plugins() {
        return org.plantrack.core.PlanTracker.Builder::installPlugins;
    }
}
