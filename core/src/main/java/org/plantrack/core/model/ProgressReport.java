package org.plantrack.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;

/**
 * A progress report on one target. Append-only: a correction is a new report naming the
 * one it supersedes; nothing is ever changed or deleted.
 *
 * @param id          identifier of this report
 * @param planId      the plan
 * @param targetId    the target within the plan
 * @param asOf        the date the value describes
 * @param value       the value ({@link ReportMode#ADD}: this much more; {@link ReportMode#SET}: the total now)
 * @param mode        how to read the value
 * @param note        free text, or {@code null}
 * @param evidence    links or references to evidence (documents, photos, minutes)
 * @param reporter    who reported (a principal id)
 * @param recordedAt  when Plantrack recorded it (UTC, to the microsecond)
 * @param supersedes  the id of the report this one corrects, or {@code null}
 */
public record ProgressReport(String id, String planId, String targetId, LocalDate asOf, double value,
        ReportMode mode, String note, List<String> evidence, String reporter, Instant recordedAt,
        String supersedes) {

    /**
     * Report order: as-of date, then recorded-at, then id. The order in which reports count (a later
     * {@link ReportMode#SET} wins) and in which a store lists them.
     */
    public static final Comparator<ProgressReport> ORDER = Comparator.comparing(ProgressReport::asOf)
            .thenComparing(ProgressReport::recordedAt).thenComparing(ProgressReport::id);

    /** Most evidence links on one report. */
    public static final int MAX_EVIDENCE = 20;

    public ProgressReport {
        Checks.id("report.id", id);
        Checks.id("report.planId", planId);
        Checks.id("report.targetId", targetId);
        Checks.notNull("report.asOf", asOf);
        Checks.finite("report.value", value);
        Checks.notNull("report.mode", mode);
        note = Checks.optionalText("report.note", note);
        evidence = Checks.list("report.evidence", evidence);
        if (evidence.size() > MAX_EVIDENCE) {
            throw new ValidationException("report.evidence", evidence.size() + " links", "at most " + MAX_EVIDENCE);
        }
        for (int i = 0; i < evidence.size(); i++) {
            String e = Checks.text("report.evidence[" + i + "]", evidence.get(i));
            if (e.length() > 2000) {
                throw new ValidationException("report.evidence[" + i + "]", e.length() + " characters",
                        "at most 2000 characters");
            }
        }
        Checks.text("report.reporter", reporter);
        Checks.notNull("report.recordedAt", recordedAt);
        recordedAt = recordedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (supersedes != null) {
            Checks.id("report.supersedes", supersedes);
            if (supersedes.equals(id)) {
                throw new ValidationException("report.supersedes", supersedes, "a report other than itself");
            }
        }
    }

    /** Whether this report corrects an earlier one. */
    public boolean isCorrection() {
        return supersedes != null;
    }
}
