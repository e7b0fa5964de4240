package org.plantrack.core;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.AuditVerification;
import org.plantrack.core.store.PlanStore;
import org.plantrack.core.store.ReportQuery;

/** A real store that counts the report rows read from it and the report count queries (every call goes through). */
final class CountingPlanStore implements PlanStore {
    final AtomicLong reportRowsRead = new AtomicLong();
    final AtomicLong reportQueries = new AtomicLong();
    final AtomicLong countQueries = new AtomicLong();
    private final PlanStore store;

    CountingPlanStore(PlanStore store) {
        this.store = store;
    }

    /** Report rows read plus count queries (each answers one row) so far. */
    long rowsRead() {
        return reportRowsRead.get() + countQueries.get();
    }

    @Override
    public Plan insertPlan(Plan plan, AuditRecord audit) {
        return store.insertPlan(plan, audit);
    }

    @Override
    public Plan updatePlan(Plan plan, long expectedVersion, AuditRecord audit) {
        return store.updatePlan(plan, expectedVersion, audit);
    }

    @Override
    public Optional<Plan> findPlan(String planId) {
        return store.findPlan(planId);
    }

    @Override
    public List<Plan> listPlans() {
        return store.listPlans();
    }

    @Override
    public ProgressReport appendReport(ProgressReport report, AuditRecord audit) {
        return store.appendReport(report, audit);
    }

    @Override
    public List<ProgressReport> appendReports(List<ProgressReport> reports, AuditRecord audit) {
        return store.appendReports(reports, audit);
    }

    @Override
    public Optional<ProgressReport> findReport(String reportId) {
        Optional<ProgressReport> r = store.findReport(reportId);
        reportRowsRead.addAndGet(r.isPresent() ? 1 : 0);
        return r;
    }

    @Override
    public List<ProgressReport> reports(ReportQuery query) {
        List<ProgressReport> out = store.reports(query);
        reportQueries.incrementAndGet();
        reportRowsRead.addAndGet(out.size());
        return out;
    }

    @Override
    public long countReports(ReportQuery query) {
        countQueries.incrementAndGet();
        return store.countReports(query);
    }

    @Override
    public Unit saveUnit(Unit unit, AuditRecord audit) {
        return store.saveUnit(unit, audit);
    }

    @Override
    public Optional<Unit> findUnit(String unitId) {
        return store.findUnit(unitId);
    }

    @Override
    public List<Unit> listUnits() {
        return store.listUnits();
    }

    @Override
    public AuditEvent appendAudit(AuditRecord audit) {
        return store.appendAudit(audit);
    }

    @Override
    public List<AuditEvent> auditTrail(String planId, long afterSequence, int limit) {
        return store.auditTrail(planId, afterSequence, limit);
    }

    @Override
    public AuditVerification verifyAuditTrail() {
        return store.verifyAuditTrail();
    }

    @Override
    public AuditVerification verifyAuditTrail(org.plantrack.core.store.AuditAnchor anchor) {
        return store.verifyAuditTrail(anchor);
    }

    @Override
    public org.plantrack.core.store.AuditAnchor auditAnchor() {
        return store.auditAnchor();
    }

    @Override
    public AuditEvent rotateAuditKey(AuditRecord audit) {
        return store.rotateAuditKey(audit);
    }

    @Override
    public AuditEvent repairAuditHead(AuditRecord audit) {
        return store.repairAuditHead(audit);
    }

    @Override
    public void close() {
        store.close();
    }
}
