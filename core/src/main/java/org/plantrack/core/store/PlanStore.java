package org.plantrack.core.store;

import java.util.List;
import java.util.Optional;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Unit;

/**
 * Where Plantrack keeps plans, progress reports, units and the audit trail.
 *
 * <p>Rules every implementation follows (checked by the contract test suite in core's test-jar):
 * <ul>
 *   <li>Plans are versioned: {@link #insertPlan} stores version 1; {@link #updatePlan} succeeds only
 *       when the stored version equals the expected one and stores version + 1; otherwise it throws
 *       {@link org.plantrack.core.error.ConflictException} and writes nothing.</li>
 *   <li>Progress reports and audit events are append-only: there is no way to change or delete one.</li>
 *   <li>Each write and its audit record are stored together or not at all.</li>
 *   <li>The audit trail is one hash chain ({@link AuditEvent}); {@link #verifyAuditTrail()} checks it.</li>
 *   <li>A store that cannot reach its database throws {@link org.plantrack.core.error.StoreUnavailableException}.</li>
 * </ul>
 * Implementations are safe for use by several threads.
 */
public interface PlanStore extends AutoCloseable {

    /**
     * Stores a new plan as version 1.
     *
     * @throws org.plantrack.core.error.ConflictException if a plan with this id exists
     */
    Plan insertPlan(Plan plan, AuditRecord audit);

    /**
     * Replaces a plan, if the stored version is {@code expectedVersion}; stores and returns version + 1.
     *
     * @throws org.plantrack.core.error.NotFoundException if there is no such plan
     * @throws org.plantrack.core.error.ConflictException if the stored version differs (nothing is written)
     */
    Plan updatePlan(Plan plan, long expectedVersion, AuditRecord audit);

    /** The current version of a plan. */
    Optional<Plan> findPlan(String planId);

    /** Every plan, ordered by id. */
    List<Plan> listPlans();

    /**
     * Appends one progress report.
     *
     * @throws org.plantrack.core.error.ConflictException if a report with this id exists
     */
    ProgressReport appendReport(ProgressReport report, AuditRecord audit);

    /**
     * Appends reports all together or none of them (one audit record for the batch).
     *
     * @throws org.plantrack.core.error.ConflictException if any id exists already (nothing is written)
     */
    List<ProgressReport> appendReports(List<ProgressReport> reports, AuditRecord audit);

    /** One report by id. */
    Optional<ProgressReport> findReport(String reportId);

    /** Reports matching the query, ordered by as-of date, recorded-at, id. */
    List<ProgressReport> reports(ReportQuery query);

    /** Number of reports matching the query's filters (ignoring its page). */
    long countReports(ReportQuery query);

    /** Creates or replaces a unit. */
    Unit saveUnit(Unit unit, AuditRecord audit);

    /** One unit by id. */
    Optional<Unit> findUnit(String unitId);

    /** Every unit, ordered by id. */
    List<Unit> listUnits();

    /** Appends an audit event that goes with no stored change (a refused or failed request, an export). */
    AuditEvent appendAudit(AuditRecord audit);

    /**
     * Audit events in sequence order.
     *
     * @param planId        only events of this plan, or {@code null} for all
     * @param afterSequence only events with a sequence number above this (0 for all)
     * @param limit         most events to return
     */
    List<AuditEvent> auditTrail(String planId, long afterSequence, int limit);

    /**
     * Checks the whole audit trail: every event (also any past the recorded chain head), each hash with the
     * audit key in force, and, where the store keeps them, every stored report and plan version against the
     * digest in its event.
     */
    AuditVerification verifyAuditTrail();

    /**
     * As {@link #verifyAuditTrail()}, and checks that the trail still holds the event of {@code anchor} with its
     * hash (and that the anchor's signature is right): removing events at the end, or rewriting the trail, is
     * then found even if the chain head was rewritten to match.
     */
    AuditVerification verifyAuditTrail(AuditAnchor anchor);

    /** The chain head (last event number, hash, time) signed with the audit key in force, to keep elsewhere. */
    AuditAnchor auditAnchor();

    /**
     * Starts hashing the trail with a new audit key: keeps the old keys (old events are still checked with
     * them) and appends an {@link AuditAction#KEY_SWITCH} event naming the new key's id, hashed with it.
     *
     * @param audit who asked, and when (the store sets the action, subject and states)
     * @return the switch event
     */
    AuditEvent rotateAuditKey(AuditRecord audit);

    /**
     * Repairs a chain head that fell behind the stored events: when the events past the head chain correctly
     * (numbers follow, each previous hash links, each keyed hash is right), moves the head to the last one and
     * appends an {@link AuditAction#REPAIR_HEAD} event recording the old and the new head. A store whose head is
     * where it should be appends the event too, recording that there was nothing to repair.
     *
     * @param audit who asked, and when (the store sets the action and states)
     * @return the repair event
     * @throws org.plantrack.core.error.PlantrackException with code {@code INTEGRITY}, naming the first bad event,
     *         when the events past the head do not chain, or the head is ahead of the stored events
     */
    AuditEvent repairAuditHead(AuditRecord audit);

    /** Releases the store's resources. Idempotent. */
    @Override
    void close();
}
