package org.plantrack.core;

import java.time.LocalDate;
import java.util.List;
import org.plantrack.core.base.Checks;
import org.plantrack.core.model.ReportMode;

/**
 * What a reporter submits: a value for a target as of a date. {@link PlanTracker} adds the id (unless
 * given), the reporter and the time it was recorded.
 *
 * @param id       a report id chosen by the caller (for idempotent bulk loads), or {@code null} for a new one
 * @param planId   the plan
 * @param targetId the target
 * @param asOf     the date the value describes (within the plan period, not after today)
 * @param value    the value
 * @param mode     {@link ReportMode#ADD} (this much more) or {@link ReportMode#SET} (the total now)
 * @param note     free text, or {@code null}
 * @param evidence links or references to evidence: each an absolute {@code http:} or {@code https:} URL, or a
 *                 reference without a scheme (a document number); every other scheme ({@code javascript:},
 *                 {@code data:}, {@code file:} ...) is refused, naming {@code report.evidence[i]}
 */
public record ReportRequest(String id, String planId, String targetId, LocalDate asOf, double value,
        ReportMode mode, String note, List<String> evidence) {
    public ReportRequest {
        if (id != null) {
            Checks.id("report.id", id);
        }
        Checks.id("report.planId", planId);
        Checks.id("report.targetId", targetId);
        Checks.notNull("report.asOf", asOf);
        Checks.finite("report.value", value);
        Checks.notNull("report.mode", mode);
        evidence = Checks.list("report.evidence", evidence);
        for (int i = 0; i < evidence.size(); i++) {
            Checks.evidence("report.evidence[" + i + "]", evidence.get(i));
        }
    }

    /** The cumulative total {@code value} as of {@code asOf}. */
    public static ReportRequest set(String planId, String targetId, LocalDate asOf, double value) {
        return new ReportRequest(null, planId, targetId, asOf, value, ReportMode.SET, null, List.of());
    }

    /** {@code value} more as of {@code asOf}. */
    public static ReportRequest add(String planId, String targetId, LocalDate asOf, double value) {
        return new ReportRequest(null, planId, targetId, asOf, value, ReportMode.ADD, null, List.of());
    }

    /** A copy with a note. */
    public ReportRequest withNote(String newNote) {
        return new ReportRequest(id, planId, targetId, asOf, value, mode, newNote, evidence);
    }

    /** A copy with evidence links. */
    public ReportRequest withEvidence(List<String> links) {
        return new ReportRequest(id, planId, targetId, asOf, value, mode, note, links);
    }

    /** A copy with a caller-chosen id. */
    public ReportRequest withId(String newId) {
        return new ReportRequest(newId, planId, targetId, asOf, value, mode, note, evidence);
    }
}
