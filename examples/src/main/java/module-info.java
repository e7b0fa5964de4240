/**
 * Plantrack examples: a black-box consumer of the library. Shows embedding with the in-memory store,
 * a rule plugin and a listener registered as services.
 */
module org.plantrack.examples {
    requires org.plantrack.core;

    exports org.plantrack.examples;
    exports org.plantrack.examples.plugin;

    opens org.plantrack.examples; // the reference plan is read as a resource of this package

    provides org.plantrack.core.spi.RuleProvider with org.plantrack.examples.plugin.QuietMilestoneRule;
    provides org.plantrack.core.spi.PlanListener with org.plantrack.examples.StatusChangePrinter;
}
