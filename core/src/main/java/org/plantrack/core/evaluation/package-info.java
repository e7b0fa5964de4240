/**
 * Rule evaluation: {@link org.plantrack.core.evaluation.Evaluator} turns a plan and its progress
 * reports into statuses as of a date, each with the rule that decided it and a reason in Chinese
 * and English, and rolls them up to tasks, sections, the plan and responsible units. What a rule
 * reads ({@link org.plantrack.core.evaluation.TargetFacts}) and answers
 * ({@link org.plantrack.core.evaluation.Verdict}) is here; package-private beside the evaluator are the
 * pace curves (expected completion) and the staleness rule (missing reports after the grace period).
 * The built-in rules are in the non-exported {@code org.plantrack.core.evaluation.rules}.
 *
 * <p>Evaluation is a pure function of its inputs: it imports the model, {@code base} and {@code error},
 * and the rule SPI ({@link org.plantrack.core.spi.Rule}, {@link org.plantrack.core.spi.RuleProvider}) it
 * runs; never a store, the clock, access checks, renderers or the facade.
 */
package org.plantrack.core.evaluation;
