package org.plantrack.core;

import java.util.Objects;
import org.plantrack.core.model.ProgressReport;

/**
 * A report written with an idempotency key: the report, and whether an earlier write with the same key had
 * recorded it already (a replay, nothing new was written).
 *
 * @param report   the stored report
 * @param replayed {@code true} when the key had recorded this report before
 */
public record RecordedReport(ProgressReport report, boolean replayed) {
    public RecordedReport {
        Objects.requireNonNull(report, "report");
    }
}
