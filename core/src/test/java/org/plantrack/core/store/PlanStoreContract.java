package org.plantrack.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.plantrack.core.store.StoreFixtures.CHINESE;
import static org.plantrack.core.store.StoreFixtures.T0;
import static org.plantrack.core.store.StoreFixtures.fullPlan;
import static org.plantrack.core.store.StoreFixtures.ok;
import static org.plantrack.core.store.StoreFixtures.plainReport;
import static org.plantrack.core.store.StoreFixtures.report;
import static org.plantrack.core.store.StoreFixtures.smallPlan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.PlanState;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Unit;

/**
 * The behaviour every {@link PlanStore} must show. An implementation's test extends this class,
 * returns a fresh, empty store from {@link #newStore()} and says how to alter one stored audit
 * event behind the store's back ({@link #tamper}). After every test the audit chain must verify.
 */
public abstract class PlanStoreContract {

    /** The store under test; a fresh one for every test. */
    protected PlanStore store;
    private boolean tampered;

    /** A new, empty store. Called once before every test. */
    protected abstract PlanStore newStore();

    /**
     * Replaces the stored audit event {@code original.sequence()} by {@code altered} without going
     * through the store's API (as an attacker with database access would).
     */
    protected abstract void tamper(PlanStore target, AuditEvent original, AuditEvent altered);

    @BeforeEach
    void openStore() {
        store = null;
        store = newStore();
    }

    @AfterEach
    void auditChainStillVerifiesAndStoreCloses() {
        if (store == null) {
            return; // newStore() was skipped or failed; nothing to check
        }
        try {
            if (!tampered) {
                AuditVerification v = store.verifyAuditTrail();
                assertThat(v.problems()).as("audit chain problems after the test").isEmpty();
                assertThat(v.eventsChecked()).isEqualTo(auditSize());
            }
        } finally {
            store.close();
            store.close(); // idempotent
        }
    }

    /** Number of events in the whole audit trail. */
    protected long auditSize() {
        return store.auditTrail(null, 0, Integer.MAX_VALUE).size();
    }

    // ---------------------------------------------------------------- access tokens

