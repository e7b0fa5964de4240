/**
 * An example plugin: a rule provided through {@code provides org.plantrack.core.spi.RuleProvider with …}, found by
 * {@code installPlugins()}.
 */
package org.plantrack.examples.plugin;
