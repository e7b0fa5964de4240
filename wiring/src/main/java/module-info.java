/**
 * Plantrack's one composition root: a Guice module per feature — the store ({@link org.plantrack.wiring.StoreModule}),
 * webhooks ({@link org.plantrack.wiring.WebhooksModule}), the rules and listeners that plugins provide
 * ({@link org.plantrack.wiring.PluginsModule}) and the tracker over them ({@link org.plantrack.wiring.TrackerModule}) —
 * used by the server and the command line alike; {@link org.plantrack.wiring.Wiring} builds the injector.
 */
module org.plantrack.wiring {
    requires transitive org.plantrack.core;
    requires org.plantrack.persistence.jdbc;
    requires transitive org.plantrack.webhooks;
    requires transitive com.google.guice;
    requires jakarta.inject;
    // Guice is an automatic module and cannot declare what it needs at run time.
    requires com.google.common;
    requires aopalliance;
    requires failureaccess;

    exports org.plantrack.wiring;

    // Guice calls the modules' @Provides methods by reflection.
    opens org.plantrack.wiring to com.google.guice;
}
