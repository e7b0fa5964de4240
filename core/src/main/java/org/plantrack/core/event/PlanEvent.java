package org.plantrack.core.event;

import java.time.Instant;

/**
 * Something that happened to a plan, as told to {@link org.plantrack.core.spi.PlanListener}s.
 * Sealed: plan imported, report recorded (or corrected), status changed.
 */
public sealed interface PlanEvent permits PlanImported, ReportRecorded, StatusChanged {

    /** The plan concerned. */
    String planId();

    /** When it happened (UTC). */
    Instant at();

    /** A stable type name: {@code plan.imported}, {@code report.recorded}, {@code report.corrected}, {@code status.changed}. */
    String type();
}
