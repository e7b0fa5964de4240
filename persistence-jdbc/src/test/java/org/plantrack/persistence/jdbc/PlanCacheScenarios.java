package org.plantrack.persistence.jdbc;

import org.plantrack.core.store.AuditAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.plantrack.core.store.StoreFixtures.fullPlan;
import static org.plantrack.core.store.StoreFixtures.ok;
import static org.plantrack.core.store.StoreFixtures.smallPlan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.access.Principal;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.PlanState;
import org.plantrack.core.model.Target;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.persistence.jdbc.internal.PlanCodec;

/**
 * The decoded-plan cache of {@link JdbcPlanStore} on a real database: a cached plan is returned only
 * while it is the stored version, whoever edits the plan (this store, a second store with its own
 * pool and cache on the same database, or plain SQL); failed edits leave nothing; the cache stays
 * within its size. Every store a test opens uses the same database.
 */
abstract class PlanCacheScenarios {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2017-07-15T02:00:00Z"), ZoneOffset.UTC);
    static final Principal ADMIN = Principal.system();

    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** Opens a store with this plan cache size on this test's database (the same database within a test). */
    abstract JdbcPlanStore open(int planCacheSize);

    /** A plain JDBC connection to this test's database. */
    abstract Connection connect() throws SQLException;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        toClose.clear();
    }

    JdbcPlanStore store() {
        return store(JdbcPlanStore.DEFAULT_PLAN_CACHE_SIZE);
    }

    JdbcPlanStore store(int planCacheSize) {
        JdbcPlanStore s = open(planCacheSize);
        toClose.add(s);
        return s;
    }

    static Plan titled(Plan p, String title) {
        return new Plan(p.id(), title, p.issuer(), p.documentNumber(), p.issueDate(), p.recipients(), p.period(),
                p.preamble(), p.sections(), p.settings(), p.state(), p.version());
    }

    /** An audit record the store cannot write (its instant is out of range): the edit before it rolls back. */
    static AuditRecord unwritableAudit(String planId) {
        return AuditRecord.ok(Instant.MAX, "tester", AuditAction.of("plan.update"), planId, planId, null, null);
    }

    // ---------------------------------------------------------------- reading

    @Test
    void repeatedReadsShareOneDecodedPlanEqualToTheStoredOne() {
        JdbcPlanStore store = store();
        assertThat(store.planCacheSize()).isEqualTo(JdbcPlanStore.DEFAULT_PLAN_CACHE_SIZE).isEqualTo(256);
        Plan plan = fullPlan("np-2017");
        store.insertPlan(plan, ok("plan.create", plan.id(), plan.id()));
        Plan first = store.findPlan(plan.id()).orElseThrow();
        Plan second = store.findPlan(plan.id()).orElseThrow();
        assertThat(first).isEqualTo(plan.withVersion(1));
        assertThat(second).as("not decoded again").isSameAs(first);
        assertThat(store.findPlan("nope")).isEmpty();
    }

    // ---------------------------------------------------------------- edits are seen at once

    @Test
    void editThroughTheSameStoreIsReadAtOnce() {
        JdbcPlanStore store = store();
        Plan plan = fullPlan("p");
        store.insertPlan(plan, ok("plan.create", "p", "p"));
        Plan v1 = store.findPlan("p").orElseThrow();
        store.updatePlan(titled(v1, "第二版"), 1, ok("plan.update", "p", "p"));
        Plan v2 = store.findPlan("p").orElseThrow();
        assertThat(v2).isEqualTo(titled(plan, "第二版").withVersion(2));
        assertThat(store.findPlan("p").orElseThrow()).isSameAs(v2);
    }

    @Test
    void editThroughAnotherStoreOnTheSameDatabaseIsReadAtOnce() {
        JdbcPlanStore a = store();
        JdbcPlanStore b = store();
        Plan plan = fullPlan("p");
        a.insertPlan(plan, ok("plan.create", "p", "p"));
        Plan aV1 = a.findPlan("p").orElseThrow();
        Plan bV1 = b.findPlan("p").orElseThrow();
        assertThat(a.findPlan("p").orElseThrow()).isSameAs(aV1);
        assertThat(b.findPlan("p").orElseThrow()).isSameAs(bV1);

        b.updatePlan(titled(bV1, "由乙修改"), 1, ok("plan.update", "p", "p"));
        assertThat(a.findPlan("p").orElseThrow()).isEqualTo(titled(plan, "由乙修改").withVersion(2));

        a.updatePlan(titled(plan, "由甲修改"), 2, ok("plan.update", "p", "p"));
        assertThat(b.findPlan("p").orElseThrow()).isEqualTo(titled(plan, "由甲修改").withVersion(3));
        assertThat(a.findPlan("p").orElseThrow()).isEqualTo(titled(plan, "由甲修改").withVersion(3));
    }

    @Test
    void editBySqlBehindTheStoresBackIsReadAtOnce() throws SQLException {
        JdbcPlanStore store = store();
        Plan plan = smallPlan("p");
        store.insertPlan(plan, ok("plan.create", "p", "p"));
        Plan v1 = store.findPlan("p").orElseThrow();
        assertThat(store.findPlan("p").orElseThrow()).isSameAs(v1);
        Plan edited = titled(plan, "另一个进程写的");
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE plantrack_plan SET version = 2, title = ?, document = ? WHERE id = 'p'")) {
            ps.setString(1, edited.title());
            ps.setString(2, PlanCodec.encode(edited));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(store.findPlan("p")).contains(edited.withVersion(2));
    }

    @Test
    void archiveThroughAnotherStoreIsReadAtOnce() {
        JdbcPlanStore a = store();
        JdbcPlanStore b = store();
        PlanTracker ta = PlanTracker.builder().store(a).clock(CLOCK).build();
        PlanTracker tb = PlanTracker.builder().store(b).clock(CLOCK).build();
        ta.createPlan(ADMIN, smallPlan("p"));
        assertThat(ta.plan(ADMIN, "p").state()).isEqualTo(PlanState.ACTIVE);
        assertThat(tb.plan(ADMIN, "p").state()).isEqualTo(PlanState.ACTIVE);
        tb.archivePlan(ADMIN, "p", 1);
        Plan seen = ta.plan(ADMIN, "p");
        assertThat(seen.state()).isEqualTo(PlanState.ARCHIVED);
        assertThat(seen.version()).isEqualTo(2);
        assertThat(a.findPlan("p")).contains(smallPlan("p").withState(PlanState.ARCHIVED).withVersion(2));
    }

    @Test
    void statusEvaluationSeesAnEditFromAnotherStoreAtOnce() {
        JdbcPlanStore a = store();
        JdbcPlanStore b = store();
        PlanTracker ta = PlanTracker.builder().store(a).clock(CLOCK).build();
        PlanTracker tb = PlanTracker.builder().store(b).clock(CLOCK).build();
        ta.createPlan(ADMIN, smallPlan("p"));
        LocalDate asOf = LocalDate.of(2017, 6, 30);
        ta.report(ADMIN, ReportRequest.set("p", "t1", asOf, 5));
        assertThat(t1(ta.evaluate(ADMIN, "p", asOf)).completion()).isEqualTo(0.5);
        assertThat(t1(ta.evaluate(ADMIN, "p", asOf)).completion()).isEqualTo(0.5);

        Target t1 = tb.plan(ADMIN, "p").targets().get(0);
        tb.editTarget(ADMIN, "p", 1, t1.toBuilder().goal(20.0).build());
        PlanEvaluation after = ta.evaluate(ADMIN, "p", asOf);
        assertThat(after.planVersion()).isEqualTo(2);
        assertThat(t1(after).goal()).isEqualTo(20.0);
        assertThat(t1(after).completion()).isEqualTo(0.25);
    }

    private static TargetEvaluation t1(PlanEvaluation e) {
        return e.targets().stream().filter(t -> t.targetId().equals("t1")).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- failed edits

    @Test
    void conflictingEditLeavesTheStoredPlanReadAsItWas() {
        JdbcPlanStore store = store();
        Plan plan = smallPlan("p");
        store.insertPlan(plan, ok("plan.create", "p", "p"));
        Plan v1 = store.findPlan("p").orElseThrow();
        assertThatThrownBy(() -> store.updatePlan(titled(v1, "过时的修改"), 7, ok("plan.update", "p", "p")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'p'");
        assertThat(store.findPlan("p")).contains(plan.withVersion(1));
    }

    @Test
    void rolledBackEditLeavesNoPhantomBehind() {
        JdbcPlanStore a = store();
        JdbcPlanStore b = store();
        Plan plan = smallPlan("p");
        a.insertPlan(plan, ok("plan.create", "p", "p"));
        a.findPlan("p").orElseThrow();
        long events = a.auditTrail(null, 0, Integer.MAX_VALUE).size();

        // The UPDATE runs, then writing its audit event fails: the transaction rolls back.
        assertThatThrownBy(() -> a.updatePlan(titled(plan, "幻影"), 1, unwritableAudit("p")))
                .isInstanceOf(ValidationException.class);
        assertThat(a.findPlan("p")).contains(plan.withVersion(1));
        assertThat(a.auditTrail(null, 0, Integer.MAX_VALUE)).hasSize((int) events);

        // Version 2 is now written by someone else, with other content: it is what this store reads.
        b.updatePlan(titled(plan, "真正的第二版"), 1, ok("plan.update", "p", "p"));
        assertThat(a.findPlan("p")).contains(titled(plan, "真正的第二版").withVersion(2));
        assertThat(a.verifyAuditTrail().problems()).isEmpty();
    }

    @Test
    void planRemovedBehindTheStoresBackIsNotFoundAndItsIdCanBeUsedAgain() throws SQLException {
        JdbcPlanStore store = store();
        store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        store.findPlan("p").orElseThrow();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM plantrack_plan WHERE id = 'p'")) {
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(store.findPlan("p")).isEmpty();
        Plan other = titled(fullPlan("p"), "同一编号的新计划");
        store.insertPlan(other, ok("plan.create", "p", "p"));
        assertThat(store.findPlan("p")).contains(other.withVersion(1));
    }

    // ---------------------------------------------------------------- size

    @Test
    void cacheOffDecodesEveryReadAndStaysCorrect() {
        JdbcPlanStore store = store(0);
        JdbcPlanStore other = store();
        assertThat(store.planCacheSize()).isZero();
        Plan plan = fullPlan("p");
        store.insertPlan(plan, ok("plan.create", "p", "p"));
        Plan first = store.findPlan("p").orElseThrow();
        Plan second = store.findPlan("p").orElseThrow();
        assertThat(second).isEqualTo(first).isNotSameAs(first);
        other.updatePlan(titled(plan, "改"), 1, ok("plan.update", "p", "p"));
        assertThat(store.findPlan("p")).contains(titled(plan, "改").withVersion(2));
    }

    @Test
    void cacheHoldsAtMostItsSizeLeastRecentlyUsedOut() {
        JdbcPlanStore store = store(2);
        assertThat(store.planCacheSize()).isEqualTo(2);
        for (String id : List.of("p1", "p2", "p3")) {
            store.insertPlan(smallPlan(id), ok("plan.create", id, id));
        }
        Plan p1 = store.findPlan("p1").orElseThrow();
        Plan p2 = store.findPlan("p2").orElseThrow();
        Plan p3 = store.findPlan("p3").orElseThrow(); // p1 out
        assertThat(store.findPlan("p2").orElseThrow()).isSameAs(p2);
        Plan p1Again = store.findPlan("p1").orElseThrow(); // p3 out
        assertThat(p1Again).isEqualTo(p1).isNotSameAs(p1);
        assertThat(store.findPlan("p2").orElseThrow()).isSameAs(p2);
        assertThat(store.findPlan("p3").orElseThrow()).isEqualTo(p3).isNotSameAs(p3);
    }

    // ---------------------------------------------------------------- concurrency

    /**
     * One store edits a plan again and again (every fifth edit fails and rolls back, and the next one
     * stores the same version number with other content) while readers on a second store read it:
     * every plan read is a stored version with that version's content (the title names the version),
     * never the failed edit's, never older than an edit already acknowledged, and never older than
     * what the same reader read before.
     */
    @Test
    void concurrentReadersSeeEveryAcknowledgedEditAndNoPhantom() throws Exception {
        JdbcPlanStore writer = store();
        JdbcPlanStore reader = store();
        Plan plan = smallPlan("p");
        writer.insertPlan(titled(plan, "v1"), ok("plan.create", "p", "p"));
        AtomicLong acknowledged = new AtomicLong(1);
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    long last = 0;
                    int reads = 0;
                    while (!done.get()) {
                        long floor = acknowledged.get();
                        Optional<Plan> found = reader.findPlan("p");
                        reads++;
                        if (found.isEmpty()) {
                            problems.add("plan not found");
                            continue;
                        }
                        Plan p = found.get();
                        if (!p.title().equals("v" + p.version())) {
                            problems.add("version " + p.version() + " read with title '" + p.title() + "'");
                        }
                        if (p.version() < floor || p.version() < last) {
                            problems.add("read version " + p.version() + " after version " + Math.max(floor, last));
                        }
                        last = p.version();
                    }
                    return reads;
                }));
            }
            Future<?> edits = pool.submit(() -> {
                try {
                    for (int i = 1; i <= 40; i++) {
                        Plan current = writer.findPlan("p").orElseThrow();
                        if (i % 5 == 0) {
                            try {
                                writer.updatePlan(titled(current, "phantom"), current.version(), unwritableAudit("p"));
                                problems.add("the edit with an unwritable audit record was stored");
                            } catch (ValidationException expected) {
                                // rolled back; the next edit stores this version number with other content
                            }
                            continue;
                        }
                        Plan stored = writer.updatePlan(titled(current, "v" + (current.version() + 1)),
                                current.version(), ok("plan.update", "p", "p"));
                        acknowledged.set(stored.version());
                    }
                } finally {
                    done.set(true);
                }
            });
            edits.get();
            for (Future<Integer> f : readers) {
                assertThat(f.get()).isPositive();
            }
        } finally {
            done.set(true);
            pool.shutdown();
        }
        assertThat(problems).isEmpty();
        assertThat(reader.findPlan("p").orElseThrow().title()).isEqualTo("v33");
        assertThat(acknowledged.get()).isEqualTo(33);
    }
}
