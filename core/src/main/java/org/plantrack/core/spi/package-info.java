/**
 * Extension points: evaluation {@link org.plantrack.core.spi.Rule}s and their
 * {@link org.plantrack.core.spi.RuleProvider}s, and {@link org.plantrack.core.spi.PlanListener}s that hear
 * the events of {@link org.plantrack.core.event}. Plugins implement these and declare them in their
 * {@code module-info} ({@code provides ... with ...}); they are found only when asked
 * ({@code installPlugins()}).
 *
 * <p>Only interfaces live here, no implementation and no loader (the loader is in
 * {@code org.plantrack.core.base}). The SPI reads the values of evaluation and event and the model; it
 * must not import a store, a renderer or the facade. Known cycle: {@link org.plantrack.core.engine.Evaluator}
 * takes and returns {@code Rule}s while a {@code Rule} reads {@code TargetFacts} and answers a
 * {@code Verdict}, so evaluation and spi refer to each other in exported signatures; breaking it moves an
 * exported type plugins use ({@code ArchitectureTest} names it as its one exemption for these packages).
 */
package org.plantrack.core.spi;
