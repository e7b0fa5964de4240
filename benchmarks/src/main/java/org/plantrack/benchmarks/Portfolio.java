package org.plantrack.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.plantrack.core.model.Cadence;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;

/**
 * A seeded generator of realistic portfolios: plans shaped like the reference plan (5 sections,
 * 18 tasks, about 40 targets: counts, milestones and percentages), units assigned, and a year of
 * weekly or monthly progress reports. The same seed gives the same portfolio.
 */
public final class Portfolio {
    static final int YEAR = 2017;
    private static final int[] TASKS_PER_SECTION = {3, 5, 4, 3, 3};
    private static final String[] MEASURES = {"名", "家", "场", "批次", "个", "套", "项", "期", "人次"};
    private static final LocalDate START = LocalDate.of(YEAR, 1, 1);
    private static final LocalDate[] DAYS = new LocalDate[366];
    private static final Instant[] RECORDED = new Instant[366];

    static {
        for (int i = 0; i < DAYS.length; i++) {
            DAYS[i] = START.plusDays(i);
            RECORDED[i] = Instant.parse("2017-01-01T08:00:00Z").plusSeconds(86_400L * i);
        }
    }

    private Portfolio() {
    }

    /** One plan; {@code index} makes ids unique in a portfolio. */
    public static Plan plan(Random rnd, int index) {
        String planId = "plan-" + index;
        List<Section> sections = new ArrayList<>();
        int unitBase = (index % 100) * 10;
        for (int s = 0; s < TASKS_PER_SECTION.length; s++) {
            List<Task> tasks = new ArrayList<>();
            for (int t = 0; t < TASKS_PER_SECTION[s]; t++) {
                String taskId = (s + 1) + "." + (t + 1);
                int nTargets = 1 + rnd.nextInt(3) + (rnd.nextInt(10) < 3 ? 1 : 0); // about 2.2 per task
                List<Target> targets = new ArrayList<>();
                for (int g = 0; g < nTargets; g++) {
                    targets.add(target(rnd, taskId + "." + (g + 1)));
                }
                String lead = "unit-" + (unitBase + rnd.nextInt(10));
                tasks.add(new Task(taskId, t + 1, "任务" + taskId, null, lead, List.of(), targets, null));
            }
            sections.add(new Section(String.valueOf(s + 1), s + 1, "部分" + (s + 1), tasks, null));
        }
        return new Plan(planId, "工作要点 " + index, "科协 " + index, null, null, List.of(), Period.calendarYear(YEAR),
                null, sections, null, null, 1);
    }

    private static Target target(Random rnd, String id) {
        int kind = rnd.nextInt(100);
        Target.Builder b = Target.builder(id, "目标 " + id);
        if (kind < 60) {
            b.count(10 + rnd.nextInt(500), MEASURES[rnd.nextInt(MEASURES.length)]);
        } else if (kind < 85) {
            b.milestone();
            if (rnd.nextBoolean()) {
                b.stage("一", LocalDate.of(YEAR, 3, 31)).stage("二", LocalDate.of(YEAR, 6, 30))
                        .stage("三", LocalDate.of(YEAR, 12, 31));
            }
        } else {
            b.percent(50 + rnd.nextInt(51));
        }
        b.cadence(rnd.nextInt(10) < 4 ? Cadence.WEEKLY : Cadence.MONTHLY);
        if (rnd.nextInt(10) == 0 && kind < 60) {
            b.dueDate(LocalDate.of(YEAR, 6 + rnd.nextInt(6), 28));
        }
        return b.build();
    }

    /** A year of reports for every target of {@code plan}: weekly or monthly by the target's cadence. */
    public static List<ProgressReport> reports(Random rnd, Plan plan, long[] idCounter) {
        List<ProgressReport> out = new ArrayList<>();
        for (Target t : plan.targets()) {
            int step = t.cadence() == Cadence.WEEKLY ? 7 : 30;
            double pace = 0.6 + rnd.nextDouble() * 0.7; // some targets run behind, some ahead
            double goal = t.goal() == null ? 1 : t.goal();
            double total = 0;
            for (int day = step - 1; day < 365; day += step) {
                double due = goal * pace * (day + 1) / 365.0;
                ReportMode mode;
                double value;
                if (t.kind().name().equals("MILESTONE")) {
                    mode = ReportMode.SET;
                    value = Math.min(goal, Math.floor(due));
                } else if (rnd.nextInt(4) == 0) {
                    mode = ReportMode.SET;
                    value = Math.round(due);
                    total = value;
                } else {
                    mode = ReportMode.ADD;
                    value = Math.max(0, Math.round(due - total));
                    total += value;
                }
                out.add(new ProgressReport("r" + (idCounter[0]++), plan.id(), t.id(), DAYS[day], value, mode, null,
                        List.of(), "reporter", RECORDED[day], null));
            }
        }
        return out;
    }
}
