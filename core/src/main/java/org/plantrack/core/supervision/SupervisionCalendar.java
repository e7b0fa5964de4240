package org.plantrack.core.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Task;

/**
 * The reporting calendar worked out for a plan's tasks: for every assigned task × responsible unit × period that
 * had begun by a date, whether its report is on time, late, missing or still due. A pure function of its inputs.
 */
public final class SupervisionCalendar {
    private SupervisionCalendar() {
    }

    /**
     * The last instant of a day in a zone: what "as of that day" reads of instants.
     *
     * @param day  the day
     * @param zone the zone
     * @return the instant just before the next day begins
     */
    public static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    }

    /**
     * The calendar lines of every assigned task as of a date.
     *
     * @param plan     the plan
     * @param calendar its reporting calendar
     * @param records  task id → the task's record
     * @param asOf     the date
     * @param knownAt  read the records as they stood at this instant (the end of {@code asOf} to reproduce that
     *                 day; later to include what was recorded since)
     * @param zone     the zone dates are read in
     * @return the lines, in task order, then period, then unit (lead first)
     */
    public static List<CalendarEntry> entries(Plan plan, ReportingCalendar calendar, Map<String, TaskRecord> records,
            LocalDate asOf, Instant knownAt, ZoneId zone) {
        List<CalendarEntry> out = new ArrayList<>();
        List<ReportingPeriod> periods = calendar.periods(plan.period());
        for (Section s : plan.sections()) {
            for (Task t : s.tasks()) {
                TaskRecord r = records.get(t.id());
                if (r != null) {
                    out.addAll(entries(r, periods, asOf, knownAt, zone));
                }
            }
        }
        return out;
    }

    /**
     * The calendar lines of one task as of a date.
     *
     * @param record  the task's record
     * @param periods the plan's reporting periods
     * @param asOf    the date
     * @param knownAt read the record as it stood at this instant
     * @param zone    the zone dates are read in
     * @return the lines, by period, then unit (lead first)
     */
    public static List<CalendarEntry> entries(TaskRecord record, List<ReportingPeriod> periods, LocalDate asOf,
            Instant knownAt, ZoneId zone) {
        Instant end = knownAt;
        Optional<Assignment> assignment = record.assignmentAt(end);
        Optional<Instant> assignedAt = record.firstAssignedAt();
        if (assignment.isEmpty() || assignedAt.isEmpty()) {
            return List.of();
        }
        LocalDate assignedOn = LocalDate.ofInstant(assignedAt.get(), zone);
        LocalDate closedOn = null;
        Optional<TaskTransition> last = record.lastTransitionAt(end);
        if (last.isPresent() && last.get().to() == TaskState.CLOSED) {
            closedOn = LocalDate.ofInstant(last.get().at(), zone);
        }
        Map<String, Map<String, TaskReport>> first = record.firstSubmissions(end);
        List<CalendarEntry> out = new ArrayList<>();
        for (ReportingPeriod p : periods) {
            if (p.end().isBefore(assignedOn) || p.start().isAfter(asOf)
                    || (closedOn != null && p.start().isAfter(closedOn))) {
                continue;
            }
            for (String unit : assignment.get().units()) {
                TaskReport sub = first.getOrDefault(unit, Map.of()).get(p.key());
                ReportTiming timing;
                if (sub != null) {
                    LocalDate on = LocalDate.ofInstant(sub.recordedAt(), zone);
                    timing = on.isAfter(p.deadline()) ? ReportTiming.LATE : ReportTiming.ON_TIME;
                } else if (closedOn != null && !closedOn.isAfter(p.deadline())) {
                    continue; // closed before the report fell due: nothing more to report
                } else {
                    timing = asOf.isAfter(p.deadline()) ? ReportTiming.MISSING : ReportTiming.DUE;
                }
                out.add(new CalendarEntry(record.taskId(), unit, unit.equals(assignment.get().leadUnit()), p, timing,
                        sub == null ? null : sub.id(), sub == null ? null : sub.recordedAt()));
            }
        }
        return out;
    }
}
