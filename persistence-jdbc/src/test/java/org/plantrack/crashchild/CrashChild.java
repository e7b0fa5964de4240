package org.plantrack.crashchild;

import org.plantrack.core.store.AuditAction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * Run in a child JVM by {@code JdbcCrashTest}: opens an H2 file store and appends reports for ever,
 * printing each id after the call returned. Prints the module it found JdbcPlanStore in first.
 * Lives in its own package (and uses no test fixtures) because it runs on the class path while
 * Plantrack's modules, and so their packages, are on the module path.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) {
        String url = args[0];
        JdbcPlanStore store = JdbcPlanStore.open(url, "sa", "");
        System.out.println("module " + JdbcPlanStore.class.getModule().getName());
        if (store.findPlan("p").isEmpty()) {
            Target t1 = Target.builder("t1", "举办10场培训").count(10, "场").build();
            Target t2 = Target.builder("t2", "新建200家").count(200, "家").build();
            Task task = new Task("1.1", 1, "任务", null, null, List.of(), List.of(t1, t2), null);
            Plan plan = new Plan("p", "计划", null, null, null, List.of(), Period.calendarYear(2017), null,
                    List.of(new Section("1", 1, "一", List.of(task), null)), null, null, 0);
            store.insertPlan(plan, record("plan.create", "p"));
        }
        System.out.flush();
        LocalDate day = LocalDate.of(2017, 1, 1);
        for (int i = 0; ; i++) {
            Instant now = Instant.now();
            if (i % 2 == 0) {
                String id = "single-" + i;
                store.appendReport(report(id, "t1", day.plusDays(i % 365), now), record("report.add", id));
                System.out.println(id);
            } else {
                String b = "batch-" + i;
                store.appendReports(List.of(report(b + "-0", "t1", day, now), report(b + "-1", "t2", day, now),
                        report(b + "-2", "t2", day.plusDays(1), now)), record("report.import", b));
                System.out.println(b + "-0");
                System.out.println(b + "-1");
                System.out.println(b + "-2");
            }
            System.out.flush();
        }
    }

    private static ProgressReport report(String id, String target, LocalDate asOf, Instant at) {
        return new ProgressReport(id, "p", target, asOf, 1, ReportMode.ADD, "子进程 𠀀", List.of(), "child", at, null);
    }

    private static AuditRecord record(String action, String subject) {
        return AuditRecord.ok(Instant.now(), "child", AuditAction.of(action), "p", subject, null, null);
    }
}
