package org.plantrack.persistence.jdbc;

import static org.plantrack.core.store.StoreFixtures.T0;
import static org.plantrack.core.store.StoreFixtures.fullPlan;
import static org.plantrack.core.store.StoreFixtures.ok;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.store.AuditAction;
import org.plantrack.core.store.SupervisionWrite;
import org.plantrack.core.supervision.Assignment;
import org.plantrack.core.supervision.Evidence;
import org.plantrack.core.supervision.Figure;
import org.plantrack.core.supervision.Review;
import org.plantrack.core.supervision.SelfAssessment;
import org.plantrack.core.supervision.TaskAction;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskState;
import org.plantrack.core.supervision.TaskTransition;

/**
 * How long supervision writes and reads take (prints, never asserts): 18 tasks, each assigned, acknowledged and
 * given 12 monthly reports with a figure, each report approved with its figure (one write per step, report and
 * review: 18 × 26 writes); then one task's record and the whole plan's records are read.
 */
class SupervisionLoadBenchmarkIT {
    private static final int TASKS = 18;
    private static final int MONTHS = 12;

    @Test
    void h2File() {
        run("H2 file", () -> JdbcPlanStore.open(H2Files.url(H2Files.fresh("sup-bench")), "sa", ""));
    }

    @Test
    void postgresql() {
        run("PostgreSQL", () -> JdbcPlanStore.open(PgSupport.freshSchemaUrl(), PgSupport.USER, PgSupport.PASSWORD));
    }

    @AfterAll
    static void dropSchemas() {
        PgSupport.dropSchemas();
    }

    private static void run(String name, Supplier<JdbcPlanStore> open) {
        try (JdbcPlanStore store = open.get()) {
            store.insertPlan(fullPlan("p1"), ok(AuditAction.PLAN_CREATE, "p1", "p1"));
            List<Long> writes = new ArrayList<>();
            for (int t = 1; t <= TASKS; t++) {
                String task = "t" + t;
                timed(writes, () -> store.write(step(task, null, "a-" + task, TaskAction.ASSIGN, null)));
                timed(writes, () -> store.write(step(task, "a-" + task, "k-" + task, TaskAction.ACKNOWLEDGE,
                        TaskState.ASSIGNED)));
                for (int m = 1; m <= MONTHS; m++) {
                    String rid = "r-" + task + "-" + m;
                    TaskReport r = new TaskReport(rid, "p1", task, "yanping-kx", String.format("2017-%02d", m),
                            "第" + m + "月：举办培训班3期，培训企业工程师60名。", "部分企业参训积极性不高", "下月再办2期",
                            SelfAssessment.ON_SCHEDULE, List.of(Evidence.link("https://example.org/" + rid)),
                            List.of(new Figure("1.1.1", 5, ReportMode.ADD)), LocalDate.of(2017, m, 20), true, null,
                            "tk", T0.plusSeconds(m * 100L));
                    String basedOn = "k-" + task;
                    timed(writes, () -> store.write(new SupervisionWrite("p1", task, basedOn, List.of(), r, null, null,
                            List.of(), ok(AuditAction.TASK_REPORT, "p1", task))));
                    ProgressReport f = new ProgressReport(r.figureReportId(0), "p1", "1.1.1", r.asOf(), 5,
                            ReportMode.ADD, "任务进展报告", List.of(), "tk", r.recordedAt().plusSeconds(50), null);
                    timed(writes, () -> store.write(new SupervisionWrite("p1", task, basedOn, List.of(), null,
                            new Review("v-" + rid, "p1", rid, true, null, "sup", r.recordedAt().plusSeconds(50)), null,
                            List.of(f), ok(AuditAction.TASK_REVIEW, "p1", rid))));
                }
            }
            List<Long> one = new ArrayList<>();
            List<Long> all = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                timed(one, () -> store.taskRecord("p1", "t7"));
                timed(all, () -> store.taskRecords("p1"));
            }
            System.out.printf("[supervision benchmark] %s: %d writes, median %.2f ms, p90 %.2f ms; one task's record "
                    + "(2 steps, 12 reports, 12 reviews) median %.2f ms; the plan's %d records median %.2f ms%n",
                    name, writes.size(), median(writes), pct(writes, 0.9), median(one), TASKS, median(all));
        }
    }

    private static void timed(List<Long> into, Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        into.add(System.nanoTime() - t0);
    }

    private static double median(List<Long> ns) {
        return pct(ns, 0.5);
    }

    private static double pct(List<Long> ns, double p) {
        List<Long> s = new ArrayList<>(ns);
        Collections.sort(s);
        return s.get((int) Math.min(s.size() - 1, Math.floor(p * s.size()))) / 1e6;
    }

    private static SupervisionWrite step(String task, String basedOn, String id, TaskAction a, TaskState from) {
        TaskTransition t = new TaskTransition(id, "p1", task, a, from, a.to(),
                a == TaskAction.ASSIGN ? new Assignment("nanping-kx", List.of("yanping-kx"), LocalDate.of(2017, 12, 31))
                        : null, null, "sup", null, T0);
        return new SupervisionWrite("p1", task, basedOn, List.of(t), null, null, null, List.of(),
                ok(AuditAction.TASK_ASSIGN, "p1", task));
    }
}
