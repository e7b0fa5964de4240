package org.plantrack.core.supervision;

import org.plantrack.core.base.Checks;
import org.plantrack.core.model.ReportMode;

/**
 * A figure for one of the task's numeric targets, given with a task progress report. When the report counts
 * (at once, or when approved on a plan whose reports need review) it is recorded as an ordinary
 * {@link org.plantrack.core.model.ProgressReport} dated at the report's period end (or the submission day when
 * that is earlier).
 *
 * @param targetId the target of the task
 * @param value    the value ({@link ReportMode#SET}: the total now; {@link ReportMode#ADD}: this much more)
 * @param mode     how to read the value
 */
public record Figure(String targetId, double value, ReportMode mode) {
    public Figure {
        Checks.id("figure.targetId", targetId);
        Checks.finite("figure[" + targetId + "].value", value);
        mode = mode == null ? ReportMode.SET : mode;
    }
}
