package org.plantrack.core.engine;

import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.evaluation.Reason;
import org.plantrack.core.engine.ReportIndex;
import org.plantrack.core.evaluation.RollUp;
import org.plantrack.core.supervision.TaskFacts;
import org.plantrack.core.supervision.TaskStatus;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.StatusCounts;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.evaluation.TargetFacts;
import org.plantrack.core.engine.TargetReports;
import org.plantrack.core.evaluation.Verdict;
import org.plantrack.core.evaluation.WarningLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.plantrack.core.base.Checks;
import org.plantrack.core.base.Fmt;
import org.plantrack.core.base.Plugins;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.engine.rules.BuiltInRules;
import org.plantrack.core.model.Direction;
import org.plantrack.core.model.EvaluationSettings;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.RollUpPolicy;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.spi.Rule;
import org.plantrack.core.spi.RuleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates plans by rules. {@link #evaluate(Plan, Collection, LocalDate)} is a pure function of
 * its inputs: it reads only reports with an as-of date on or before {@code asOf}, so any past
 * day's status can be reproduced exactly. Instances are immutable and thread-safe.
 */
public final class Evaluator {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);
    private static final Evaluator STANDARD = new Evaluator(BuiltInRules.all());
    private static final Status[] STATUSES = Status.values();

    /** The target rules, in order. */
    private final Rule[] rules;
    /** The task rules, in order. */
    private final Rule[] taskRules;

    private Evaluator(List<Rule> rules) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule r : rules) {
            byId.put(Checks.text("rule.id", r.id()), r); // a later rule with the same id replaces the earlier
        }
        List<Rule> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparingInt(Rule::order));
        this.rules = sorted.stream().filter(r -> r.scope() != Rule.Scope.TASK).toArray(Rule[]::new);
        this.taskRules = sorted.stream().filter(r -> r.scope() == Rule.Scope.TASK).toArray(Rule[]::new);
    }

    /** The evaluator with Plantrack's built-in rules only. */
    public static Evaluator standard() {
        return STANDARD;
    }

    /** A builder, starting from the built-in rules. */
    public static Builder builder() {
        return new Builder();
    }

    /** The target rules in the order they are asked. */
    public List<Rule> rules() {
        return List.of(rules);
    }

    /**
     * The task rules in the order they are asked.
     *
     * @return the rules of scope {@link Rule.Scope#TASK}
     */
    public List<Rule> taskRules() {
        return List.of(taskRules);
    }

    /**
     * A task's status from its facts: the first task rule with a verdict decides; under the cn-supervision preset
     * the colour is 红 for overdue, 黄 for behind or at risk, 蓝 when due within the due-soon days and not done.
     *
     * @param facts what is known about the task
     * @return the status, its colour, the deciding rule and the reason
     */
    public TaskStatus evaluateTask(TaskFacts facts) {
        Checks.notNull("facts", facts);
        Verdict verdict = null;
        String ruleId = null;
        for (Rule rule : taskRules) {
            Optional<Verdict> v;
            try {
                v = rule.applyToTask(facts);
            } catch (RuntimeException e) {
                LOG.warn("rule {} failed on task {}; skipped: {}", rule.id(), facts.task().id(), e.toString());
                continue;
            }
            if (v.isPresent()) {
                verdict = v.get();
                ruleId = rule.id();
                break;
            }
        }
        if (verdict == null) {
            verdict = Verdict.of(Status.NOT_EVALUABLE, "没有规则对该任务作出判断", "no rule decided this task");
            ruleId = "none";
        }
        WarningLevel warning = WarningLevel.NONE;
        Reason reason = verdict.reason();
        if (facts.settings().supervision()) {
            switch (verdict.status()) {
                case OVERDUE:
                    warning = WarningLevel.RED;
                    break;
                case BEHIND:
                case AT_RISK:
                    warning = WarningLevel.YELLOW;
                    break;
                case ON_TRACK:
                case NOT_STARTED:
                    long days = facts.daysToDue();
                    warning = days >= 0 && days <= facts.settings().dueSoonDays() ? WarningLevel.BLUE
                            : WarningLevel.NONE;
                    break;
                default:
                    break;
            }
            if (warning != WarningLevel.NONE) {
                reason = reason.prefixed(warning.zh() + "色预警：", warning.en() + " warning: ");
            }
        }
        return new TaskStatus(facts.task().id(), facts.task().title(), verdict.status(), warning, ruleId, reason,
                facts.override() != null && ruleId.equals(BuiltInRules.TASK_MANUAL), facts);
    }

    /** Evaluates {@code plan} as of {@code asOf} with the plan's own preset. */
    public PlanEvaluation evaluate(Plan plan, Collection<ProgressReport> reports, LocalDate asOf) {
        return evaluate(plan, reports, asOf, plan.settings());
    }

    /**
     * Evaluates {@code plan} as of {@code asOf} with the given settings (e.g. another preset).
     * Reports of other plans, of unknown targets and dated after {@code asOf} are ignored.
     */
    public PlanEvaluation evaluate(Plan plan, Collection<ProgressReport> reports, LocalDate asOf,
            EvaluationSettings settings) {
        Checks.notNull("asOf", asOf);
        int targetCount = 0;
        for (Section s : plan.sections()) {
            for (Task task : s.tasks()) {
                targetCount += task.targets().size();
            }
        }
        Map<String, List<ProgressReport>> byTarget = visibleByTarget(plan.id(), reports, asOf, targetCount);
        return evaluate(plan, byTarget, null, targetCount, asOf, settings);
    }

    /**
     * Evaluates the index's plan as of {@code asOf} with the plan's own preset: the same result as
     * {@link #evaluate(Plan, Collection, LocalDate)} on the reports the index was built from, without a pass
     * over them.
     */
    public PlanEvaluation evaluate(ReportIndex index, LocalDate asOf) {
        return evaluate(index, asOf, index.plan().settings());
    }

    /** {@link #evaluate(ReportIndex, LocalDate)} with the given settings (e.g. another preset). */
    public PlanEvaluation evaluate(ReportIndex index, LocalDate asOf, EvaluationSettings settings) {
        Checks.notNull("index", index);
        Checks.notNull("asOf", asOf);
        Plan plan = index.plan();
        int targetCount = 0;
        for (Section s : plan.sections()) {
            for (Task task : s.tasks()) {
                targetCount += task.targets().size();
            }
        }
        return evaluate(plan, null, index, targetCount, asOf, settings);
    }

    /** Evaluates from the reports grouped by target, or from the index when {@code byTarget} is null. */
    private PlanEvaluation evaluate(Plan plan, Map<String, List<ProgressReport>> byTarget, ReportIndex index,
            int targetCount, LocalDate asOf, EvaluationSettings settings) {
        long asOfDay = asOf.toEpochDay();
        ReportIndex.Visible visible = index == null ? null : new ReportIndex.Visible();
        int position = 0;
        List<TargetEvaluation> targetEvals = new ArrayList<>(targetCount);
        List<RollUp> taskRollUps = new ArrayList<>();
        List<RollUp> sectionRollUps = new ArrayList<>();
        Map<String, List<TargetEvaluation>> byUnit = new TreeMap<>();
        List<TargetEvaluation> all = targetEvals;
        for (Section s : plan.sections()) {
            List<TargetEvaluation> inSection = new ArrayList<>();
            for (Task task : s.tasks()) {
                List<Target> targets = task.targets();
                List<TargetEvaluation> inTask = new ArrayList<>(targets.size());
                List<String> taskUnits = null;
                for (int j = 0; j < targets.size(); j++) { // by index: no iterator per task
                    Target t = targets.get(j);
                    TargetEvaluation te;
                    if (byTarget != null) {
                        te = evaluateTarget(plan, t, byTarget.getOrDefault(t.id(), List.of()), asOf, settings);
                    } else {
                        index.fold(position, t.baseline(), asOfDay, visible);
                        te = decide(plan, t, visible.reports, visible.current, visible.last, asOf, settings);
                    }
                    position++;
                    targetEvals.add(te);
                    inTask.add(te);
                    List<String> units = t.unitIds();
                    if (units.isEmpty()) {
                        if (taskUnits == null) {
                            taskUnits = task.units();
                        }
                        units = taskUnits;
                    }
                    for (int k = 0; k < units.size(); k++) {
                        byUnit.computeIfAbsent(units.get(k), u -> new ArrayList<>()).add(te);
                    }
                }
                taskRollUps.add(rollUp(RollUp.Level.TASK, task.id(), task.title(), inTask, settings));
                inSection.addAll(inTask);
            }
            sectionRollUps.add(rollUp(RollUp.Level.SECTION, s.id(), s.title(), inSection, settings));
        }
        List<RollUp> unitRollUps = new ArrayList<>();
        for (Map.Entry<String, List<TargetEvaluation>> e : byUnit.entrySet()) {
            unitRollUps.add(rollUp(RollUp.Level.UNIT, e.getKey(), e.getKey(), e.getValue(), settings));
        }
        RollUp planRollUp = rollUp(RollUp.Level.PLAN, plan.id(), plan.title(), all, settings);
        return new PlanEvaluation(plan.id(), plan.version(), asOf, settings.preset(), planRollUp, sectionRollUps,
                taskRollUps, unitRollUps, targetEvals);
    }

    /**
     * Evaluates one target as of {@code asOf} from its reports (any order; reports of other
     * targets or dated after {@code asOf} are ignored, superseded ones removed).
     */
    public TargetEvaluation evaluateTarget(Plan plan, Target target, Collection<ProgressReport> reports,
            LocalDate asOf) {
        Map<String, List<ProgressReport>> byTarget = visibleByTarget(plan.id(), reports, asOf);
        return evaluateTarget(plan, target, byTarget.getOrDefault(target.id(), List.of()), asOf, plan.settings());
    }

    /**
     * Evaluates one target as of {@code asOf} from its {@link TargetReports}: the same result as
     * {@link #evaluateTarget(Plan, Target, Collection, LocalDate)} on the reports they were built from, without a
     * pass over them (see {@link TargetReports} for when one is made).
     *
     * @throws ValidationException if the reports are of another plan or target
     */
    public TargetEvaluation evaluateTarget(Plan plan, Target target, TargetReports reports, LocalDate asOf) {
        Checks.notNull("asOf", asOf);
        Checks.notNull("reports", reports);
        if (!reports.planId().equals(plan.id()) || !reports.targetId().equals(target.id())) {
            throw new ValidationException("reports", reports.planId() + "/" + reports.targetId(),
                    "the reports of target " + plan.id() + "/" + target.id());
        }
        ReportIndex.Visible v = new ReportIndex.Visible();
        reports.fold(target.baseline(), asOf.toEpochDay(), v);
        return decide(plan, target, v.reports, v.current, v.last, asOf, plan.settings());
    }

    private TargetEvaluation evaluateTarget(Plan plan, Target t, List<ProgressReport> rs, LocalDate asOf,
            EvaluationSettings settings) {
        double current = t.baseline();
        for (ProgressReport r : rs) {
            current = r.mode() == ReportMode.SET ? r.value() : current + r.value();
        }
        return decide(plan, t, rs, current, rs.isEmpty() ? null : rs.get(rs.size() - 1).asOf(), asOf, settings);
    }

    /** The rules' verdict on a target whose counting reports {@code rs} fold to {@code current}. */
    private TargetEvaluation decide(Plan plan, Target t, List<ProgressReport> rs, double current, LocalDate last,
            LocalDate asOf, EvaluationSettings settings) {
        LocalDate start = plan.period().start();
        LocalDate due = t.dueDateOr(plan.period().end());
        double completion = completion(t, current);
        double expected = Pace.expected(t, start, due, asOf);
        LocalDate staleSince = Staleness.missingSince(t.cadence(), start, due, asOf, last, settings.graceDays());
        TargetFacts facts = new TargetFacts(t, settings, asOf, start, due, rs, current, completion, expected, last,
                staleSince != null, staleSince);
        Verdict verdict = null;
        String ruleId = null;
        for (Rule rule : rules) {
            Optional<Verdict> v;
            try {
                v = rule.apply(facts);
            } catch (RuntimeException e) {
                LOG.warn("rule {} failed on target {} of plan {}; skipped: {}", rule.id(), t.id(), plan.id(),
                        e.toString());
                continue;
            }
            if (v.isPresent()) {
                verdict = v.get();
                ruleId = rule.id();
                break;
            }
        }
        if (verdict == null) { // only when a custom rule list has no fallback
            verdict = Verdict.of(Status.NOT_EVALUABLE, "没有规则对该目标作出判断", "no rule decided this target");
            ruleId = "none";
        }
        WarningLevel warning = WarningLevel.NONE;
        Reason reason = verdict.reason();
        if (settings.supervision()) {
            warning = warning(verdict.status(), facts);
            if (warning != WarningLevel.NONE) {
                reason = reason.prefixed(warning.zh() + "色预警：", warning.en() + " warning: ");
            }
        }
        boolean evaluable = verdict.status().evaluable();
        return new TargetEvaluation(t.id(), verdict.status(), warning, ruleId, reason, current, t.goal(),
                evaluable && !Double.isNaN(completion) ? completion : null, expected, due, last, rs.size(),
                staleSince != null, t.weight());
    }

    /** 督查督办 colours: 红 overdue; 黄 behind the expected pace or stale; 蓝 due within the window and not done. */
    private static WarningLevel warning(Status status, TargetFacts f) {
        switch (status) {
            case OVERDUE:
                return WarningLevel.RED;
            case BEHIND:
            case AT_RISK:
                return WarningLevel.YELLOW;
            case ON_TRACK:
            case NOT_STARTED:
                long days = f.daysToDue();
                return days >= 0 && days <= f.settings().dueSoonDays() ? WarningLevel.BLUE : WarningLevel.NONE;
            default:
                return WarningLevel.NONE;
        }
    }

    static double completion(Target t, double current) {
        if (!t.hasGoal()) {
            return Double.NaN;
        }
        double goal = t.goal();
        double base = t.baseline();
        Direction d = t.direction();
        switch (d) {
            case DECREASE:
                return goal == base ? (current <= goal ? 1 : 0) : (base - current) / (base - goal);
            case STAY_ABOVE:
                return current >= goal ? 1 : 0;
            case STAY_BELOW:
                return current <= goal ? 1 : 0;
            case INCREASE:
            default:
                return goal == base ? (current >= goal ? 1 : 0) : (current - base) / (goal - base);
        }
    }

    /** Reports that count, grouped by target, in report order, superseded ones removed. */
    private static Map<String, List<ProgressReport>> visibleByTarget(String planId,
            Collection<ProgressReport> reports, LocalDate asOf) {
        return visibleByTarget(planId, reports, asOf, 16);
    }

    private static Map<String, List<ProgressReport>> visibleByTarget(String planId,
            Collection<ProgressReport> reports, LocalDate asOf, int targets) {
        Map<String, List<ProgressReport>> byTarget = new HashMap<>(Math.max(16, targets * 2));
        Set<String> superseded = null;
        // Reports usually come grouped by target (or by date, with runs of one target): reuse the
        // last list while the target stays the same instead of a hash lookup per report.
        String lastTarget = null;
        List<ProgressReport> lastList = null;
        boolean sorted = true;
        for (ProgressReport r : reports) {
            if (!r.planId().equals(planId) || r.asOf().isAfter(asOf)) {
                continue;
            }
            if (r.supersedes() != null) {
                if (superseded == null) {
                    superseded = new HashSet<>();
                }
                superseded.add(r.supersedes());
            }
            String targetId = r.targetId();
            List<ProgressReport> list;
            if (lastList != null && targetId.equals(lastTarget)) {
                list = lastList;
            } else {
                list = byTarget.get(targetId);
                if (list == null) {
                    list = new ArrayList<>(56); // a year of weekly reports without growing
                    byTarget.put(targetId, list);
                }
                lastTarget = targetId;
                lastList = list;
            }
            if (sorted && !list.isEmpty() && compare(list.get(list.size() - 1), r) > 0) {
                sorted = false;
            }
            list.add(r);
        }
        if (superseded != null || !sorted) {
            for (List<ProgressReport> list : byTarget.values()) {
                if (superseded != null) {
                    final Set<String> gone = superseded;
                    list.removeIf(r -> gone.contains(r.id()));
                }
                if (!sorted) {
                    list.sort(ProgressReport.ORDER);
                }
            }
        }
        return byTarget;
    }

    /** {@link ProgressReport#ORDER}, written out: as-of, recorded-at, id. */
    static int compare(ProgressReport a, ProgressReport b) {
        int c = a.asOf().compareTo(b.asOf());
        if (c != 0) {
            return c;
        }
        c = a.recordedAt().compareTo(b.recordedAt());
        return c != 0 ? c : a.id().compareTo(b.id());
    }

    static RollUp rollUp(RollUp.Level level, String id, String title, List<TargetEvaluation> children,
            EvaluationSettings settings) {
        int[] n = new int[STATUSES.length];
        double weight = 0;
        double done = 0;
        double expected = 0;
        Status worst = null;
        WarningLevel warning = WarningLevel.NONE;
        for (TargetEvaluation te : children) {
            n[te.status().ordinal()]++;
            warning = warning.max(te.warning());
            if (!te.status().evaluable()) {
                continue;
            }
            double c = te.completion() == null ? 0 : Math.max(0, Math.min(1, te.completion()));
            weight += te.weight();
            done += te.weight() * c;
            expected += te.weight() * te.expected();
            if (worst == null || te.status().severity() < worst.severity()) {
                worst = te.status();
            }
        }
        Map<Status, Integer> counts = new StatusCounts(n);
        double completion = weight > 0 ? done / weight : 0;
        double exp = weight > 0 ? expected / weight : 0;
        Status status;
        if (worst == null) {
            status = Status.NOT_EVALUABLE;
        } else if (settings.rollUp() == RollUpPolicy.WEIGHTED_COMPLETION) {
            status = weightedStatus(completion, exp, counts, settings);
        } else {
            status = worst;
        }
        int size = children.size();
        return new RollUp(level, id, title, status, warning, completion, exp, counts, size,
                Reason.lazy(() -> rollUpZh(size, counts, completion, exp), () -> rollUpEn(size, counts, completion, exp)));
    }

    private static Status weightedStatus(double completion, double expected, Map<Status, Integer> counts,
            EvaluationSettings settings) {
        int evaluable = 0;
        for (Map.Entry<Status, Integer> e : counts.entrySet()) {
            if (e.getKey().evaluable()) {
                evaluable += e.getValue();
            }
        }
        if (counts.get(Status.ACHIEVED) == evaluable) {
            return Status.ACHIEVED;
        }
        if (counts.get(Status.OVERDUE) > 0 && expected >= 1) {
            return Status.OVERDUE;
        }
        if (counts.get(Status.NOT_STARTED) == evaluable) {
            return Status.NOT_STARTED;
        }
        if (completion < settings.atRiskRatio() * expected) {
            return Status.BEHIND;
        }
        if (completion < settings.onTrackRatio() * expected) {
            return Status.AT_RISK;
        }
        return Status.ON_TRACK;
    }

    private static String rollUpZh(int n, Map<Status, Integer> counts, double completion, double expected) {
        StringBuilder zh = new StringBuilder().append("共 ").append(n).append(" 项目标");
        String sep = "：";
        for (Status s : STATUSES) {
            int c = counts.getOrDefault(s, 0);
            if (c > 0) {
                zh.append(sep).append(s.zh()).append(' ').append(c).append(" 项");
                sep = "，";
            }
        }
        return zh.append("；加权完成率 ").append(Fmt.pct(completion)).append("，按序时进度应达 ")
                .append(Fmt.pct(expected)).toString();
    }

    private static String rollUpEn(int n, Map<Status, Integer> counts, double completion, double expected) {
        StringBuilder en = new StringBuilder().append(n).append(n == 1 ? " target" : " targets");
        String sep = ": ";
        for (Status s : STATUSES) {
            int c = counts.getOrDefault(s, 0);
            if (c > 0) {
                en.append(sep).append(c).append(' ').append(s.en());
                sep = ", ";
            }
        }
        return en.append("; weighted completion ").append(Fmt.pct(completion)).append(", ").append(Fmt.pct(expected))
                .append(" expected").toString();
    }

    /** Every rule provider {@link java.util.ServiceLoader} finds; one that fails to load is logged and skipped. */
    static List<RuleProvider> ruleProviders() {
        return Plugins.load(java.util.ServiceLoader.load(RuleProvider.class, Evaluator.class.getClassLoader()),
                "rule provider");
    }

    /** Builds an {@link Evaluator}: the built-in rules plus any given or discovered ones. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>(BuiltInRules.all());

        private Builder() {
        }

        /** Adds a rule (one with a built-in rule's id replaces it). */
        public Builder rule(Rule rule) {
            rules.add(Checks.notNull("rule", rule));
            return this;
        }

        /** Adds every rule of a provider. */
        public Builder rules(RuleProvider provider) {
            rules.addAll(provider.rules());
            return this;
        }

        /**
         * Adds the rules of every {@link RuleProvider} found by {@link java.util.ServiceLoader}; a
         * provider that fails to load is logged and skipped.
         */
        public Builder installPlugins() {
            for (RuleProvider p : ruleProviders()) {
                if (!(p instanceof BuiltInRules)) {
                    rules.addAll(p.rules());
                }
            }
            return this;
        }

        /** Removes every rule, built-in ones included (for tests and fully custom rule sets). */
        public Builder clear() {
            rules.clear();
            return this;
        }

        public Evaluator build() {
            return new Evaluator(rules);
        }
    }
}
