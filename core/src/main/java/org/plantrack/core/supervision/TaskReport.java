package org.plantrack.core.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;

/**
 * A unit's progress report on a task for one reporting period (进展报告). Append-only: a resubmission or
 * correction is a new report naming the one it {@link #supersedes()}.
 *
 * @param id          identifier
 * @param planId      the plan
 * @param taskId      the task
 * @param unitId      the responsible unit reporting
 * @param period      the reporting period's key ({@code 2017-Q2}, {@code 2017-05}, or a custom period's key)
 * @param progress    进展情况: what was done (required)
 * @param problems    存在问题, or {@code null}
 * @param nextSteps   下步计划, or {@code null}
 * @param assessment  the unit's own judgement
 * @param evidence    links and uploaded files
 * @param figures     values for the task's numeric targets
 * @param asOf        the date the figures describe
 * @param needsReview whether the plan required review when it was submitted (then it counts only once approved)
 * @param supersedes  the id of the report this one replaces, or {@code null}
 * @param reporter    who submitted it (a principal id)
 * @param recordedAt  when Plantrack recorded it (UTC)
 */
public record TaskReport(String id, String planId, String taskId, String unitId, String period, String progress,
        String problems, String nextSteps, SelfAssessment assessment, List<Evidence> evidence, List<Figure> figures,
        LocalDate asOf, boolean needsReview, String supersedes, String reporter, Instant recordedAt) {
    /** Most characters in each of the three text fields. */
    public static final int MAX_FIELD = 5000;
    /** Most pieces of evidence on one report. */
    public static final int MAX_EVIDENCE = 20;

    public TaskReport {
        Checks.id("taskReport.id", id);
        Checks.id("taskReport.planId", planId);
        Checks.id("taskReport.taskId", taskId);
        Checks.id("taskReport.unitId", unitId);
        Checks.text("taskReport.period", period);
        progress = field("taskReport.progress", progress, true);
        problems = field("taskReport.problems", problems, false);
        nextSteps = field("taskReport.nextSteps", nextSteps, false);
        Checks.notNull("taskReport.assessment", assessment);
        evidence = Checks.list("taskReport.evidence", evidence);
        if (evidence.size() > MAX_EVIDENCE) {
            throw new ValidationException("taskReport.evidence", evidence.size() + " items", "at most " + MAX_EVIDENCE);
        }
        figures = Checks.list("taskReport.figures", figures);
        for (int i = 0; i < figures.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (figures.get(i).targetId().equals(figures.get(j).targetId())) {
                    throw new ValidationException("taskReport.figures[" + i + "].targetId", figures.get(i).targetId(),
                            "each target once in a report");
                }
            }
        }
        Checks.notNull("taskReport.asOf", asOf);
        if (supersedes != null) {
            Checks.id("taskReport.supersedes", supersedes);
        }
        Checks.text("taskReport.reporter", reporter);
        Checks.notNull("taskReport.recordedAt", recordedAt);
        recordedAt = recordedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static String field(String name, String value, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                throw new ValidationException(name, value, "what was done this period (进展情况不能为空)");
            }
            return null;
        }
        if (v.length() > MAX_FIELD) {
            throw new ValidationException(name, v.length() + " characters", "at most " + MAX_FIELD + " characters");
        }
        return v;
    }

    /**
     * The id of the progress report recorded for the figure at {@code index}: derived from this report's id, so
     * approving twice or retrying cannot record a figure twice.
     *
     * @param index the figure's position
     * @return the target report's id
     */
    public String figureReportId(int index) {
        return id + "-f" + (index + 1);
    }
}
