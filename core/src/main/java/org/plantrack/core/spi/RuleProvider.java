package org.plantrack.core.spi;

import java.util.List;

/**
 * Supplies rules to the evaluator. Plugins declare
 * {@code provides org.plantrack.core.spi.RuleProvider with ...} in their module-info (or a
 * {@code META-INF/services} entry on the class path) and are found by
 * {@code PlanTracker.builder().installPlugins()}. Plantrack's built-in rules come through this SPI too.
 */
public interface RuleProvider {

    /** A short name for logs. */
    default String name() {
        return getClass().getName();
    }

    /** The rules this provider contributes. */
    List<Rule> rules();
}
