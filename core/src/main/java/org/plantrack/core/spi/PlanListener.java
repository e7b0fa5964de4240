package org.plantrack.core.spi;

import org.plantrack.core.event.PlanImported;
import org.plantrack.core.event.ReportRecorded;
import org.plantrack.core.event.StatusChanged;

/**
 * Hears what happens to plans, after the change is stored. Registered on the builder
 * ({@code PlanTracker.builder().listener(...)}) or found by {@code installPlugins()} through
 * {@link java.util.ServiceLoader} ({@code provides org.plantrack.core.spi.PlanListener with ...}).
 * A listener that throws is logged and does not break the write, nor the other listeners.
 */
public interface PlanListener {

    /** A plan was imported and stored. */
    default void planImported(PlanImported event) {
    }

    /** A progress report (or a correction) was stored. */
    default void reportRecorded(ReportRecorded event) {
    }

    /** A target's status or warning colour changed. */
    default void statusChanged(StatusChanged event) {
    }

    /**
     * Something was recorded in a task's supervision: a lifecycle step, a progress report, a review decision, a
     * status set by hand.
     *
     * @param event what was stored
     */
    default void taskChanged(org.plantrack.core.event.TaskEvent event) {
    }
}
