/**
 * Rule evaluation: {@link org.plantrack.core.evaluation.Evaluator} turns a plan and its progress
 * reports into statuses as of a date, each with the rule that decided it and a reason in Chinese
 * and English, and rolls them up to tasks, sections, the plan and responsible units.
 */
package org.plantrack.core.evaluation;
