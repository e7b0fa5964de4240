package org.plantrack.core.supervision;

import java.util.List;
import java.util.Map;
import org.plantrack.core.model.Task;

/**
 * One task as its page shows it: the task, its whole supervision record, its status as of a date, the review state of
 * each report, its calendar lines and its evidence files.
 *
 * @param task     the task as the plan states it
 * @param record   everything recorded (timeline, reports, reviews, statuses set by hand)
 * @param status   its status as of the date
 * @param reviews  report id → its review state now
 * @param calendar its calendar lines as of the date
 * @param files    its evidence files
 */
public record TaskView(Task task, TaskRecord record, TaskStatus status, Map<String, ReviewState> reviews,
        List<CalendarEntry> calendar, List<EvidenceFile> files) {
    public TaskView {
        reviews = Map.copyOf(reviews);
        calendar = List.copyOf(calendar);
        files = List.copyOf(files);
    }
}
