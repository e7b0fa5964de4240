package org.plantrack.core;

import org.plantrack.core.error.PlantrackException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.plantrack.core.access.Principal;
import org.plantrack.core.event.StatusChanged;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.PlanState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds status changes caused by the passage of time — a target turns OVERDUE at midnight, 黄 turns 红 —
 * and tells the tracker's listeners. It remembers the last day it checked; each {@link #check()} compares
 * every active plan's evaluation on that day with today's ({@link PlanTracker#checkStatusChanges}).
 * {@link #start(Duration)} runs the check on a background thread (the server does this); a new day is
 * noticed within one interval.
 */
public final class StatusWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusWatcher.class);

    private final PlanTracker tracker;
    private final Principal who;
    private LocalDate lastChecked;
    private ScheduledExecutorService executor;

    /** A watcher over {@code tracker} that starts counting from today. */
    public StatusWatcher(PlanTracker tracker) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.who = Principal.system();
        this.lastChecked = tracker.today();
    }

    /** The last day compared against (initially the day the watcher was made). */
    public synchronized LocalDate lastChecked() {
        return lastChecked;
    }

    /**
     * If the tracker's day has moved on since the last check, compares each active plan between the last
     * checked day and today and tells the listeners of every change; returns the changes (none on the same day).
     */
    public synchronized List<StatusChanged> check() {
        LocalDate today = tracker.today();
        if (!today.isAfter(lastChecked)) {
            return List.of();
        }
        List<StatusChanged> all = new ArrayList<>();
        for (Plan p : tracker.plans(who)) {
            if (p.state() != PlanState.ACTIVE) {
                continue;
            }
            try {
                all.addAll(tracker.checkStatusChanges(who, p.id(), lastChecked, today));
            } catch (PlantrackException e) {
                LOG.warn("status check of plan {} failed; it is checked again next time: {}", p.id(), e.toString());
                return all; // keep lastChecked, so the next run covers the same days again
            }
        }
        lastChecked = today;
        return all;
    }

    /** Runs {@link #check()} every {@code interval} on a daemon thread, starting now. */
    public synchronized StatusWatcher start(Duration interval) {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "plantrack-status-watcher");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleWithFixedDelay(() -> {
                try {
                    check();
                } catch (RuntimeException e) {
                    LOG.warn("status check failed: {}", e.toString());
                }
            }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Stops the background checks. Idempotent. */
    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
