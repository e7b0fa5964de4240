package org.plantrack.core.supervision;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.WarningLevel;

/**
 * Every task of a plan with its status as of a date: the supervising office's overview.
 *
 * @param planId         the plan
 * @param asOf           the date
 * @param settings       the plan's supervision settings
 * @param tasks          one status per task, in document order
 * @param pendingReviews reports waiting for review now
 * @param calendar       the reporting calendar's lines as of the date
 */
public record TaskBoard(String planId, LocalDate asOf, SupervisionSettings settings, List<TaskStatus> tasks,
        int pendingReviews, List<CalendarEntry> calendar) {
    public TaskBoard {
        tasks = List.copyOf(tasks);
        calendar = List.copyOf(calendar);
    }

    /**
     * The number of tasks per status.
     *
     * @return every status with its count, zero included
     */
    public Map<Status, Integer> counts() {
        Map<Status, Integer> n = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            n.put(s, 0);
        }
        for (TaskStatus t : tasks) {
            n.merge(t.status(), 1, Integer::sum);
        }
        return n;
    }

    /**
     * The number of tasks per cn-supervision colour.
     *
     * @return every colour with its count, zero included
     */
    public Map<WarningLevel, Integer> warnings() {
        Map<WarningLevel, Integer> n = new EnumMap<>(WarningLevel.class);
        for (WarningLevel w : WarningLevel.values()) {
            n.put(w, 0);
        }
        for (TaskStatus t : tasks) {
            n.merge(t.warning(), 1, Integer::sum);
        }
        return n;
    }

    /**
     * The number of calendar lines with a timing.
     *
     * @param timing on time, late, missing or due
     * @return the count
     */
    public long count(ReportTiming timing) {
        return calendar.stream().filter(e -> e.timing() == timing).count();
    }

    /**
     * One task's status.
     *
     * @param taskId the task
     * @return its status, or empty when the plan has no such task
     */
    public Optional<TaskStatus> task(String taskId) {
        return tasks.stream().filter(t -> t.taskId().equals(taskId)).findFirst();
    }
}
