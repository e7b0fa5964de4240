package org.plantrack.core.engine;

import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.evaluation.RollUp;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.TargetEvaluation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.plantrack.core.model.Cadence;
import org.plantrack.core.model.Direction;
import org.plantrack.core.model.EvaluationSettings;
import org.plantrack.core.model.PaceCurve;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.RollUpPolicy;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.model.Task;

/** The invariants of DESIGN.md, over generated plans and reports. */
class EvaluationProperties {
    private static final Period YEAR = Period.calendarYear(2017);
    private static final LocalDate START = YEAR.start();
    private final Evaluator evaluator = Evaluator.standard();

    @Property(tries = 300)
    void evaluationNeverThrowsOnAnyValidPlan(@ForAll("plans") Plan plan, @ForAll("dayOffsets") int asOfDay,
            @ForAll("reportSpecs") List<int[]> specs) {
        PlanEvaluation e = evaluator.evaluate(plan, reports(plan, specs), START.plusDays(asOfDay));
        assertThat(e.targets()).hasSize(plan.targets().size());
        for (TargetEvaluation t : e.targets()) {
            assertThat(t.reason().zh()).isNotBlank();
            assertThat(t.reason().en()).isNotBlank();
            assertThat(t.ruleId()).isNotBlank();
            assertThat(t.expected()).isBetween(0.0, 1.0);
        }
    }

    @Property(tries = 300)
    void reportsDatedAfterAsOfNeverChangeTheResult(@ForAll("plans") Plan plan, @ForAll("dayOffsets") int asOfDay,
            @ForAll("reportSpecs") List<int[]> specs) {
        LocalDate asOf = START.plusDays(asOfDay);
        List<ProgressReport> all = reports(plan, specs);
        List<ProgressReport> upToAsOf = new ArrayList<>();
        for (ProgressReport r : all) {
            if (!r.asOf().isAfter(asOf)) {
                upToAsOf.add(r);
            }
        }
        assertThat(evaluator.evaluate(plan, all, asOf)).isEqualTo(evaluator.evaluate(plan, upToAsOf, asOf));
    }

