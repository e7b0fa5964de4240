package org.plantrack.core.engine;

import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.TargetFacts;
import org.plantrack.core.evaluation.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.plantrack.core.model.EvaluationSettings;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Target;
import org.plantrack.core.spi.Rule;

/**
 * Evaluating from a {@link ReportIndex} gives exactly what evaluating from the reports gives: statuses,
 * numbers, reasons, warnings and roll-ups, as of every date that matters (each report's and each correction's
 * day, the day before, random days), with corrections (chains, corrections dated before or after the report,
 * of unknown targets, naming unknown ids), reports of other plans and unknown targets, same-day reports and
 * reports in any order, reports dated millions of years away.
 */
class ReportIndexProperties {
    private static final LocalDate START = Period.calendarYear(2017).start();
    private final EvaluationProperties plans = new EvaluationProperties();
    private final Evaluator evaluator = Evaluator.standard();

    @Property(tries = 400)
    void theIndexGivesTheSameEvaluationAsTheReports(@ForAll("plans") Plan plan, @ForAll("reportSpecs") List<int[]> specs,
            @ForAll("dayOffsets") int extraDay, @ForAll long seed) {
        List<ProgressReport> reports = reports(plan, specs, seed);
        ReportIndex index = ReportIndex.of(plan, reports);
        EvaluationSettings other = plan.settings().withPreset(plan.settings().supervision()
                ? org.plantrack.core.model.Preset.DEFAULT : org.plantrack.core.model.Preset.CN_SUPERVISION);
        for (LocalDate d : dates(reports, START.plusDays(extraDay))) {
            assertThat(evaluator.evaluate(index, d)).as("as of %s", d).isEqualTo(evaluator.evaluate(plan, reports, d));
            assertThat(evaluator.evaluate(index, d, other)).as("as of %s, other preset", d)
                    .isEqualTo(evaluator.evaluate(plan, reports, d, other));
        }
    }

    @Property(tries = 200)
    void rulesSeeTheSameReportsInTheSameOrder(@ForAll("plans") Plan plan, @ForAll("reportSpecs") List<int[]> specs,
            @ForAll long seed) {
        Rule listing = new Rule() {
            @Override
            public String id() {
                return "test.listing";
            }

            @Override
            public int order() {
                return 1;
            }

            @Override
            public Optional<Verdict> apply(TargetFacts f) {
                String ids = f.reports().stream().map(ProgressReport::id).collect(Collectors.joining(","));
                String text = f.reports().size() + ":" + ids + "|" + f.current() + "|" + f.lastReportDate();
                return Optional.of(Verdict.of(Status.ON_TRACK, text, text));
            }
        };
        Evaluator listingEvaluator = Evaluator.builder().rule(listing).build();
        List<ProgressReport> reports = reports(plan, specs, seed);
        ReportIndex index = ReportIndex.of(plan, reports);
        for (LocalDate d : dates(reports, START.plusDays(200))) {
            assertThat(listingEvaluator.evaluate(index, d)).as("as of %s", d)
                    .isEqualTo(listingEvaluator.evaluate(plan, reports, d));
        }
    }

    /** Every report's and correction's day and the day before it, and one more. */
    private static List<LocalDate> dates(List<ProgressReport> reports, LocalDate extra) {
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(extra);
        for (ProgressReport r : reports) {
            days.add(r.asOf());
            days.add(r.asOf().minusDays(1));
        }
        return new ArrayList<>(days);
    }

    /**
     * Reports from specs {targetIndex, dayOffset, value, mode, kind}: kind 0–5 a plain report, 6–7 a correction of
     * an earlier report (dated as the spec says, so before or after the report it corrects), 8 a report of another
     * plan, 9 one of an unknown target. Recorded-at times repeat and go backwards now and then, so that same-day
     * reports are ordered by recorded-at and then id; the list is shuffled half of the time.
     */
    static List<ProgressReport> reports(Plan plan, List<int[]> specs, long seed) {
        Random rnd = new Random(seed);
        List<Target> targets = plan.targets();
        List<ProgressReport> out = new ArrayList<>();
        int n = 0;
        for (int[] s : specs) {
            n++;
            Target t = targets.get(s[0] % targets.size());
            String planId = plan.id();
            String targetId = t.id();
            String supersedes = null;
            int kind = s[4];
            if (kind >= 6 && kind <= 7 && !out.isEmpty()) {
                ProgressReport old = out.get(rnd.nextInt(out.size()));
                supersedes = rnd.nextInt(10) == 0 ? "missing-" + n : old.id();
                targetId = rnd.nextInt(5) == 0 ? "unknown" : old.targetId();
            } else if (kind == 8) {
                planId = "other";
            } else if (kind == 9) {
                targetId = "unknown";
            }
            Instant recorded = Instant.parse("2017-01-01T00:00:00Z").plusSeconds(rnd.nextInt(4) == 0 ? 0 : n * (long) s[1]);
            LocalDate day = START.plusDays(s[1]);
            if (rnd.nextInt(40) == 0) { // now and then millions of years away, either way
                day = rnd.nextBoolean() ? LocalDate.of(6_000_000 + rnd.nextInt(3), 1 + rnd.nextInt(12), 1)
                        : LocalDate.of(-6_000_000 - rnd.nextInt(3), 1 + rnd.nextInt(12), 1);
            }
            out.add(new ProgressReport("r" + (rnd.nextInt(8) == 0 ? 100 - n : n), planId, targetId, day, s[2], s[3] == 0 ? ReportMode.SET : ReportMode.ADD, null, List.of(), "p",
                    recorded, supersedes));
        }
        if (rnd.nextBoolean()) {
            Collections.shuffle(out, rnd);
        }
        return out;
    }

    @Provide
    Arbitrary<Plan> plans() {
        return plans.plans();
    }

    @Provide
    Arbitrary<Integer> dayOffsets() {
        return plans.dayOffsets();
    }

    @Provide
    Arbitrary<List<int[]>> reportSpecs() {
        Arbitrary<int[]> one = Combinators.combine(Arbitraries.integers().between(0, 50),
                Arbitraries.integers().between(-10, 380), Arbitraries.integers().between(-50, 300),
                Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 9))
                .as((t, d, v, m, k) -> new int[] {t, d, v, m, k});
        return one.list().ofMaxSize(30);
    }
}
