package org.plantrack.core.supervision;

import java.util.List;
import org.plantrack.core.base.Checks;

/**
 * What a unit submits as a task progress report; the facade fills in the rest (id, unit when the reporter has one,
 * period when omitted, the report it supersedes, review).
 *
 * @param planId     the plan
 * @param taskId     the task
 * @param unitId     the reporting unit, or {@code null} for the reporter's own unit among the task's units
 * @param period     the period key, or {@code null} for the period today falls in
 * @param progress   进展情况 (required)
 * @param problems   存在问题, or {@code null}
 * @param nextSteps  下步计划, or {@code null}
 * @param assessment the unit's own judgement
 * @param evidence   links and uploaded files
 * @param figures    values for the task's numeric targets
 */
public record TaskReportRequest(String planId, String taskId, String unitId, String period, String progress,
        String problems, String nextSteps, SelfAssessment assessment, List<Evidence> evidence, List<Figure> figures) {
    public TaskReportRequest {
        Checks.id("taskReport.planId", planId);
        Checks.id("taskReport.taskId", taskId);
        if (unitId != null) {
            Checks.id("taskReport.unitId", unitId);
        }
        Checks.notNull("taskReport.assessment", assessment);
        evidence = Checks.list("taskReport.evidence", evidence);
        figures = Checks.list("taskReport.figures", figures);
    }

    /**
     * A report with the three texts and a judgement only.
     *
     * @param planId     the plan
     * @param taskId     the task
     * @param period     the period key, or {@code null}
     * @param progress   进展情况
     * @param problems   存在问题, or {@code null}
     * @param nextSteps  下步计划, or {@code null}
     * @param assessment the judgement
     * @return the request
     */
    public static TaskReportRequest of(String planId, String taskId, String period, String progress, String problems,
            String nextSteps, SelfAssessment assessment) {
        return new TaskReportRequest(planId, taskId, null, period, progress, problems, nextSteps, assessment,
                List.of(), List.of());
    }

    /**
     * A copy with figures.
     *
     * @param newFigures the figures
     * @return the copy
     */
    public TaskReportRequest withFigures(List<Figure> newFigures) {
        return new TaskReportRequest(planId, taskId, unitId, period, progress, problems, nextSteps, assessment,
                evidence, newFigures);
    }

    /**
     * A copy with evidence.
     *
     * @param newEvidence the evidence
     * @return the copy
     */
    public TaskReportRequest withEvidence(List<Evidence> newEvidence) {
        return new TaskReportRequest(planId, taskId, unitId, period, progress, problems, nextSteps, assessment,
                newEvidence, figures);
    }

    /**
     * A copy for a unit.
     *
     * @param newUnit the unit
     * @return the copy
     */
    public TaskReportRequest forUnit(String newUnit) {
        return new TaskReportRequest(planId, taskId, newUnit, period, progress, problems, nextSteps, assessment,
                evidence, figures);
    }
}
