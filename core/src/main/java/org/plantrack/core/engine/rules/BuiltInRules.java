package org.plantrack.core.engine.rules;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.plantrack.core.base.Fmt;
import org.plantrack.core.evaluation.Reason;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.TargetFacts;
import org.plantrack.core.evaluation.Verdict;
import org.plantrack.core.model.Direction;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.spi.Rule;
import org.plantrack.core.spi.RuleProvider;

/**
 * Plantrack's default rules, registered through the same {@link RuleProvider} SPI as any plugin.
 * Each rule decides one status with a reason in Chinese and English. Not API.
 */
public final class BuiltInRules implements RuleProvider {

    public static final String NOT_EVALUABLE = "not-evaluable";
    public static final String LIMIT = "limit";
    public static final String ACHIEVED = "achieved";
    public static final String OVERDUE = "overdue";
    public static final String NOT_STARTED = "not-started";
    public static final String PACE_BEHIND = "pace.behind";
    public static final String PACE_AT_RISK = "pace.at-risk";
    public static final String STALE = "stale";
    public static final String ON_TRACK = "on-track";
    /** Task rule: a status set by hand by a reviewer. */
    public static final String TASK_MANUAL = "task.manual";
    /** Task rule: closed (办结). */
    public static final String TASK_CLOSED = "task.closed";
    /** Task rule: not assigned and no targets to go by. */
    public static final String TASK_UNASSIGNED = "task.unassigned";
    /** Task rule: past its due date and not closed. */
    public static final String TASK_OVERDUE = "task.overdue";
    /** Task rule: a period's report is missing (缺报). */
    public static final String TASK_REPORT_MISSING = "task.report-missing";
    /** Task rule: the latest counting report says behind (滞后). */
    public static final String TASK_SELF_BEHIND = "task.self-behind";
    /** Task rule: the roll-up of the task's numeric targets. */
    public static final String TASK_TARGETS = "task.targets";
    /** Task rule: completion requested (申请办结). */
    public static final String TASK_COMPLETION_REQUESTED = "task.completion-requested";
    /** Task rule: assigned and in hand, on schedule as far as known. */
    public static final String TASK_IN_HAND = "task.in-hand";

    private static final List<Rule> TARGET_RULES = List.of(
            rule(NOT_EVALUABLE, 100, BuiltInRules::notEvaluable),
            rule(LIMIT, 150, BuiltInRules::limit),
            rule(ACHIEVED, 200, BuiltInRules::achieved),
            rule(OVERDUE, 300, BuiltInRules::overdue),
            rule(NOT_STARTED, 400, BuiltInRules::notStarted),
            rule(PACE_BEHIND, 500, BuiltInRules::behind),
            rule(PACE_AT_RISK, 600, BuiltInRules::atRisk),
            rule(STALE, 700, BuiltInRules::stale),
            rule(ON_TRACK, 1000, BuiltInRules::onTrack));

    /** The target rules, then the task rules. */
    private static final List<Rule> RULES = concat(TARGET_RULES, TaskRules.all());

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public BuiltInRules() {
    }

    @Override
    public String name() {
        return "built-in";
    }

    @Override
    public List<Rule> rules() {
        return RULES;
    }

    /** The built-in rules, in order. */
    public static List<Rule> all() {
        return RULES;
    }

    private static List<Rule> concat(List<Rule> a, List<Rule> b) {
        List<Rule> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static Rule rule(String id, int order, Function<TargetFacts, Verdict> body) {
        return new Rule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public Optional<Verdict> apply(TargetFacts facts) {
                return Optional.ofNullable(body.apply(facts));
            }

            @Override
            public String toString() {
                return "Rule[" + id + ", " + order + "]";
            }
        };
    }

    private static boolean isLimit(Target t) {
        return t.direction() == Direction.STAY_ABOVE || t.direction() == Direction.STAY_BELOW;
    }

    private static Verdict notEvaluable(TargetFacts f) {
        Target t = f.target();
        if (t.kind() == TargetKind.QUALITATIVE) {
            return Verdict.of(Status.NOT_EVALUABLE, "定性目标，由人工评估，不自动评价",
                    "qualitative target: assessed by a person, not evaluated automatically");
        }
        if (!t.hasGoal()) {
            return Verdict.of(Status.NOT_EVALUABLE, "目标值未知（原文缺失或受损），请补充目标值后再评价",
                    "the goal is unknown (missing or damaged in the document); fill it in to evaluate");
        }
        return null;
    }

