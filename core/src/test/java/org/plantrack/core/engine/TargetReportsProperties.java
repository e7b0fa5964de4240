package org.plantrack.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Target;

/**
 * Evaluating a target from {@link TargetReports} built report by report, in random chunks and any order, gives
 * exactly what evaluating it from the same reports gives, as of every date that matters: with corrections, reports
 * of other targets and plans, same-day reports, and a target whose baseline changed after the running values were
 * folded.
 */
class TargetReportsProperties {
    private static final LocalDate START = Period.calendarYear(2017).start();
    private final ReportIndexProperties index = new ReportIndexProperties();

    @Property(tries = 300)
    void appendedReportsGiveTheSameEvaluationAsTheReports(@ForAll("plans") Plan plan,
            @ForAll("reportSpecs") List<int[]> specs, @ForAll long seed) {
        Random rnd = new Random(seed);
        List<ProgressReport> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ProgressReport r : ReportIndexProperties.reports(plan, specs, seed)) {
            if (ids.add(r.id())) { // a store never holds two reports with one id
                all.add(r);
            }
        }
        Evaluator evaluator = Evaluator.standard();
        for (Target t : plan.targets()) {
            int first = all.isEmpty() ? 0 : rnd.nextInt(all.size() + 1);
            TargetReports tr = TargetReports.of(plan.id(), t.id(), t.baseline(), all.subList(0, first));
            List<ProgressReport> sofar = new ArrayList<>(all.subList(0, first));
            int i = first;
            while (true) {
                Target rebased = rebased(t, rnd.nextBoolean() ? 3 : -3);
                for (LocalDate d : dates(sofar)) {
                    assertThat(evaluator.evaluateTarget(plan, t, tr, d)).as("%s as of %s, %s", t.id(), d, tr)
                            .isEqualTo(evaluator.evaluateTarget(plan, t, sofar, d));
                    if (rebased == null) {
                        continue;
                    }
                    assertThat(evaluator.evaluateTarget(plan, rebased, tr, d)).as("rebased %s as of %s", t.id(), d)
                            .isEqualTo(evaluator.evaluateTarget(plan, rebased, sofar, d));
                }
                if (i == all.size()) {
                    break;
                }
                int to = Math.min(all.size(), i + 1 + rnd.nextInt(3));
                tr.append(all.subList(i, to));
                sofar.addAll(all.subList(i, to));
                i = to;
            }
        }
    }

    /** The target with its baseline moved by {@code by}, or {@code null} when that target would be invalid. */
    private static Target rebased(Target t, double by) {
        try {
            return t.toBuilder().baseline(t.baseline() + by).build();
        } catch (org.plantrack.core.error.ValidationException e) {
            return null;
        }
    }

    private static List<LocalDate> dates(List<ProgressReport> reports) {
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(START.plusDays(200));
        for (ProgressReport r : reports) {
            days.add(r.asOf());
            days.add(r.asOf().minusDays(1));
        }
        return new ArrayList<>(days);
    }

    @Provide
    Arbitrary<Plan> plans() {
        return index.plans();
    }

    @Provide
    Arbitrary<List<int[]>> reportSpecs() {
        return index.reportSpecs();
    }
}
