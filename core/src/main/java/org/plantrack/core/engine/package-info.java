/**
 * The evaluation engine: {@link org.plantrack.core.engine.Evaluator} turns a plan and its progress reports into
 * the statuses of {@link org.plantrack.core.evaluation} as of a date, running the rules of the SPI
 * ({@link org.plantrack.core.spi.Rule}) in order; {@link org.plantrack.core.engine.ReportIndex} and
 * {@link org.plantrack.core.engine.TargetReports} hold a plan's or a target's reports indexed for repeated
 * evaluation. Package-private beside the evaluator are the pace curves (expected completion) and the staleness
 * rule (missing reports after the grace period); the built-in rules are in the non-exported
 * {@code org.plantrack.core.engine.rules}.
 *
 * <p>A pure function of its inputs: it imports evaluation, the rule SPI, the model, {@code base} and {@code error};
 * never a store, the clock, access checks, renderers or the facade. A new built-in rule goes to
 * {@code engine.rules}; a plug-in rule implements {@link org.plantrack.core.spi.RuleProvider} in its own module.
 */
package org.plantrack.core.engine;
