package org.plantrack.core.event;

import java.time.Instant;

/**
 * Something that happened to a plan (or to the units plans name). Sealed: plan imported, created,
 * updated or archived; report recorded (or corrected); unit saved; status changed; a task's supervision
 * ({@link TaskEvent}: a lifecycle step, a progress report, a review, a status set by hand).
 *
 * <p>{@link org.plantrack.core.spi.PlanListener}s hear imports, reports and status changes after
 * the change is stored. A store may hand the events of a write to its own extensions inside the
 * write's transaction (the JDBC store does, for webhooks).
 */
public sealed interface PlanEvent
        permits PlanChange, ReportRecorded, UnitSaved, StatusChanged, TaskEvent {

    /**
     * The plan concerned.
     *
     * @return the plan's id; {@code null} for {@link UnitSaved}, which concerns no one plan
     */
    String planId();

    /**
     * When it happened.
     *
     * @return the instant (UTC)
     */
    Instant at();

    /**
     * A stable type name.
     *
     * @return {@code plan.imported}, {@code plan.created}, {@code plan.updated}, {@code plan.archived},
     *         {@code report.recorded}, {@code report.corrected}, {@code unit.saved}, {@code status.changed}, or a
     *         task event's type ({@code task.assigned}, {@code task.reported}… see {@link TaskEvent})
     */
    String type();
}
