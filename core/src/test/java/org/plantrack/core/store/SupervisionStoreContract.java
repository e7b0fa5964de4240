package org.plantrack.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.plantrack.core.store.StoreFixtures.CHINESE;
import static org.plantrack.core.store.StoreFixtures.T0;
import static org.plantrack.core.store.StoreFixtures.fullPlan;
import static org.plantrack.core.store.StoreFixtures.ok;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.supervision.Assignment;
import org.plantrack.core.supervision.DeadlineRule;
import org.plantrack.core.supervision.Evidence;
import org.plantrack.core.supervision.EvidenceFile;
import org.plantrack.core.supervision.Figure;
import org.plantrack.core.supervision.ReportingCalendar;
import org.plantrack.core.supervision.ReportingPeriod;
import org.plantrack.core.supervision.Review;
import org.plantrack.core.supervision.SelfAssessment;
import org.plantrack.core.supervision.StatusOverride;
import org.plantrack.core.supervision.SupervisionSettings;
import org.plantrack.core.supervision.TaskAction;
import org.plantrack.core.supervision.TaskRecord;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskState;
import org.plantrack.core.supervision.TaskTransition;

/**
 * The behaviour every {@link SupervisionStore} must show (a store that is also a {@link PlanStore}). An
 * implementation's test extends this class and returns a fresh, empty store from {@link #newStore()}. After every
 * test the audit chain must verify.
 */
public abstract class SupervisionStoreContract {
    /** The store under test, fresh for every test. */
    protected PlanStore store;
    /** The same store as a supervision store. */
    protected SupervisionStore sup;

