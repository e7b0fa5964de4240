package org.plantrack.core.supervision;

import java.time.LocalDate;
import java.util.List;
import org.plantrack.core.evaluation.RollUp;
import org.plantrack.core.model.EvaluationSettings;
import org.plantrack.core.model.Task;

/**
 * Everything known about one task as of a date, handed to each task rule
 * ({@link org.plantrack.core.spi.Rule#applyToTask}).
 *
 * @param task           the task
 * @param settings       the plan's evaluation thresholds and preset
 * @param asOf           the evaluation date
 * @param state          the lifecycle state at the end of that day, or {@code null} when not assigned by then
 * @param assignment     the assignment in force then, or {@code null}
 * @param dueDate        the assignment's due date, or {@code null} when not assigned
 * @param closedOn       the day the task was closed, when its state is closed; else {@code null}
 * @param latest         the latest progress report that counted by then, or {@code null}
 * @param missing        the calendar lines whose deadline passed by then without a report
 * @param pending        the number of its reports waiting for review then
 * @param targets        the roll-up of the task's numeric targets, or {@code null} when it has none
 * @param override       the status set by hand in force then, or {@code null}
 */
public record TaskFacts(Task task, EvaluationSettings settings, LocalDate asOf, TaskState state,
        Assignment assignment, LocalDate dueDate, LocalDate closedOn, TaskReport latest, List<CalendarEntry> missing,
        int pending, RollUp targets, StatusOverride override) {
    public TaskFacts {
        missing = List.copyOf(missing);
    }

    /**
     * Whether the evaluation date is past the due date.
     *
     * @return true when assigned and past due
     */
    public boolean pastDue() {
        return dueDate != null && asOf.isAfter(dueDate);
    }

    /**
     * Days from the evaluation date to the due date.
     *
     * @return the days (negative when past due); {@link Long#MAX_VALUE} when not assigned
     */
    public long daysToDue() {
        return dueDate == null ? Long.MAX_VALUE : java.time.temporal.ChronoUnit.DAYS.between(asOf, dueDate);
    }
}
