package org.plantrack.adapter.rest.internal;

import com.google.inject.AbstractModule;
import org.plantrack.adapter.rest.ServerConfig;
import org.plantrack.core.PlanTracker;

/** Guice wiring: the configuration and the tracker are given; the handlers are built by Guice. */
public final class ServerModule extends AbstractModule {
    private final ServerConfig config;
    private final PlanTracker tracker;

    public ServerModule(ServerConfig config, PlanTracker tracker) {
        this.config = config;
        this.tracker = tracker;
    }

    @Override
    protected void configure() {
        bind(ServerConfig.class).toInstance(config);
        bind(PlanTracker.class).toInstance(tracker);
        bind(JsonBodies.class);
        bind(Problems.class);
        bind(Access.class);
        bind(ApiRoutes.class);
        bind(OpenApi.class).asEagerSingleton(); // written at the start: a route it cannot describe fails it
    }
}
