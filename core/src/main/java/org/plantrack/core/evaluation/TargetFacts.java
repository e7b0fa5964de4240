package org.plantrack.core.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.plantrack.core.model.EvaluationSettings;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Target;

/**
 * Everything measured about one target as of a date, handed to each {@link org.plantrack.core.spi.Rule}.
 *
 * @param target         the target
 * @param settings       the plan's thresholds
 * @param asOf           the evaluation date
 * @param periodStart    the plan period's first day
 * @param dueDate        the target's due date (the period end when it has none)
 * @param reports        the reports that count: as-of on or before {@code asOf}, superseded ones removed,
 *                       in report order
 * @param current        the current value: the latest SET plus the ADDs after it (the baseline when no report)
 * @param completion     completion (may exceed 1), or {@link Double#NaN} when the goal is unknown
 * @param expected       expected completion by now from the pace curve, in [0, 1]
 * @param lastReportDate as-of date of the latest counting report, or {@code null}
 * @param stale          whether a report is missing for a reporting interval past its grace period
 * @param staleSince     the end of the interval whose report is missing, or {@code null}
 */
public record TargetFacts(Target target, EvaluationSettings settings, LocalDate asOf, LocalDate periodStart,
        LocalDate dueDate, List<ProgressReport> reports, double current, double completion, double expected,
        LocalDate lastReportDate, boolean stale, LocalDate staleSince) {

    /** Whether any report counts. */
    public boolean hasReport() {
        return !reports.isEmpty();
    }

    /** Whether the evaluation date is past the due date. */
    public boolean pastDue() {
        return asOf.isAfter(dueDate);
    }

    /** Days from the evaluation date to the due date (negative when past due). */
    public long daysToDue() {
        return java.time.temporal.ChronoUnit.DAYS.between(asOf, dueDate);
    }
}
