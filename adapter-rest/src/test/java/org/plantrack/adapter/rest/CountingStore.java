package org.plantrack.adapter.rest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.plantrack.core.access.AccessToken;
import org.plantrack.core.store.TokenStore;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.AuditVerification;
import org.plantrack.core.store.PlanStore;
import org.plantrack.core.store.ReportQuery;

/** A real store that counts how often the server looks a token up (every call goes through to it). */
final class CountingStore<S extends PlanStore & TokenStore> implements PlanStore, TokenStore {
    final AtomicInteger tokenLookups = new AtomicInteger();
    private final S store;

    CountingStore(S store) {
        this.store = store;
    }

    @Override
    public Optional<AccessToken> findToken(String tokenId) {
        tokenLookups.incrementAndGet();
        return store.findToken(tokenId);
    }

    @Override
    public AccessToken saveToken(AccessToken token, AuditRecord audit) {
        return store.saveToken(token, audit);
    }

    @Override
    public List<AccessToken> listTokens() {
        return store.listTokens();
    }

    @Override
    public AccessToken revokeToken(String tokenId, Instant at, AuditRecord audit) {
        return store.revokeToken(tokenId, at, audit);
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
        return store.findReport(reportId);
    }

    @Override
    public List<ProgressReport> reports(ReportQuery query) {
        return store.reports(query);
    }

    @Override
    public long countReports(ReportQuery query) {
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
