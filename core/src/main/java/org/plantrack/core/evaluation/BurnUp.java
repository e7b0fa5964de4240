package org.plantrack.core.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.plantrack.core.model.Checkpoint;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Target;

/**
 * A target's burn-up series as of a date: the value the evaluator counts and the value the pace asks for,
 * on the days a chart needs. Built by the evaluator itself, so a chart never disagrees with the status.
 *
 * @param targetId    the target
 * @param measure     its measure word, or {@code null}
 * @param goal        its goal, or {@code null} when unknown
 * @param baseline    its baseline
 * @param start       the plan period's first day
 * @param due         the target's due date
 * @param asOf        the date the series is as of
 * @param points      in date order
 * @param checkpoints the pace checkpoints as values ({@code actual} absent)
 */
public record BurnUp(String targetId, String measure, Double goal, double baseline, LocalDate start, LocalDate due,
        LocalDate asOf, List<Point> points, List<Point> checkpoints) {

    /**
     * One day of the series.
     *
     * @param date     the day
     * @param actual   the value counted on that day, or {@code null} after the as-of date
     * @param expected the value the pace asks for on that day, or {@code null} when the goal is unknown
     */
    public record Point(LocalDate date, Double actual, Double expected) {
    }

    public BurnUp {
        points = List.copyOf(points);
        checkpoints = List.copyOf(checkpoints);
    }

    /**
     * The series of {@code target} as of {@code asOf}: a point at the period start, at each month end, at
     * each checkpoint (and the day before it, so that a stepped pace shows as a step), at each report date
     * up to {@code asOf}, at {@code asOf} and at the due date.
     *
     * @param plan    the plan holding the target
     * @param target  the target
     * @param reports the target's reports (any date; later ones are not counted)
     * @param asOf    the date
     * @param at      the target's evaluation on a day (e.g. an {@code Evaluator}'s, over the same reports)
     * @return the series
     */
    public static BurnUp of(Plan plan, Target target, List<ProgressReport> reports, LocalDate asOf,
            java.util.function.Function<LocalDate, TargetEvaluation> at) {
        LocalDate start = plan.period().start();
        LocalDate due = target.dueDateOr(plan.period().end());
        LocalDate last = due.isAfter(asOf) ? due : (asOf.isAfter(plan.period().end()) ? plan.period().end() : asOf);
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(start);
        days.add(due);
        days.add(last);
        if (!asOf.isBefore(start)) {
            days.add(asOf.isAfter(last) ? last : asOf);
        }
        for (YearMonth m = YearMonth.from(start); !m.atEndOfMonth().isAfter(last); m = m.plusMonths(1)) {
            days.add(m.atEndOfMonth());
        }
        for (Checkpoint c : target.checkpoints()) {
            days.add(c.date());
            if (c.date().isAfter(start)) {
                days.add(c.date().minusDays(1));
            }
        }
        for (ProgressReport r : reports) {
            if (!r.asOf().isAfter(asOf) && !r.asOf().isBefore(start) && !r.asOf().isAfter(last)) {
                days.add(r.asOf());
            }
        }
        Double goal = target.goal();
        List<Point> points = new ArrayList<>();
        for (LocalDate d : days) {
            TargetEvaluation e = at.apply(d);
            points.add(new Point(d, d.isAfter(asOf) ? null : e.current(), value(target, goal, e.expected())));
        }
        List<Point> checkpoints = new ArrayList<>();
        for (Checkpoint c : target.checkpoints()) {
            checkpoints.add(new Point(c.date(), null, value(target, goal, c.fraction())));
        }
        return new BurnUp(target.id(), target.measure(), goal, target.baseline(), start, due, asOf, points,
                checkpoints);
    }

    private static Double value(Target target, Double goal, double fraction) {
        return goal == null ? null : target.baseline() + fraction * (goal - target.baseline());
    }
}
