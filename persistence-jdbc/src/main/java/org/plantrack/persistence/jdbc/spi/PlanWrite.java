package org.plantrack.persistence.jdbc.spi;

import java.util.List;
import java.util.Objects;
import org.plantrack.core.event.PlanEvent;
import org.plantrack.core.store.AuditEvent;

/**
 * One write of plans, reports or units, as a {@link WriteHook} sees it inside the write's transaction.
 *
 * @param audit  the write's audit event, as appended (its sequence number, actor and time)
 * @param events what the write did, as typed events: {@link org.plantrack.core.event.PlanImported},
 *               {@link org.plantrack.core.event.PlanCreated}, {@link org.plantrack.core.event.PlanUpdated},
 *               {@link org.plantrack.core.event.PlanArchived}, {@link org.plantrack.core.event.ReportRecorded}
 *               (one per report) or {@link org.plantrack.core.event.UnitSaved}; never empty
 */
public record PlanWrite(AuditEvent audit, List<PlanEvent> events) {
    public PlanWrite {
        Objects.requireNonNull(audit, "audit");
        events = List.copyOf(events);
    }
}
