package org.plantrack.persistence.jdbc;

import org.plantrack.core.store.AuditAction;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.ReportQuery;

/**
 * Prints (never asserts) how long it takes to load one plan with 50 targets and a year of weekly
 * reports (2600) as of a date, and to import those reports in one batch: median of several runs,
 * on an H2 file and, when configured, PostgreSQL.
 */
class AsOfLoadBenchmarkIT {
    private static final int TARGETS = 50;
    private static final int WEEKS = 52;
    private static final int RUNS = 15;

    @AfterAll
    static void dropSchemas() {
        PgSupport.dropSchemas();
    }

    @Test
    void h2File() {
        run("H2 file", JdbcPlanStore.open(H2Files.url(H2Files.fresh("bench")), "sa", ""));
    }

    @Test
    void postgresql() {
        PgSupport.requireServer();
        run("PostgreSQL", JdbcPlanStore.open(PgSupport.freshSchemaUrl(), PgSupport.USER, PgSupport.PASSWORD));
    }

    private static void run(String name, JdbcPlanStore store) {
        try (store) {
            List<Target> targets = new ArrayList<>();
            for (int i = 0; i < TARGETS; i++) {
                targets.add(Target.builder("g" + i, "目标 " + i).count(100, "名").build());
            }
            Task task = new Task("1.1", 1, "任务", null, null, List.of(), targets, null);
            Plan plan = new Plan("bench", "南平市科协2017年工作要点", null, null, null, List.of(),
                    Period.calendarYear(2017), null, List.of(new Section("1", 1, "一", List.of(task), null)), null,
                    null, 0);
            Instant at = Instant.parse("2017-01-01T00:00:00Z");
            store.insertPlan(plan, AuditRecord.ok(at, "bench", AuditAction.of("plan.create"), "bench", "bench", null, null));
            List<ProgressReport> reports = new ArrayList<>();
            for (int w = 0; w < WEEKS; w++) {
                for (int t = 0; t < TARGETS; t++) {
                    reports.add(new ProgressReport("r" + w + "-" + t, "bench", "g" + t,
                            LocalDate.of(2017, 1, 7).plusWeeks(w), 2, ReportMode.ADD, "第" + (w + 1) + "周",
                            List.of(), "reporter", at.plusSeconds(w * 604_800L + t), null));
                }
            }
            long t0 = System.nanoTime();
            store.appendReports(reports, AuditRecord.ok(at, "bench", AuditAction.of("report.import"), "bench", null, null, null));
            double importMs = (System.nanoTime() - t0) / 1e6;

            LocalDate asOf = LocalDate.of(2017, 9, 30);
            double[] ms = new double[RUNS];
            int loaded = 0;
            for (int i = 0; i < RUNS; i++) {
                long s = System.nanoTime();
                Plan p = store.findPlan("bench").orElseThrow();
                List<ProgressReport> upTo = store.reports(ReportQuery.plan(p.id()).upTo(asOf));
                ms[i] = (System.nanoTime() - s) / 1e6;
                loaded = upTo.size();
            }
            long s = System.nanoTime();
            List<ProgressReport> all = store.reports(ReportQuery.plan("bench"));
            double allMs = (System.nanoTime() - s) / 1e6;
            Arrays.sort(ms);
            System.out.printf("[benchmark] %s: import of %d reports in one batch %.0f ms; load plan (%d targets) + "
                            + "%d reports as of %s: median %.1f ms, min %.1f ms, max %.1f ms over %d runs; "
                            + "all %d reports %.1f ms%n",
                    name, reports.size(), importMs, TARGETS, loaded, asOf, ms[RUNS / 2], ms[0], ms[RUNS - 1], RUNS,
                    all.size(), allMs);
            assertThat(loaded).isEqualTo(TARGETS * 39);
        }
    }
}