    @Property(tries = 300)
    void rollUpCountsEqualLeafCounts(@ForAll("plans") Plan plan, @ForAll("dayOffsets") int asOfDay,
            @ForAll("reportSpecs") List<int[]> specs) {
        PlanEvaluation e = evaluator.evaluate(plan, reports(plan, specs), START.plusDays(asOfDay));
        Map<Status, Integer> leaves = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            leaves.put(s, 0);
        }
        for (TargetEvaluation t : e.targets()) {
            leaves.merge(t.status(), 1, Integer::sum);
        }
        assertThat(e.plan().counts()).isEqualTo(leaves);
        Map<Status, Integer> fromSections = new EnumMap<>(Status.class);
        for (RollUp s : e.sections()) {
            s.counts().forEach((k, v) -> fromSections.merge(k, v, Integer::sum));
        }
        assertThat(fromSections).isEqualTo(leaves);
        Map<Status, Integer> fromTasks = new EnumMap<>(Status.class);
        for (RollUp t : e.tasks()) {
            t.counts().forEach((k, v) -> fromTasks.merge(k, v, Integer::sum));
        }
        assertThat(fromTasks).isEqualTo(leaves);
        assertThat(e.plan().targets()).isEqualTo(plan.targets().size());
        if (plan.settings().rollUp() == RollUpPolicy.WORST_CHILD) {
            int worst = e.targets().stream().filter(t -> t.status().evaluable())
                    .mapToInt(t -> t.status().severity()).min().orElse(-1);
            assertThat(e.plan().status().severity()).isEqualTo(worst);
        }
    }

    @Property(tries = 500)
    void moreProgressNeverMakesAStatusWorse(@ForAll("plans") Plan plan, @ForAll("dayOffsets") int asOfDay,
            @ForAll("reportSpecs") List<int[]> specs, @ForAll @DoubleRange(min = 0, max = 500) double more) {
        LocalDate asOf = START.plusDays(asOfDay);
        List<ProgressReport> base = reports(plan, specs);
        List<ProgressReport> better = new ArrayList<>();
        for (ProgressReport r : base) {
            Target t = plan.findTarget(r.targetId()).orElseThrow();
            boolean lowerIsBetter = t.direction() == Direction.DECREASE || t.direction() == Direction.STAY_BELOW;
            double v = r.mode() == ReportMode.SET || isLastAdd(base, r) ? r.value() + (lowerIsBetter ? -more : more)
                    : r.value();
            better.add(new ProgressReport(r.id(), r.planId(), r.targetId(), r.asOf(), v, r.mode(), r.note(),
                    r.evidence(), r.reporter(), r.recordedAt(), r.supersedes()));
        }
        PlanEvaluation before = evaluator.evaluate(plan, base, asOf);
        PlanEvaluation after = evaluator.evaluate(plan, better, asOf);
        for (int i = 0; i < before.targets().size(); i++) {
            Status a = before.targets().get(i).status();
            Status b = after.targets().get(i).status();
            if (a.evaluable()) {
                assertThat(b.severity()).as("%s: %s then %s", before.targets().get(i).targetId(), a, b)
                        .isGreaterThanOrEqualTo(a.severity());
            }
        }
    }

    /** Raising every SET (and only ADD-only targets' last ADD) raises each current value by the same amount. */
    private static boolean isLastAdd(List<ProgressReport> all, ProgressReport r) {
        for (ProgressReport o : all) {
            if (o.targetId().equals(r.targetId()) && o != r && (o.mode() == ReportMode.SET || o.asOf().isAfter(r.asOf())
                    || (o.asOf().equals(r.asOf()) && o.recordedAt().isAfter(r.recordedAt())))) {
                return false;
            }
        }
        return true;
    }

    /** Reports from specs {targetIndex, dayOffset, value, mode}. */
    private static List<ProgressReport> reports(Plan plan, List<int[]> specs) {
        List<Target> targets = plan.targets();
        List<ProgressReport> out = new ArrayList<>();
        int n = 0;
        for (int[] s : specs) {
            Target t = targets.get(s[0] % targets.size());
            n++;
            out.add(new ProgressReport("r" + n, plan.id(), t.id(), START.plusDays(s[1]), s[2],
                    s[3] == 0 ? ReportMode.SET : ReportMode.ADD, null, List.of(), "p",
                    Instant.parse("2017-01-01T00:00:00Z").plusSeconds(n), null));
        }
        return out;
    }

    @Provide
    Arbitrary<Integer> dayOffsets() {
        return Arbitraries.integers().between(-30, 400);
    }

    @Provide
    Arbitrary<List<int[]>> reportSpecs() {
        Arbitrary<int[]> one = Combinators.combine(Arbitraries.integers().between(0, 50),
                Arbitraries.integers().between(0, 364), Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 1)).as((t, d, v, m) -> new int[] {t, d, v, m});
        return one.list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<Plan> plans() {
        Arbitrary<EvaluationSettings> settings = Combinators.combine(
                Arbitraries.of(org.plantrack.core.model.Preset.DEFAULT, org.plantrack.core.model.Preset.CN_SUPERVISION),
                Arbitraries.doubles().between(0.5, 1.0), Arbitraries.integers().between(0, 40),
                Arbitraries.of(RollUpPolicy.class))
                .as((preset, on, grace, policy) -> new EvaluationSettings(preset, on, on * 0.75, grace, 30, policy));
        return Combinators.combine(targets().list().ofMinSize(1).ofMaxSize(12), settings,
                Arbitraries.integers().between(1, 3)).as((ts, s, sections) -> {
                    List<Section> ss = new ArrayList<>();
                    int k = 0;
                    for (int i = 1; i <= sections; i++) {
                        List<Target> mine = new ArrayList<>();
                        for (; k < ts.size() * i / sections; k++) {
                            Target t = ts.get(k);
                            mine.add(t.toBuilder().id("t" + k).build());
                        }
                        Task task = new Task(i + ".1", 1, "任务" + i, null, "unit-" + (i % 2), List.of(), mine, null);
                        ss.add(new Section(String.valueOf(i), i, "部分" + i, List.of(task), null));
                    }
                    return new Plan("p", "计划", null, null, null, List.of(), YEAR, null, ss, s, null, 1);
                });
    }

    private Arbitrary<Target> targets() {
        Arbitrary<TargetKind> kinds = Arbitraries.of(TargetKind.class);
        Arbitrary<Direction> directions = Arbitraries.of(Direction.class);
        Arbitrary<Integer> goals = Arbitraries.integers().between(0, 300);
        Arbitrary<Integer> bases = Arbitraries.integers().between(0, 300);
        Arbitrary<Integer> dues = Arbitraries.integers().between(0, 364);
        Arbitrary<Cadence> cadences = Arbitraries.of(Cadence.class);
        Arbitrary<PaceCurve> paces = Arbitraries.of(PaceCurve.class);
        Arbitrary<Boolean> unknownGoal = Arbitraries.integers().between(0, 9).map(i -> i == 0);
        return Combinators.combine(kinds, directions, goals, bases, dues, cadences, paces, unknownGoal)
                .as(EvaluationProperties::target);
    }

    private static Target target(TargetKind kind, Direction dir, int goal, int base, int due, Cadence cadence,
            PaceCurve pace, boolean unknown) {
        LocalDate dueDate = START.plusDays(due);
        Target.Builder b = Target.builder("t", "目标").kind(kind).cadence(cadence).dueDate(dueDate);
        switch (kind) {
            case MILESTONE:
                b.milestone();
                if (goal % 3 == 1 && due > 2) {
                    b.stage("一", START.plusDays(due / 3)).stage("二", START.plusDays(2 * due / 3)).stage("三", dueDate);
                }
                break;
            case PERCENT:
                int g = goal % 101;
                int bb = base % 101;
                b.percent(g).direction(dir).baseline(dir == Direction.DECREASE ? Math.max(g, bb)
                        : dir == Direction.INCREASE ? Math.min(g, bb) : bb);
                break;
            default:
                b.goal((double) goal).direction(dir).baseline(dir == Direction.DECREASE ? Math.max(goal, base)
                        : dir == Direction.INCREASE ? Math.min(goal, base) : base);
        }
        if (pace != PaceCurve.LINEAR && due > 4) {
            b.pace(pace).checkpoint(START.plusDays(due / 4), 0.2).checkpoint(START.plusDays(due / 2), 0.5);
        }
        if (unknown) {
            b.goal(null);
        }
        return b.build();
    }
}