    private static Verdict limit(TargetFacts f) {
        Target t = f.target();
        if (!isLimit(t)) {
            return null;
        }
        String bound = Fmt.num(t.goal()) + t.measure();
        boolean above = t.direction() == Direction.STAY_ABOVE;
        String zhBound = above ? "不低于 " + bound : "不高于 " + bound;
        String enBound = above ? "at least " + bound : "at most " + bound;
        if (!f.hasReport()) {
            if (f.stale()) {
                return Verdict.of(Status.AT_RISK, "应保持" + zhBound + "，但 " + f.staleSince() + " 报告期结束后超过 "
                        + f.settings().graceDays() + " 天仍无报告",
                        "must stay " + enBound + ", but no report came within " + f.settings().graceDays()
                                + " days after the interval ending " + f.staleSince());
            }
            return Verdict.of(Status.NOT_STARTED, "应保持" + zhBound + "，尚无进度报告",
                    "must stay " + enBound + "; nothing reported yet");
        }
        boolean met = above ? f.current() >= t.goal() : f.current() <= t.goal();
        String value = Fmt.num(f.current()) + t.measure();
        if (met) {
            Status s = f.asOf().isBefore(f.dueDate()) ? Status.ON_TRACK : Status.ACHIEVED;
            return Verdict.of(s, "当前值 " + value + "，保持" + zhBound,
                    "current value " + value + " stays " + enBound);
        }
        Status s = f.pastDue() ? Status.OVERDUE : Status.BEHIND;
        return Verdict.of(s, "当前值 " + value + "，未能保持" + zhBound,
                "current value " + value + " is not " + enBound);
    }

    private static Verdict achieved(TargetFacts f) {
        if (f.completion() < 1) {
            return null;
        }
        Target t = f.target();
        if (t.kind() == TargetKind.MILESTONE) {
            int stages = t.stages().size();
            return new Verdict(Status.ACHIEVED, Reason.lazy(() -> "已完成" + (stages == 0 ? "" : "全部 " + stages + " 个阶段"),
                    () -> "done" + (stages == 0 ? "" : ": all " + stages + " stages")));
        }
        double current = f.current();
        double completion = f.completion();
        return new Verdict(Status.ACHIEVED, Reason.lazy(
                () -> "完成率 " + Fmt.pct(completion) + "（" + Fmt.num(current) + "/" + Fmt.num(t.goal()) + t.measure()
                        + "），已达成目标",
                () -> Fmt.pct(completion) + " complete (" + Fmt.num(current) + "/" + Fmt.num(t.goal()) + t.measure()
                        + "): goal reached"));
    }

    private static Verdict overdue(TargetFacts f) {
        if (!f.pastDue()) {
            return null;
        }
        java.time.LocalDate due = f.dueDate();
        double completion = f.completion();
        return new Verdict(Status.OVERDUE, Reason.lazy(() -> "已超过完成时限 " + due + "，完成率 " + Fmt.pct(completion),
                () -> "past its due date " + due + " at " + Fmt.pct(completion) + " complete"));
    }

    private static Verdict notStarted(TargetFacts f) {
        if (f.hasReport() || f.expected() > 0) {
            return null;
        }
        java.time.LocalDate due = f.dueDate();
        return new Verdict(Status.NOT_STARTED, Reason.lazy(() -> "尚无进度报告，按序时进度目前应完成 0%，完成时限 " + due,
                () -> "nothing reported and nothing expected yet; due " + due));
    }

    private static Verdict behind(TargetFacts f) {
        double ratio = f.settings().atRiskRatio();
        if (f.completion() >= ratio * f.expected()) {
            return null;
        }
        return pace(Status.BEHIND, f.completion(), f.expected(), ratio);
    }

    private static Verdict atRisk(TargetFacts f) {
        double ratio = f.settings().onTrackRatio();
        if (f.completion() >= ratio * f.expected()) {
            return null;
        }
        return pace(Status.AT_RISK, f.completion(), f.expected(), ratio);
    }

    /** A pacing verdict; the sentences are composed only when read. */
    private static Verdict pace(Status status, double c, double e, double ratio) {
        if (ratio < 0) {
            return new Verdict(status, Reason.lazy(() -> paceZh(c, e), () -> paceEn(c, e)));
        }
        return new Verdict(status, Reason.lazy(() -> paceZh(c, e) + "，低于序时进度的 " + Fmt.pct(ratio),
                () -> paceEn(c, e) + ", below " + Fmt.pct(ratio) + " of the expected pace"));
    }

    private static Verdict stale(TargetFacts f) {
        if (!f.stale()) {
            return null;
        }
        java.time.LocalDate lastDate = f.lastReportDate();
        java.time.LocalDate since = f.staleSince();
        int grace = f.settings().graceDays();
        return new Verdict(Status.AT_RISK, Reason.lazy(
                () -> "截至 " + since + " 的报告期结束后超过 " + grace + " 天未报送进度（最近一次报告："
                        + (lastDate == null ? "无" : lastDate.toString()) + "）",
                () -> "no report for the interval ending " + since + " after " + grace + " days' grace (latest report: "
                        + (lastDate == null ? "none" : lastDate.toString()) + ")"));
    }

    private static Verdict onTrack(TargetFacts f) {
        return pace(Status.ON_TRACK, f.completion(), f.expected(), -1);
    }

    private static String paceZh(double c, double e) {
        return "完成率 " + Fmt.pct(c) + "，按序时进度应达 " + Fmt.pct(e);
    }

    private static String paceEn(double c, double e) {
        return Fmt.pct(c) + " complete; " + Fmt.pct(e) + " expected by now";
    }
}
