package org.plantrack.core.supervision;

import java.time.Instant;
import org.plantrack.core.base.Checks;

/**
 * One line of the reporting calendar: a task, a responsible unit, a period, and whether its report is on time,
 * late, missing or still due.
 *
 * @param taskId      the task
 * @param unitId      the responsible unit
 * @param lead        whether the unit leads the task
 * @param period      the reporting period
 * @param timing      on time, late, missing or due
 * @param reportId    the first report the unit submitted for the period, or {@code null}
 * @param submittedAt when it was submitted (UTC), or {@code null}
 */
public record CalendarEntry(String taskId, String unitId, boolean lead, ReportingPeriod period, ReportTiming timing,
        String reportId, Instant submittedAt) {
    public CalendarEntry {
        Checks.id("entry.taskId", taskId);
        Checks.id("entry.unitId", unitId);
        Checks.notNull("entry.period", period);
        Checks.notNull("entry.timing", timing);
    }
}
