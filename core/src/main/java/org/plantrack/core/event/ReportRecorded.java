package org.plantrack.core.event;

import java.time.Instant;
import org.plantrack.core.model.ProgressReport;

/**
 * A progress report was recorded; {@link #correction()} when it supersedes an earlier one.
 *
 * @param report the stored report
 * @param at     when
 */
public record ReportRecorded(ProgressReport report, Instant at) implements PlanEvent {
    @Override
    public String planId() {
        return report.planId();
    }

    /** Whether the report corrects an earlier one. */
    public boolean correction() {
        return report.isCorrection();
    }

    @Override
    public String type() {
        return correction() ? "report.corrected" : "report.recorded";
    }
}
