/**
 * Plantrack examples: a black-box consumer of the library. Shows embedding with the in-memory store,
 * a rule plugin and a listener registered as services, wiring the JDBC store with Guice, and webhooks.
 */
module org.plantrack.examples {
    requires org.plantrack.core;
    requires org.plantrack.persistence.jdbc;
    requires org.plantrack.webhooks;
    // Guice 7 on the module path: it is an automatic module and cannot declare what it needs at run
    // time, so the module that creates the injector requires them.
    requires com.google.guice;
    requires jakarta.inject;
    requires com.google.common;
    requires aopalliance;
    requires failureaccess;
    // WebhookExample's receiver
    requires jdk.httpserver;

    exports org.plantrack.examples;
    exports org.plantrack.examples.plugin;

    opens org.plantrack.examples; // the reference plan is read as a resource of this package

    provides org.plantrack.core.spi.RuleProvider with org.plantrack.examples.plugin.QuietMilestoneRule;
    provides org.plantrack.core.spi.PlanListener with org.plantrack.examples.StatusChangePrinter;
}
