package org.plantrack.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.plantrack.core.store.StoreFixtures.T0;
import static org.plantrack.core.store.StoreFixtures.fullPlan;
import static org.plantrack.core.store.StoreFixtures.ok;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.plantrack.core.error.StoreUnavailableException;
import org.plantrack.core.event.PlanEvent;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.store.AuditAction;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.SupervisionWrite;
import org.plantrack.core.supervision.Assignment;
import org.plantrack.core.supervision.Evidence;
import org.plantrack.core.supervision.EvidenceFile;
import org.plantrack.core.supervision.Figure;
import org.plantrack.core.supervision.ReportingCalendar;
import org.plantrack.core.supervision.Review;
import org.plantrack.core.supervision.SelfAssessment;
import org.plantrack.core.supervision.SupervisionSettings;
import org.plantrack.core.supervision.TaskAction;
import org.plantrack.core.supervision.TaskRecord;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskState;
import org.plantrack.core.supervision.TaskTransition;
import org.plantrack.persistence.jdbc.spi.PlanWrite;

/** Supervision scenarios beyond the contract, run on an H2 file and on PostgreSQL. */
final class SupervisionScenarios {
    static final byte[] PDF = "%PDF-1.4\n% 南平市科协 培训签到表\n1 0 obj\n".getBytes(StandardCharsets.UTF_8);

    private SupervisionScenarios() {
    }

    static TaskTransition assign(String id) {
        return new TaskTransition(id, "p1", "1.1", TaskAction.ASSIGN, null, TaskState.ASSIGNED,
                new Assignment("nanping-kx", List.of("yanping-kx"), LocalDate.of(2017, 12, 31)), "请认真办理",
                "supervisor-1", null, T0);
    }

    static TaskTransition ack(String id, int seconds) {
        return new TaskTransition(id, "p1", "1.1", TaskAction.ACKNOWLEDGE, TaskState.ASSIGNED, TaskState.ACKNOWLEDGED,
                null, null, "tk-reporter", "yanping-kx", T0.plusSeconds(seconds));
    }

    static TaskReport report(String id, int seconds) {
        return new TaskReport(id, "p1", "1.1", "yanping-kx", "2017-Q1", "举办培训班3期，培训企业工程师60名。𠀀",
                "部分企业参训积极性不高", "二季度再办2期", SelfAssessment.ON_SCHEDULE,
                List.of(Evidence.link("https://example.org/news/1"), Evidence.file("ev-1")),
                List.of(new Figure("1.1.1", 60.25, ReportMode.ADD)), LocalDate.of(2017, 3, 31), false, null,
                "tk-reporter", T0.plusSeconds(seconds));
    }

    static ProgressReport figure(TaskReport r) {
        return new ProgressReport(r.figureReportId(0), "p1", "1.1.1", r.asOf(), 60.25, ReportMode.ADD, "任务进展报告",
                List.of(), r.reporter(), r.recordedAt(), null);
    }

    /** A write with steps and a report with its figure, based on {@code basedOn}. */
    static SupervisionWrite reportWrite(String basedOn, TaskTransition step, TaskReport r) {
        return new SupervisionWrite("p1", "1.1", basedOn, List.of(step), r, null, null, List.of(figure(r)),
                ok(AuditAction.TASK_REPORT, "p1", "1.1"));
    }

    /** Fills a store with a task's whole record, evidence and settings; returns nothing, read it back. */
    static void fill(JdbcPlanStore store) {
        store.insertPlan(fullPlan("p1"), ok(AuditAction.PLAN_CREATE, "p1", "p1"));
        store.storeEvidence(new EvidenceFile("ev-1", "p1", "1.1", "培训签到表.pdf", "application/pdf", PDF.length, "ab12",
                "tk-reporter", T0), PDF, ok(AuditAction.EVIDENCE_UPLOAD, "p1", "1.1"));
        store.saveSupervisionSettings("p1", new SupervisionSettings(true, ReportingCalendar.monthly(25)),
                ok(AuditAction.SUPERVISION_SETTINGS, "p1", "p1"));
        store.write(new SupervisionWrite("p1", "1.1", null, List.of(assign("tt-1")), null, null, null, List.of(),
                ok(AuditAction.TASK_ASSIGN, "p1", "1.1")));
        store.write(reportWrite("tt-1", ack("tt-2", 60), report("tr-1", 60)));
        store.write(new SupervisionWrite("p1", "1.1", "tt-2", List.of(), null,
                new Review("rv-1", "p1", "tr-1", false, "缺少佐证材料", "supervisor-1", T0.plusSeconds(120)), null,
                List.of(), ok(AuditAction.TASK_REVIEW, "p1", "tr-1")));
    }

