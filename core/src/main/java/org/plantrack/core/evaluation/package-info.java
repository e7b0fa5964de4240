/**
 * What an evaluation answers: the status of each target as of a date ({@link org.plantrack.core.evaluation.Status},
 * the cn-supervision colour {@link org.plantrack.core.evaluation.WarningLevel}), with the rule that decided it and a
 * reason in Chinese and English ({@link org.plantrack.core.evaluation.Reason}); the roll-ups of tasks, sections, the
 * plan and responsible units; the burn-up series; and the vocabulary of a rule: what it reads
 * ({@link org.plantrack.core.evaluation.TargetFacts}) and what it answers
 * ({@link org.plantrack.core.evaluation.Verdict}).
 *
 * <p>Values only: this package imports the model, {@code base} and {@code error}. The engine that computes them
 * is {@link org.plantrack.core.engine}; the rule SPI ({@link org.plantrack.core.spi.Rule}) reads and answers
 * these types, so this package must never import the engine or the SPI.
 */
package org.plantrack.core.evaluation;
