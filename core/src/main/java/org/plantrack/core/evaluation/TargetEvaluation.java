package org.plantrack.core.evaluation;

import java.time.LocalDate;

/**
 * The evaluation of one target as of a date, with the rule that decided it and why.
 *
 * @param targetId       the target
 * @param status         the status
 * @param warning        the cn-supervision colour ({@link WarningLevel#NONE} under the default preset)
 * @param ruleId         the rule that decided the status
 * @param reason         why, in Chinese and English
 * @param current        the current value
 * @param goal           the goal, or {@code null} when unknown
 * @param completion     completion (may exceed 1), or {@code null} when not evaluable
 * @param expected       expected completion by now, in [0, 1]
 * @param dueDate        the due date
 * @param lastReportDate as-of date of the latest counting report, or {@code null}
 * @param reportCount    number of counting reports
 * @param stale          whether a report is missing past its grace period
 * @param weight         the target's weight in roll-ups
 */
public record TargetEvaluation(String targetId, Status status, WarningLevel warning, String ruleId, Reason reason,
        double current, Double goal, Double completion, double expected, LocalDate dueDate,
        LocalDate lastReportDate, int reportCount, boolean stale, double weight) {
}
