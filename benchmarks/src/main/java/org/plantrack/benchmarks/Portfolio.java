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

    private static final String[] COUNT_VERBS = {"培训", "发展会员", "举办讲座", "组织活动", "走访企业", "推荐申报"};
    private static final String[] MILESTONE_VERBS = {"建成", "开工建设", "设立", "举办", "编印"};
    private static final String[] THINGS = {"科技馆", "科普中心", "学术年会", "工作站", "科普读物", "服务平台"};
    private static final String[] CN_DIGITS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    /**
     * A plan shaped like {@link #plan(Random, int)} with a header and task bodies that state its targets in
     * the words of a real 工作要点 (全年培训 200 名, 年内建成科技馆, 覆盖率达到 90%), for rendering with
     * {@code CanonicalText} into a document to import.
     */
    public static Plan documentPlan(Random rnd, int index) {
        List<Section> sections = new ArrayList<>();
        for (int s = 0; s < TASKS_PER_SECTION.length; s++) {
            List<Task> tasks = new ArrayList<>();
            for (int t = 0; t < TASKS_PER_SECTION[s]; t++) {
                String taskId = (s + 1) + "." + (t + 1);
                int nTargets = 1 + rnd.nextInt(3) + (rnd.nextInt(10) < 3 ? 1 : 0);
                StringBuilder body = new StringBuilder("推进第" + CN_DIGITS[t % 10] + "项重点工作。围绕中心，服务大局，");
                for (int g = 0; g < nTargets; g++) {
                    int kind = rnd.nextInt(100);
                    if (kind < 60) {
                        body.append("全年").append(COUNT_VERBS[rnd.nextInt(COUNT_VERBS.length)])
                                .append(10 + rnd.nextInt(500)).append(MEASURES[rnd.nextInt(MEASURES.length)]).append("，");
                    } else if (kind < 85) {
                        body.append("年内").append(MILESTONE_VERBS[rnd.nextInt(MILESTONE_VERBS.length)])
                                .append(THINGS[rnd.nextInt(THINGS.length)]).append("，");
                    } else {
                        body.append("服务覆盖率达到").append(50 + rnd.nextInt(51)).append("%，");
                    }
                }
                body.append("进一步扩大科协影响，提升基层服务能力。");
                String title = "推进第" + CN_DIGITS[t % 10] + "项重点工作";
                tasks.add(new Task(taskId, t + 1, title, body.toString(), null, List.of(), List.of(), null));
            }
            sections.add(new Section(String.valueOf(s + 1), s + 1, "加强第" + CN_DIGITS[s] + "方面工作", tasks, null));
        }
        return new Plan("doc-" + index, "某市科协" + YEAR + "年工作要点", "某市科学技术协会", "某科协〔" + YEAR + "〕" + (index + 1) + "号",
                LocalDate.of(YEAR, 3, 1 + index % 28), List.of("各县（市、区）科协", "市级学会"), Period.calendarYear(YEAR),
                "2017年市科协工作总体思路是：围绕中心，服务大局。", sections, null, null, 1);
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