    /**
     * The connection of a supervision write is lost after its rows and audit event went in, before the commit:
     * the write fails as the store being unavailable, nothing of it is stored (steps, report, figure, audit event),
     * its events reach no one, the chain verifies, and the same write then succeeds.
     */
    static void aWriteWhoseConnectionIsLostStoresNothing(Supplier<JdbcPlanStore> open) {
        try (JdbcPlanStore store = open.get()) {
            RecordingExtension.Hook hook = store.attached(RecordingExtension.Hook.class).orElseThrow();
            store.insertPlan(fullPlan("p1"), ok(AuditAction.PLAN_CREATE, "p1", "p1"));
            store.write(new SupervisionWrite("p1", "1.1", null, List.of(assign("tt-1")), null, null, null, List.of(),
                    ok(AuditAction.TASK_ASSIGN, "p1", "1.1")));
            List<AuditEvent> before = store.auditTrail(null, 0, 1000);
            int told = hook.writes.size();
            TaskReport r = report("tr-1", 60);
            SupervisionWrite w = reportWrite("tt-1", ack("tt-2", 60), r);

            hook.loseConnection.set(true);
            assertThatThrownBy(() -> store.write(w)).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("store unavailable").hasMessageContaining("task '1.1'");

            assertThat(store.taskRecord("p1", "1.1").transitions()).extracting(TaskTransition::id)
                    .containsExactly("tt-1");
            assertThat(store.taskRecord("p1", "1.1").reports()).isEmpty();
            assertThat(store.findReport(r.figureReportId(0))).isEmpty();
            assertThat(store.auditTrail(null, 0, 1000)).isEqualTo(before);
            assertThat(hook.writes).hasSize(told);
            assertThat(store.verifyAuditTrail().problems()).isEmpty();

            store.write(w);
            assertThat(store.taskRecord("p1", "1.1").reports()).containsExactly(r);
            assertThat(store.findReport(r.figureReportId(0))).isPresent();
            PlanWrite last = hook.writes.get(hook.writes.size() - 1);
            assertThat(last.events()).extracting(PlanEvent::type)
                    .containsExactly("task.acknowledged", "task.reported", "report.recorded");
            assertThat(store.auditTrail(null, 0, 1000)).contains(last.audit());
            assertThat(store.verifyAuditTrail().problems()).isEmpty();
        }
    }

    /**
     * Two stores on one database (each with its own pool, as two servers have) acknowledge one task at once from
     * eight threads, each write based on the assignment: exactly one wins, the others are conflicts, and both
     * stores read the same record.
     */
    static void twoStoresOnOneDatabaseLetOneStepWin(Supplier<JdbcPlanStore> open) throws Exception {
        try (JdbcPlanStore a = open.get(); JdbcPlanStore b = open.get()) {
            a.insertPlan(fullPlan("p1"), ok(AuditAction.PLAN_CREATE, "p1", "p1"));
            a.write(new SupervisionWrite("p1", "1.1", null, List.of(assign("tt-1")), null, null, null, List.of(),
                    ok(AuditAction.TASK_ASSIGN, "p1", "1.1")));
            int n = 8;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger won = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();
            List<java.util.concurrent.Future<?>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                JdbcPlanStore store = i % 2 == 0 ? a : b;
                String id = "tt-c" + i;
                int k = i;
                fs.add(pool.submit(() -> {
                    go.await();
                    try {
                        store.write(new SupervisionWrite("p1", "1.1", "tt-1", List.of(ack(id, k + 1)), null, null,
                                null, List.of(), ok(AuditAction.TASK_ACKNOWLEDGE, "p1", "1.1")));
                        won.incrementAndGet();
                    } catch (org.plantrack.core.error.ConflictException e) {
                        assertThat(e).hasMessageContaining("task 1.1 of plan p1 was changed by someone else");
                        conflicts.incrementAndGet();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<?> f : fs) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(won.get()).isEqualTo(1);
            assertThat(conflicts.get()).isEqualTo(n - 1);
            assertThat(a.taskRecord("p1", "1.1").transitions()).hasSize(2);
            assertThat(b.taskRecord("p1", "1.1")).isEqualTo(a.taskRecord("p1", "1.1"));
            assertThat(b.verifyAuditTrail().problems()).isEmpty();
        }
    }

    /** What {@link #fill} stored, read back. */
    static TaskRecord record(JdbcPlanStore store) {
        return store.taskRecord("p1", "1.1");
    }
}
