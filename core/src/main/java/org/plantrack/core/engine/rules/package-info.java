/**
 * Plantrack's built-in evaluation rules, not API (the package is not exported): {@code BuiltInRules},
 * registered in {@code module-info} as a {@link org.plantrack.core.spi.RuleProvider} through the same SPI
 * as any plugin, and used directly by the {@link org.plantrack.core.engine.Evaluator} as its starting
 * rule set.
 *
 * <p>Part of the evaluation feature: it may import evaluation, the rule SPI, the model and {@code base};
 * nothing a plugin could not (no store, no facade). A rule a plugin should be able to replace keeps a
 * stable id here.
 */
package org.plantrack.core.engine.rules;