    @Test
    void tokensRoundTripAndRevokeOnceWhenTheStoreKeepsThem() {
        org.junit.jupiter.api.Assumptions.assumeTrue(store instanceof org.plantrack.core.store.TokenStore,
                "this store keeps no tokens");
        org.plantrack.core.store.TokenStore tokens = (org.plantrack.core.store.TokenStore) store;
        long before = auditSize();
        org.plantrack.core.access.AccessToken t = new org.plantrack.core.access.AccessToken("tk-abc",
                "a".repeat(64), org.plantrack.core.access.Role.REPORTER, java.util.Set.of("yanping", "shunchang"),
                CHINESE, T0, null);
        tokens.saveToken(t, ok("token.create", null, "tk-abc"));
        assertThat(tokens.findToken("tk-abc")).contains(t);
        assertThat(tokens.listTokens()).containsExactly(t);
        assertThatThrownBy(() -> tokens.saveToken(t, ok("token.create", null, "tk-abc")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'tk-abc'");
        Instant at = T0.plusSeconds(3600);
        org.plantrack.core.access.AccessToken revoked = tokens.revokeToken("tk-abc", at, ok("token.revoke", null, "tk-abc"));
        assertThat(revoked.revokedAt()).isEqualTo(at);
        assertThat(tokens.revokeToken("tk-abc", at.plusSeconds(60), ok("token.revoke", null, "tk-abc")).revokedAt())
                .isEqualTo(at);
        assertThat(tokens.findToken("tk-abc")).contains(revoked);
        assertThatThrownBy(() -> tokens.revokeToken("ghost", at, ok("token.revoke", null, "ghost")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("ghost");
        assertThat(auditSize()).isEqualTo(before + 3);
    }

    @Test
    void aTokenExpiryRoundTripsAndSurvivesRevocation() {
        org.junit.jupiter.api.Assumptions.assumeTrue(store instanceof org.plantrack.core.store.TokenStore,
                "this store keeps no tokens");
        org.plantrack.core.store.TokenStore tokens = (org.plantrack.core.store.TokenStore) store;
        Instant expires = T0.plusSeconds(30L * 86_400).plusNanos(123_456_000);
        org.plantrack.core.access.AccessToken t = new org.plantrack.core.access.AccessToken("tk-exp",
                "b".repeat(64), org.plantrack.core.access.Role.VIEWER, java.util.Set.of(), "限期", T0, null, expires);
        org.plantrack.core.access.AccessToken forever = new org.plantrack.core.access.AccessToken("tk-forever",
                "c".repeat(64), org.plantrack.core.access.Role.ADMIN, java.util.Set.of(), null, T0, null);
        tokens.saveToken(t, ok("token.create", null, "tk-exp"));
        tokens.saveToken(forever, ok("token.create", null, "tk-forever"));
        assertThat(tokens.findToken("tk-exp").orElseThrow().expiresAt()).isEqualTo(expires);
        assertThat(tokens.findToken("tk-forever").orElseThrow().expiresAt()).isNull();
        assertThat(tokens.listTokens()).containsExactly(t, forever);
        assertThat(t.validAt(expires.minusNanos(1000))).isTrue();
        assertThat(t.validAt(expires)).isFalse();
        org.plantrack.core.access.AccessToken revoked = tokens.revokeToken("tk-exp", T0.plusSeconds(60),
                ok("token.revoke", null, "tk-exp"));
        assertThat(revoked.expiresAt()).isEqualTo(expires);
        assertThat(tokens.findToken("tk-exp")).contains(revoked);
    }

    // ---------------------------------------------------------------- plans

    @Test
    void insertedPlanIsVersionOneAndRoundTripsEveryField() {
        Plan plan = fullPlan("nanping-2017");
        Plan stored = store.insertPlan(plan, ok("plan.create", plan.id(), plan.id()));
        assertThat(stored).isEqualTo(plan.withVersion(1));
        assertThat(store.findPlan(plan.id())).contains(plan.withVersion(1));
        assertThat(store.listPlans()).containsExactly(plan.withVersion(1));
    }

    @Test
    void archivedPlanWithDefaultSettingsRoundTrips() {
        Plan plan = smallPlan("p-archived").withState(PlanState.ARCHIVED);
        store.insertPlan(plan, ok("plan.create", plan.id(), plan.id()));
        assertThat(store.findPlan(plan.id())).contains(plan.withVersion(1));
    }

    @Test
    void missingPlanIsEmpty() {
        assertThat(store.findPlan("nope")).isEmpty();
        assertThat(store.listPlans()).isEmpty();
    }

    @Test
    void duplicatePlanIdIsAConflictAndWritesNothing() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        Plan other = fullPlan("p");
        assertThatThrownBy(() -> store.insertPlan(other, ok("plan.create", "p", "p")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'p'");
        assertThat(store.findPlan("p")).contains(smallPlan("p").withVersion(1));
        assertThat(auditSize()).isEqualTo(1);
    }

    @Test
    void plansAreListedByIdInCodePointOrder() {
        for (String id : List.of("b", "a", "C", "a-1", "A", "a_1", "a.1", "10", "9")) {
            store.insertPlan(smallPlan(id), ok("plan.create", id, id));
        }
        List<String> expected = new ArrayList<>(List.of("b", "a", "C", "a-1", "A", "a_1", "a.1", "10", "9"));
        Collections.sort(expected);
        assertThat(store.listPlans()).extracting(Plan::id).containsExactlyElementsOf(expected);
    }

    @Test
    void updateWithTheStoredVersionStoresTheNextVersion() {
        Plan v1 = store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        Plan edited = fullPlan("p").withVersion(v1.version());
        Plan v2 = store.updatePlan(edited, 1, ok("plan.update", "p", "p"));
        assertThat(v2).isEqualTo(fullPlan("p").withVersion(2));
        assertThat(store.findPlan("p")).contains(v2);
        Plan v3 = store.updatePlan(v2.withState(PlanState.ARCHIVED), 2, ok("plan.update", "p", "p"));
        assertThat(v3.version()).isEqualTo(3);
        assertThat(store.findPlan("p").orElseThrow().state()).isEqualTo(PlanState.ARCHIVED);
    }

    @Test
    void staleUpdateIsAConflictNamingBothVersionsAndWritesNothing() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        Plan v2 = store.updatePlan(fullPlan("p"), 1, ok("plan.update", "p", "p"));
        long auditBefore = auditSize();
        assertThatThrownBy(() -> store.updatePlan(smallPlan("p"), 1, ok("plan.update", "p", "p")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("'p'")
                .hasMessageContaining("based on version 1")
                .hasMessageContaining("stored version is 2");
        assertThatThrownBy(() -> store.updatePlan(smallPlan("p"), 7, ok("plan.update", "p", "p")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("based on version 7")
                .hasMessageContaining("stored version is 2");
        assertThat(store.findPlan("p")).contains(v2);
        assertThat(auditSize()).isEqualTo(auditBefore);
    }

    @Test
    void updateOfAMissingPlanIsNotFound() {
        assertThatThrownBy(() -> store.updatePlan(smallPlan("ghost"), 1, ok("plan.update", "ghost", "ghost")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("ghost");
        assertThat(store.findPlan("ghost")).isEmpty();
        assertThat(auditSize()).isZero();
    }

    // ---------------------------------------------------------------- reports

    @Test
    void appendedReportRoundTripsEveryField() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        ProgressReport r = report("r1", "p", "t1", LocalDate.of(2017, 3, 31), T0);
        assertThat(store.appendReport(r, ok("report.add", "p", "r1"))).isEqualTo(r);
        assertThat(store.findReport("r1")).contains(r);
        ProgressReport correction = new ProgressReport("r2", "p", "t1", LocalDate.of(2017, 3, 31), -0.125,
                org.plantrack.core.model.ReportMode.SET, null, List.of(), "王科长", T0.plusSeconds(5), "r1");
        store.appendReport(correction, ok("report.correct", "p", "r2"));
        assertThat(store.findReport("r2")).contains(correction);
        assertThat(store.findReport("missing")).isEmpty();
    }

    @Test
    void reportForAMissingPlanIsNotFound() {
        ProgressReport r = plainReport("r1", "ghost", "t1", LocalDate.of(2017, 3, 31), T0);
        assertThatThrownBy(() -> store.appendReport(r, ok("report.add", "ghost", "r1")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("ghost");
        assertThat(store.findReport("r1")).isEmpty();
        assertThat(auditSize()).isZero();
    }

    @Test
    void duplicateReportIdIsAConflict() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        ProgressReport r = plainReport("r1", "p", "t1", LocalDate.of(2017, 3, 31), T0);
        store.appendReport(r, ok("report.add", "p", "r1"));
        ProgressReport again = plainReport("r1", "p", "t2", LocalDate.of(2017, 4, 30), T0);
        assertThatThrownBy(() -> store.appendReport(again, ok("report.add", "p", "r1")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'r1'");
        assertThat(store.findReport("r1")).contains(r);
        assertThat(auditSize()).isEqualTo(2);
    }

    @Test
    void batchIsWrittenTogetherWithOneAuditEvent() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        List<ProgressReport> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(plainReport("r" + i, "p", i % 2 == 0 ? "t1" : "t2", LocalDate.of(2017, 1, 1).plusWeeks(i),
                    T0.plusMillis(i)));
        }
        assertThat(store.appendReports(batch, ok("report.import", "p", null))).containsExactlyElementsOf(batch);
        assertThat(store.countReports(ReportQuery.plan("p"))).isEqualTo(30);
        assertThat(auditSize()).isEqualTo(2);
        assertThat(store.auditTrail(null, 1, 10)).singleElement()
                .satisfies(e -> assertThat(e.action().id()).isEqualTo("report.import"));
    }

    @Test
    void batchWithOneExistingIdWritesNothing() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        store.appendReport(plainReport("r5", "p", "t1", LocalDate.of(2017, 2, 1), T0), ok("report.add", "p", "r5"));
        List<ProgressReport> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(plainReport("r" + i, "p", "t1", LocalDate.of(2017, 3, 1), T0));
        }
        assertThatThrownBy(() -> store.appendReports(batch, ok("report.import", "p", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'r5'");
        assertThat(store.countReports(ReportQuery.plan("p"))).isEqualTo(1);
        assertThat(store.findReport("r0")).isEmpty();
        assertThat(store.findReport("r9")).isEmpty();
        assertThat(auditSize()).isEqualTo(2);
    }

    @Test
    void batchRepeatingAnIdWithinItselfWritesNothing() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        List<ProgressReport> batch = List.of(
                plainReport("a", "p", "t1", LocalDate.of(2017, 3, 1), T0),
                plainReport("b", "p", "t1", LocalDate.of(2017, 3, 1), T0),
                plainReport("a", "p", "t2", LocalDate.of(2017, 3, 2), T0));
        assertThatThrownBy(() -> store.appendReports(batch, ok("report.import", "p", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'a'");
        assertThat(store.countReports(ReportQuery.plan("p"))).isZero();
        assertThat(auditSize()).isEqualTo(1);
    }

    @Test
    void batchNamingAMissingPlanWritesNothing() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        List<ProgressReport> batch = List.of(
                plainReport("a", "p", "t1", LocalDate.of(2017, 3, 1), T0),
                plainReport("b", "ghost", "t1", LocalDate.of(2017, 3, 1), T0));
        assertThatThrownBy(() -> store.appendReports(batch, ok("report.import", "p", null)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("ghost");
        assertThat(store.findReport("a")).isEmpty();
        assertThat(auditSize()).isEqualTo(1);
    }

    @Test
    void queriesFilterByTargetAndAsOfRangeAndOrderByAsOfRecordedAtId() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        store.insertPlan(smallPlan("q"), ok("plan.create", "q", "q"));
        LocalDate mar = LocalDate.of(2017, 3, 31);
        LocalDate jun = LocalDate.of(2017, 6, 30);
        LocalDate sep = LocalDate.of(2017, 9, 30);
        // inserted out of order on purpose
        ProgressReport e = plainReport("e", "p", "t1", sep, T0);
        ProgressReport b = plainReport("b", "p", "t1", jun, T0.plusSeconds(10));
        ProgressReport c = plainReport("c", "p", "t2", jun, T0.plusSeconds(5));
        ProgressReport a2 = plainReport("a2", "p", "t1", jun, T0.plusSeconds(5));
        ProgressReport a1 = plainReport("a1", "p", "t2", mar, T0.plusSeconds(99));
        ProgressReport B = plainReport("B", "p", "t1", jun, T0.plusSeconds(5));
        ProgressReport other = plainReport("x", "q", "t1", jun, T0);
        for (ProgressReport r : List.of(e, b, c, a2, a1, B, other)) {
            store.appendReport(r, ok("report.add", r.planId(), r.id()));
        }
        ReportQuery all = ReportQuery.plan("p");
        assertThat(store.reports(all)).containsExactly(a1, B, a2, c, b, e);
        assertThat(store.countReports(all)).isEqualTo(6);
        assertThat(store.reports(all.target("t1"))).containsExactly(B, a2, b, e);
        assertThat(store.reports(all.target("t2"))).containsExactly(a1, c);
        assertThat(store.reports(all.upTo(jun))).containsExactly(a1, B, a2, c, b);
        assertThat(store.reports(all.upTo(jun.minusDays(1)))).containsExactly(a1);
        assertThat(store.reports(all.between(jun, sep))).containsExactly(B, a2, c, b, e);
        assertThat(store.reports(all.between(jun, jun).target("t1"))).containsExactly(B, a2, b);
        assertThat(store.countReports(all.between(jun, jun).target("t1"))).isEqualTo(3);
        assertThat(store.reports(all.target("t9"))).isEmpty();
        assertThat(store.reports(ReportQuery.plan("ghost"))).isEmpty();
        assertThat(store.countReports(ReportQuery.plan("ghost"))).isZero();
    }

    @Test
    void pagesSliceTheOrderedResultAndCountIgnoresThePage() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        List<ProgressReport> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(plainReport(String.format("r%02d", i), "p", "t1", LocalDate.of(2017, 1, 2).plusDays(i), T0));
        }
        store.appendReports(all, ok("report.import", "p", null));
        ReportQuery q = ReportQuery.plan("p");
        assertThat(store.reports(q.page(0, 10))).containsExactlyElementsOf(all.subList(0, 10));
        assertThat(store.reports(q.page(10, 10))).containsExactlyElementsOf(all.subList(10, 20));
        assertThat(store.reports(q.page(20, 10))).containsExactlyElementsOf(all.subList(20, 25));
        assertThat(store.reports(q.page(25, 10))).isEmpty();
        assertThat(store.reports(q.page(1000, 10))).isEmpty();
        assertThat(store.reports(q.page(3, 0))).isEmpty();
        assertThat(store.reports(q.page(5, Integer.MAX_VALUE))).containsExactlyElementsOf(all.subList(5, 25));
        assertThat(store.countReports(q.page(20, 1))).isEqualTo(25);
        assertThat(store.reports(q.between(LocalDate.of(2017, 1, 10), LocalDate.of(2017, 1, 20)).page(2, 3)))
                .containsExactlyElementsOf(all.subList(10, 13));
    }

    // ---------------------------------------------------------------- units

    @Test
    void unitsAreSavedReplacedAndListedById() {
        Unit city = new Unit("nanping-kx", CHINESE, null);
        Unit county = new Unit("yanping-kx", "延平区科协", "nanping-kx");
        Unit society = new Unit("a-society", "市医学会", "nanping-kx");
        assertThat(store.saveUnit(city, ok("unit.save", null, city.id()))).isEqualTo(city);
        store.saveUnit(county, ok("unit.save", null, county.id()));
        store.saveUnit(society, ok("unit.save", null, society.id()));
        assertThat(store.findUnit("yanping-kx")).contains(county);
        assertThat(store.listUnits()).containsExactly(society, city, county);
        Unit renamed = new Unit("yanping-kx", "延平区科学技术协会", null);
        store.saveUnit(renamed, ok("unit.save", null, renamed.id()));
        assertThat(store.findUnit("yanping-kx")).contains(renamed);
        assertThat(store.listUnits()).hasSize(3);
        assertThat(store.findUnit("none")).isEmpty();
        assertThat(auditSize()).isEqualTo(4);
    }

    @Test
    void unitWithAMissingParentIsRejected() {
        Unit orphan = new Unit("shaowu-kx", "邵武市科协", "no-such-unit");
        assertThatThrownBy(() -> store.saveUnit(orphan, ok("unit.save", null, orphan.id())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("unit[shaowu-kx].parentId")
                .hasMessageContaining("no-such-unit");
        assertThat(store.findUnit("shaowu-kx")).isEmpty();
        assertThat(auditSize()).isZero();
    }

    @Test
    void aParentCycleIsRefusedNamingTheFieldTheValueAndThePath() {
        store.saveUnit(new Unit("u-a", "甲", null), ok("unit.save", null, "u-a"));
        store.saveUnit(new Unit("u-b", "乙", "u-a"), ok("unit.save", null, "u-b"));
        long before = auditSize();
        Unit twoCycle = new Unit("u-a", "甲", "u-b");
        assertThatThrownBy(() -> store.saveUnit(twoCycle, ok("unit.save", null, "u-a")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("unit[u-a].parentId");
                    assertThat(e.value()).isEqualTo("u-b");
                    assertThat(e.getMessage()).contains("u-a → u-b → u-a");
                });
        assertThat(store.findUnit("u-a")).contains(new Unit("u-a", "甲", null));

        store.saveUnit(new Unit("u-c", "丙", "u-b"), ok("unit.save", null, "u-c"));
        Unit threeCycle = new Unit("u-a", "甲", "u-c");
        assertThatThrownBy(() -> store.saveUnit(threeCycle, ok("unit.save", null, "u-a")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("unit[u-a].parentId")
                .hasMessageContaining("'u-c'")
                .hasMessageContaining("u-a → u-c → u-b → u-a");
        assertThat(store.findUnit("u-a")).contains(new Unit("u-a", "甲", null));
        assertThat(auditSize()).isEqualTo(before + 1);

        // moving a unit elsewhere in its own tree without closing a loop is fine
        store.saveUnit(new Unit("u-c", "丙", "u-a"), ok("unit.save", null, "u-c"));
        store.saveUnit(new Unit("u-b", "乙", "u-c"), ok("unit.save", null, "u-b"));
        assertThat(store.findUnit("u-b")).contains(new Unit("u-b", "乙", "u-c"));
    }

    // ---------------------------------------------------------------- audit

    @Test
    void everyWriteAppendsExactlyOneChainedEvent() {
        store.insertPlan(smallPlan("p"), AuditRecord.ok(T0, "alice", AuditAction.of("plan.create"), "p", "p", null, "v1"));
        store.updatePlan(smallPlan("p"), 1, AuditRecord.ok(T0.plusSeconds(1), "alice", AuditAction.of("plan.update"), "p", "p",
                "v1", "v2"));
        store.appendReport(plainReport("r1", "p", "t1", LocalDate.of(2017, 2, 1), T0),
                AuditRecord.ok(T0.plusSeconds(2), "bob", AuditAction.of("report.add"), "p", "r1", null, "1"));
        store.appendReports(List.of(plainReport("r2", "p", "t1", LocalDate.of(2017, 2, 2), T0)),
                AuditRecord.ok(T0.plusSeconds(3), "bob", AuditAction.of("report.import"), "p", null, null, "1 report"));
        store.saveUnit(new Unit("u", "单位", null),
                AuditRecord.ok(T0.plusSeconds(4), "alice", AuditAction.of("unit.save"), null, "u", null, "单位"));
        AuditEvent refused = store.appendAudit(
                AuditRecord.failed(T0.plusSeconds(5), "eve", AuditAction.of("plan.update"), "p", "p", "stale version 1"));

        List<AuditEvent> trail = store.auditTrail(null, 0, 100);
        assertThat(trail).extracting(AuditEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(trail).extracting((e -> e.action().id())).containsExactly("plan.create", "plan.update", "report.add",
                "report.import", "unit.save", "plan.update");
        assertThat(trail).extracting(AuditEvent::actor).containsExactly("alice", "alice", "bob", "bob", "alice",
                "eve");
        assertThat(trail).extracting(AuditEvent::success).containsExactly(true, true, true, true, true, false);
        assertThat(trail.get(0).previousHash()).isEqualTo(AuditEvent.GENESIS);
        for (int i = 1; i < trail.size(); i++) {
            assertThat(trail.get(i).previousHash()).isEqualTo(trail.get(i - 1).hash());
        }
        for (AuditEvent e : trail) {
            // keyed (HMAC with a key kept outside the store): not the public, unkeyed hash anyone can recompute
            assertThat(e.hash()).isNotEqualTo(e.expectedHash()).hasSize(64);
        }
        assertThat(trail.get(1).before()).isEqualTo("v1");
        assertThat(trail.get(1).after()).isEqualTo("v2");
        assertThat(trail.get(4).planId()).isNull();
        assertThat(trail.get(3).subject()).isNull();
        assertThat(refused).isEqualTo(trail.get(5));
        assertThat(refused.after()).isEqualTo("stale version 1");
        assertThat(refused.before()).isNull();
        assertThat(trail.get(2).at()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void auditTrailFiltersByPlanSequenceAndLimit() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));  // 1
        store.insertPlan(smallPlan("q"), ok("plan.create", "q", "q"));  // 2
        store.appendAudit(ok("plan.export", "p", null));                // 3
        store.appendAudit(ok("login", null, null));                      // 4
        store.appendAudit(ok("plan.export", "q", null));                // 5
        store.appendAudit(ok("plan.export", "p", null));                // 6
        assertThat(store.auditTrail("p", 0, 100)).extracting(AuditEvent::sequence).containsExactly(1L, 3L, 6L);
        assertThat(store.auditTrail("p", 1, 100)).extracting(AuditEvent::sequence).containsExactly(3L, 6L);
        assertThat(store.auditTrail("p", 0, 2)).extracting(AuditEvent::sequence).containsExactly(1L, 3L);
        assertThat(store.auditTrail("p", 6, 100)).isEmpty();
        assertThat(store.auditTrail(null, 2, 2)).extracting(AuditEvent::sequence).containsExactly(3L, 4L);
        assertThat(store.auditTrail(null, 0, 0)).isEmpty();
        assertThat(store.auditTrail("ghost", 0, 100)).isEmpty();
    }

    @Test
    void emptyTrailVerifies() {
        AuditVerification v = store.verifyAuditTrail();
        assertThat(v.intact()).isTrue();
        assertThat(v.eventsChecked()).isZero();
    }

    @Test
    void alteredEventIsDetectedBySequence() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        store.appendReport(plainReport("r1", "p", "t1", LocalDate.of(2017, 2, 1), T0),
                AuditRecord.ok(T0, "bob", AuditAction.of("report.add"), "p", "r1", null, "value 1"));
        store.appendAudit(ok("plan.export", "p", null));
        assertThat(store.verifyAuditTrail().intact()).isTrue();

        AuditEvent original = store.auditTrail(null, 1, 1).get(0);
        AuditEvent altered = new AuditEvent(original.sequence(), original.at(), original.actor(), original.action(),
                original.planId(), original.subject(), original.before(), "value 1000", original.success(),
                original.previousHash(), original.hash());
        tampered = true;
        tamper(store, original, altered);

        AuditVerification v = store.verifyAuditTrail();
        assertThat(v.intact()).isFalse();
        assertThat(v.eventsChecked()).isEqualTo(3);
        assertThat(v.problems()).singleElement().asString().startsWith("event 2 ").contains("altered");
    }

    @Test
    void eventRehashedWithThePublicUnkeyedHashIsDetected() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        store.appendAudit(ok("plan.export", "p", null));
        AuditEvent original = store.auditTrail(null, 1, 1).get(0);
        String forgedHash = AuditEvent.computeHash(2, original.at(), "mallory", original.action().id(), original.planId(),
                original.subject(), original.before(), original.after(), original.success(), original.previousHash());
        AuditEvent forged = new AuditEvent(2, original.at(), "mallory", original.action(), original.planId(),
                original.subject(), original.before(), original.after(), original.success(), original.previousHash(),
                forgedHash, original.digest());
        tampered = true;
        tamper(store, original, forged);
        AuditVerification v = store.verifyAuditTrail();
        assertThat(v.status()).isEqualTo(AuditVerification.Status.BROKEN);
        assertThat(v.problems()).first().asString().startsWith("event 2 (plan.export)").contains("altered");
    }

    @Test
    void repairHeadOnAHealthyStoreRecordsThatThereWasNothingToRepair() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        AuditEvent e = store.repairAuditHead(ok("audit.repair-head", null, null));
        assertThat(e.sequence()).isEqualTo(2);
        assertThat(e.action()).isEqualTo(AuditAction.REPAIR_HEAD);
        assertThat(e.after()).contains("nothing to repair");
        store.appendAudit(ok("plan.export", "p", null));
        assertThat(store.verifyAuditTrail().intact()).isTrue();
    }

    @Test
    void rotatedKeyChecksTheEventsAfterTheSwitchAndOldOnesStillVerify() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        AuditEvent sw = store.rotateAuditKey(ok("audit.key", null, null));
        assertThat(sw.sequence()).isEqualTo(2);
        assertThat(sw.action()).isEqualTo(AuditAction.KEY_SWITCH);
        assertThat(sw.subject()).isNotBlank();
        store.appendAudit(ok("plan.export", "p", null));
        AuditVerification v = store.verifyAuditTrail();
        assertThat(v.problems()).isEmpty();
        assertThat(v.eventsChecked()).isEqualTo(3);
        assertThat(v.intact()).isTrue();
    }

    @Test
    void anchorVerifiesAndAForgedAnchorIsDetected() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        store.appendAudit(ok("plan.export", "p", null));
        AuditAnchor anchor = store.auditAnchor();
        assertThat(anchor.sequence()).isEqualTo(2);
        AuditAnchor parsed = AuditAnchor.parse(anchor.toText());
        assertThat(parsed).isEqualTo(anchor);
        store.appendAudit(ok("plan.export", "p", null));
        assertThat(store.verifyAuditTrail(parsed).intact()).isTrue();
        AuditAnchor forged = new AuditAnchor(2, "ab".repeat(32), anchor.at(), anchor.keyId(), anchor.signature());
        assertThat(store.verifyAuditTrail(forged).problems()).anySatisfy(p -> assertThat(p).startsWith("event 2:")
                .contains("signature"));
        AuditAnchor beyond = new AuditAnchor(9, anchor.hash(), anchor.at(), anchor.keyId(), anchor.signature());
        assertThat(store.verifyAuditTrail(beyond).problems()).anySatisfy(p -> assertThat(p).startsWith("event 9:")
                .contains("events were removed"));
    }

    @Test
    void theStoresOwnChainActionsCannotBeAppendedByCallers() {
        assertThatThrownBy(() -> store.appendAudit(ok(AuditAction.KEY_SWITCH, null, "k-forged")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("audit.key");
        assertThatThrownBy(() -> store.appendAudit(ok(AuditAction.REPAIR_HEAD, null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("audit.repair-head");
    }

    // ---------------------------------------------------------------- exact values

    @Test
    void instantsRoundTripToTheMicrosecond() {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        List<Instant> instants = List.of(Instant.parse("2017-12-31T23:59:59.999999Z"),
                Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59.000001Z"),
                Instant.parse("1900-06-15T12:00:00.5Z"), Instant.parse("2999-01-01T00:00:00.000001Z"),
                Instant.parse("2017-03-26T01:30:00.123456789Z"));
        for (int i = 0; i < instants.size(); i++) {
            Instant t = instants.get(i);
            ProgressReport r = plainReport("r" + i, "p", "t1", LocalDate.of(2017, 3, 1), t);
            store.appendReport(r, AuditRecord.ok(t, "tester", AuditAction.of("report.add"), "p", r.id(), null, null));
            assertThat(store.findReport(r.id()).orElseThrow().recordedAt())
                    .isEqualTo(t.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        }
        List<AuditEvent> trail = store.auditTrail(null, 1, 100);
        for (int i = 0; i < instants.size(); i++) {
            assertThat(trail.get(i).at()).isEqualTo(instants.get(i).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        }
    }

    @Test
    void chineseTextAndSupplementaryCharactersRoundTrip() {
        Plan plan = fullPlan("p");
        store.insertPlan(plan, AuditRecord.ok(T0, "科协办公室 𠀀", AuditAction.of("plan.create"), "p", "p", null, CHINESE));
        assertThat(store.findPlan("p").orElseThrow().title()).isEqualTo(plan.title());
        ProgressReport r = new ProgressReport("r1", "p", "1.1.1", LocalDate.of(2017, 5, 1), 3,
                org.plantrack.core.model.ReportMode.ADD, CHINESE + "\n第二行", List.of(CHINESE), "延平区科协 𪚥", T0,
                null);
        store.appendReport(r, ok("report.add", "p", "r1"));
        assertThat(store.findReport("r1")).contains(r);
        Unit u = new Unit("u", CHINESE, null);
        store.saveUnit(u, ok("unit.save", null, "u"));
        assertThat(store.findUnit("u")).contains(u);
        AuditEvent first = store.auditTrail(null, 0, 1).get(0);
        assertThat(first.actor()).isEqualTo("科协办公室 𠀀");
        assertThat(first.after()).isEqualTo(CHINESE);
    }

    @Test
    void longTextRoundTrips() {
        String longBody = "科".repeat(19_998) + "𠀀";
        Plan plan = smallPlan("p");
        plan = plan.withSections(List.of(plan.sections().get(0).withTasks(List.of(
                new org.plantrack.core.model.Task("1.1", 1, "任务", "科".repeat(20_000), null, List.of(),
                        plan.tasks().get(0).targets(), null)))));
        store.insertPlan(plan, AuditRecord.ok(T0, "tester", AuditAction.of("plan.create"), "p", "p", null, longBody));
        assertThat(store.findPlan("p")).contains(plan.withVersion(1));
        assertThat(store.auditTrail(null, 0, 1).get(0).after()).as("long audit text").hasSize(20_000).isEqualTo(longBody);
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void concurrentAppendsLoseNothingAndKeepTheChain() throws Exception {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    String id = "t" + thread + "-" + i;
                    if (i % 5 == 4) {
                        store.appendReports(List.of(
                                plainReport(id, "p", "t1", LocalDate.of(2017, 4, 1), T0),
                                plainReport(id + "b", "p", "t2", LocalDate.of(2017, 4, 1), T0)),
                                ok("report.import", "p", null));
                    } else {
                        store.appendReport(plainReport(id, "p", "t1", LocalDate.of(2017, 4, 1), T0),
                                ok("report.add", "p", id));
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        int batches = threads * (perThread / 5);
        assertThat(store.countReports(ReportQuery.plan("p"))).isEqualTo((long) threads * perThread + batches);
        assertThat(auditSize()).isEqualTo(1L + threads * perThread);
        List<AuditEvent> trail = store.auditTrail(null, 0, Integer.MAX_VALUE);
        for (int i = 0; i < trail.size(); i++) {
            assertThat(trail.get(i).sequence()).isEqualTo(i + 1L);
        }
        assertThat(store.verifyAuditTrail().intact()).isTrue();
    }

    @Test
    void concurrentUpdatesOfTheSameVersionHaveExactlyOneWinner() throws Exception {
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                Plan edit = smallPlan("p").withSections(List.of(smallPlan("p").sections().get(0)
                        .withTasks(List.of(smallPlan("p").tasks().get(0).withUnits("u" + thread, List.of())))));
                try {
                    store.updatePlan(edit, 1, ok("plan.update", "p", "p"));
                    wins.incrementAndGet();
                } catch (ConflictException e) {
                    conflicts.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(wins).hasValue(1);
        assertThat(conflicts).hasValue(threads - 1);
        assertThat(store.findPlan("p").orElseThrow().version()).isEqualTo(2);
        assertThat(auditSize()).isEqualTo(2);
    }
}
