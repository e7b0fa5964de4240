package org.plantrack.adapter.rest.internal;

import com.google.inject.AbstractModule;
import org.plantrack.adapter.rest.ServerConfig;

/**
 * The server's own part of the composition root: its configuration and its handlers, built by Guice beside the
 * feature modules of {@code org.plantrack.wiring} (the store, the tracker, plugins, webhooks), which give them the
 * {@link org.plantrack.core.PlanTracker}.
 */
public final class ServerModule extends AbstractModule {
    private final ServerConfig config;

    /** @param config the server's settings */
    public ServerModule(ServerConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(ServerConfig.class).toInstance(config);
        bind(JsonBodies.class);
        bind(Problems.class);
        bind(Access.class);
        bind(ApiRoutes.class);
        bind(OpenApi.class).asEagerSingleton(); // written at the start: a route it cannot describe fails it
    }
}
