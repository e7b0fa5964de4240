package org.plantrack.wiring;

import org.plantrack.core.PlanTracker;

/**
 * What a feature adds to the tracker while it is built (a listener, the plugins): feature modules contribute
 * parts with {@code @ProvidesIntoSet}, and {@link TrackerModule} applies them all.
 */
@FunctionalInterface
public interface TrackerPart {
    /**
     * Adds this part.
     *
     * @param builder the tracker being built
     */
    void addTo(PlanTracker.Builder builder);
}