    /** A new, empty store that implements both {@link PlanStore} and {@link SupervisionStore}. */
    protected abstract PlanStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
        sup = (SupervisionStore) store;
        store.insertPlan(fullPlan("p1"), ok(AuditAction.PLAN_CREATE, "p1", "p1"));
        store.insertPlan(fullPlan("p2"), ok(AuditAction.PLAN_CREATE, "p2", "p2"));
    }

    @AfterEach
    void auditChainVerifies() {
        try {
            AuditVerification v = store.verifyAuditTrail();
            assertThat(v.problems()).as("audit chain problems after the test").isEmpty();
        } finally {
            store.close();
        }
    }

    private static TaskTransition assign(String id, String taskId, Instant at) {
        return new TaskTransition(id, "p1", taskId, TaskAction.ASSIGN, null, TaskState.ASSIGNED,
                new Assignment("nanping-kx", List.of("yanping-kx", "shaowu-kx"), LocalDate.of(2017, 12, 31)),
                "请认真办理 " + CHINESE, "supervisor-1", null, at);
    }

    private static TaskTransition step(String id, String taskId, TaskAction a, TaskState from, Instant at) {
        return new TaskTransition(id, "p1", taskId, a, from, a.to(), null, null, "tk-reporter", "yanping-kx", at);
    }

    private static TaskReport report(String id, String taskId, boolean review, String supersedes, Instant at) {
        return new TaskReport(id, "p1", taskId, "yanping-kx", "2017-Q1", "举办培训班3期，培训企业工程师60名。" + CHINESE,
                "部分企业参训积极性不高", "二季度再办2期", SelfAssessment.BEHIND,
                List.of(Evidence.link("https://example.org/news/1"), Evidence.file("ev-1")),
                List.of(new Figure("1.1.1", 60, ReportMode.ADD)), LocalDate.of(2017, 3, 31), review, supersedes,
                "tk-reporter", at);
    }

    private static ProgressReport figure(String id, String targetId, Instant at) {
        return new ProgressReport(id, "p1", targetId, LocalDate.of(2017, 3, 31), 60, ReportMode.ADD, "任务进展报告",
                List.of(), "tk-reporter", at, null);
    }

    private SupervisionWrite write(String basedOn, List<TaskTransition> ts, TaskReport r, Review rv,
            StatusOverride o, List<ProgressReport> figures) {
        String task = !ts.isEmpty() ? ts.get(0).taskId() : r != null ? r.taskId() : o != null ? o.taskId() : "1.1";
        return new SupervisionWrite("p1", task, basedOn, ts, r, rv, o, figures,
                ok(AuditAction.TASK_REPORT, "p1", task));
    }

    @Test
    void aWriteRoundTripsEveryField() {
        TaskTransition a = assign("tt-1", "1.1", T0);
        sup.write(write(null, List.of(a), null, null, null, List.of()));
        TaskTransition ack = step("tt-2", "1.1", TaskAction.ACKNOWLEDGE, TaskState.ASSIGNED, T0.plusSeconds(60));
        TaskTransition start = step("tt-3", "1.1", TaskAction.START, TaskState.ACKNOWLEDGED, T0.plusSeconds(120));
        TaskReport r = report("tr-1", "1.1", true, null, T0.plusSeconds(120));
        sup.write(write("tt-1", List.of(ack), null, null, null, List.of()));
        sup.write(write("tt-2", List.of(start), r, null, null, List.of()));
        Review rv = new Review("rv-1", "p1", "tr-1", true, "材料齐全", "supervisor-1", T0.plusSeconds(180));
        sup.write(new SupervisionWrite("p1", "1.1", "tt-3", List.of(), null, rv, null,
                List.of(figure(r.figureReportId(0), "1.1.1", T0.plusSeconds(180))),
                ok(AuditAction.TASK_REVIEW, "p1", "tr-1")));
        StatusOverride o = new StatusOverride("so-1", "p1", "1.1", Status.AT_RISK, "经现场核查，进度存疑", "supervisor-1",
                T0.plusSeconds(240));
        sup.write(write("tt-3", List.of(), null, null, o, List.of()));

        TaskRecord rec = sup.taskRecord("p1", "1.1");
        assertThat(rec.transitions()).containsExactly(a, ack, start);
        assertThat(rec.reports()).containsExactly(r);
        assertThat(rec.reviews()).containsExactly(rv);
        assertThat(rec.overrides()).containsExactly(o);
        assertThat(rec.state()).contains(TaskState.IN_PROGRESS);
        assertThat(store.findReport(r.figureReportId(0))).isPresent().get()
                .extracting(ProgressReport::value, ProgressReport::mode).containsExactly(60.0, ReportMode.ADD);
        assertThat(sup.taskRecord("p1", "1.2")).isEqualTo(TaskRecord.empty("p1", "1.2"));
        assertThat(sup.taskRecords("p1")).containsOnlyKeys("1.1");
        assertThat(sup.taskRecords("p2")).isEmpty();
    }

    @Test
    void aClearedOverrideRoundTripsWithoutStatus() {
        sup.write(write(null, List.of(assign("tt-1", "1.1", T0)), null, null, null, List.of()));
        StatusOverride clear = new StatusOverride("so-2", "p1", "1.1", null, "恢复按规则评价", "supervisor-1",
                T0.plusSeconds(5));
        sup.write(write("tt-1", List.of(), null, null, clear, List.of()));
        assertThat(sup.taskRecord("p1", "1.1").overrides()).containsExactly(clear);
        assertThat(sup.taskRecord("p1", "1.1").overrideAt(Instant.MAX)).isEmpty();
    }

    @Test
    void aWriteBasedOnAStaleReadStoresNothing() {
        sup.write(write(null, List.of(assign("tt-1", "1.1", T0)), null, null, null, List.of()));
        long audit = store.auditTrail(null, 0, Integer.MAX_VALUE).size();
        TaskReport r = report("tr-9", "1.1", false, null, T0.plusSeconds(9));
        assertThatThrownBy(() -> sup.write(write(null, List.of(assign("tt-2", "1.1", T0.plusSeconds(9))), r, null,
                null, List.of(figure("tr-9-f1", "1.1.1", T0.plusSeconds(9))))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("1.1");
        assertThatThrownBy(() -> sup.write(write("tt-0", List.of(), r, null, null, List.of())))
                .isInstanceOf(ConflictException.class);
        assertThat(sup.taskRecord("p1", "1.1").transitions()).extracting(TaskTransition::id).containsExactly("tt-1");
        assertThat(sup.taskRecord("p1", "1.1").reports()).isEmpty();
        assertThat(store.findReport("tr-9-f1")).isEmpty();
        assertThat(store.auditTrail(null, 0, Integer.MAX_VALUE)).hasSize((int) audit);
    }

    @Test
    void anExistingIdStoresNothing() {
        sup.write(write(null, List.of(assign("tt-1", "1.1", T0)), null, null, null, List.of()));
        store.appendReport(figure("taken", "1.1.1", T0), ok(AuditAction.REPORT_ADD, "p1", "1.1.1"));
        TaskTransition again = step("tt-1", "1.1", TaskAction.ACKNOWLEDGE, TaskState.ASSIGNED, T0.plusSeconds(1));
        assertThatThrownBy(() -> sup.write(write("tt-1", List.of(again), null, null, null, List.of())))
                .isInstanceOf(ConflictException.class);
        // the figure's id is taken: the transition and the report go unwritten too
        TaskTransition ack = step("tt-2", "1.1", TaskAction.ACKNOWLEDGE, TaskState.ASSIGNED, T0.plusSeconds(1));
        TaskReport r = report("tr-1", "1.1", false, null, T0.plusSeconds(1));
        assertThatThrownBy(() -> sup.write(write("tt-1", List.of(ack), r, null, null,
                List.of(figure("fresh", "1.1.1", T0.plusSeconds(1)), figure("taken", "1.1.1", T0.plusSeconds(1))))))
                .isInstanceOf(ConflictException.class);
        assertThat(sup.taskRecord("p1", "1.1").transitions()).hasSize(1);
        assertThat(sup.taskRecord("p1", "1.1").reports()).isEmpty();
        assertThat(store.findReport("fresh")).isEmpty();
    }

    @Test
    void aWriteToAnUnknownPlanIsNotFound() {
        TaskTransition t = new TaskTransition("tt-x", "nope", "1.1", TaskAction.ASSIGN, null, TaskState.ASSIGNED,
                new Assignment("u", List.of(), LocalDate.of(2017, 1, 1)), null, "s", null, T0);
        assertThatThrownBy(() -> sup.write(new SupervisionWrite("nope", "1.1", null, List.of(t), null, null, null,
                List.of(), ok(AuditAction.TASK_ASSIGN, "nope", "1.1")))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void recordsAreKeptPerPlanAndTaskInTaskOrder() {
        for (String task : List.of("2.1", "1.1", "1.2")) {
            sup.write(write(null, List.of(assign("tt-" + task, task, T0)), null, null, null, List.of()));
        }
        assertThat(sup.taskRecords("p1").keySet()).containsExactly("1.1", "1.2", "2.1");
        assertThat(sup.taskRecord("p2", "1.1").transitions()).isEmpty();
    }

    @Test
    void settingsRoundTripAndDefaultToNone() {
        assertThat(sup.supervisionSettings("p1")).isEmpty();
        SupervisionSettings monthly = new SupervisionSettings(true, ReportingCalendar.monthly(25));
        sup.saveSupervisionSettings("p1", monthly, ok(AuditAction.SUPERVISION_SETTINGS, "p1", "p1"));
        assertThat(sup.supervisionSettings("p1")).contains(monthly);
        SupervisionSettings custom = new SupervisionSettings(false, new ReportingCalendar(
                ReportingCalendar.Frequency.CUSTOM, null, List.of(
                        new ReportingPeriod("H1", LocalDate.of(2017, 1, 1), LocalDate.of(2017, 6, 30),
                                LocalDate.of(2017, 7, 10)),
                        new ReportingPeriod("H2", LocalDate.of(2017, 7, 1), LocalDate.of(2017, 12, 31),
                                LocalDate.of(2018, 1, 10)))));
        sup.saveSupervisionSettings("p1", custom, ok(AuditAction.SUPERVISION_SETTINGS, "p1", "p1"));
        assertThat(sup.supervisionSettings("p1")).contains(custom);
        SupervisionSettings quarterly = new SupervisionSettings(false,
                ReportingCalendar.quarterly(DeadlineRule.daysAfterEnd(5)));
        sup.saveSupervisionSettings("p2", quarterly, ok(AuditAction.SUPERVISION_SETTINGS, "p2", "p2"));
        assertThat(sup.supervisionSettings("p2")).contains(quarterly);
        assertThat(sup.supervisionSettings("p1")).contains(custom);
        assertThatThrownBy(() -> sup.saveSupervisionSettings("nope", quarterly,
                ok(AuditAction.SUPERVISION_SETTINGS, "nope", "nope"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void evidenceRoundTripsWithItsBytes() {
        byte[] pdf = "%PDF-1.4\n% 南平 \n1 0 obj\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        EvidenceFile f = new EvidenceFile("ev-1", "p1", "1.1", "培训签到表.pdf", "application/pdf", pdf.length,
                "ab12", "tk-reporter", T0);
        sup.storeEvidence(f, pdf, ok(AuditAction.EVIDENCE_UPLOAD, "p1", "1.1"));
        EvidenceFile g = new EvidenceFile("ev-2", "p1", "1.1", "photo.png", "image/png", 3, "cd34", "tk-reporter",
                T0.plusSeconds(1));
        sup.storeEvidence(g, new byte[] {1, 2, 3}, ok(AuditAction.EVIDENCE_UPLOAD, "p1", "1.1"));
        assertThat(sup.findEvidence("p1", "ev-1")).get().satisfies(c -> {
            assertThat(c.file()).isEqualTo(f);
            assertThat(c.bytes()).isEqualTo(pdf);
        });
        assertThat(sup.findEvidence("p2", "ev-1")).isEmpty();
        assertThat(sup.evidenceFiles("p1", "1.1")).containsExactly(f, g);
        assertThat(sup.evidenceFiles("p1", "1.2")).isEmpty();
        assertThatThrownBy(() -> sup.storeEvidence(f, pdf, ok(AuditAction.EVIDENCE_UPLOAD, "p1", "1.1")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void concurrentStepsOnOneTaskLetOneWin() throws Exception {
        sup.write(write(null, List.of(assign("tt-0", "1.1", T0)), null, null, null, List.of()));
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            fs.add(pool.submit(() -> {
                go.await();
                try {
                    sup.write(write("tt-0", List.of(step("tt-c" + k, "1.1", TaskAction.ACKNOWLEDGE,
                            TaskState.ASSIGNED, T0.plusSeconds(k + 1))), null, null, null, List.of()));
                    won.incrementAndGet();
                } catch (ConflictException e) {
                    conflicts.incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : fs) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(won.get()).isEqualTo(1);
        assertThat(conflicts.get()).isEqualTo(n - 1);
        assertThat(sup.taskRecord("p1", "1.1").transitions()).hasSize(2);
    }
}
