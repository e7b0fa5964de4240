package org.plantrack.adapter.rest.internal.routes;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.List;
import org.plantrack.adapter.rest.internal.OpenApi;
import org.plantrack.adapter.rest.internal.Route;
import org.plantrack.adapter.rest.internal.Route.Tag;
import org.plantrack.adapter.rest.internal.dto.Dto.HealthDto;
import org.plantrack.core.PlanTracker;

/** {@code /health} and {@code /openapi.json}: open to anyone, no token. */
@Singleton
public final class HealthRoutes {
    private final PlanTracker tracker;
    private final RouteSupport support;
    private final Provider<OpenApi> openApi;

    @Inject
    public HealthRoutes(PlanTracker tracker, RouteSupport support, Provider<OpenApi> openApi) {
        this.tracker = tracker;
        this.support = support;
        this.openApi = openApi; // a provider: the document is written from the routes, this one included
    }

    /** The routes. */
    public List<Route> routes() {
        return List.of(
                Route.get("/health").tag(Tag.HEALTH).summary("Whether the server and its store are up").open()
                        .returns("HealthDto").handle(this::health),
                Route.get("/openapi.json").tag(Tag.HEALTH).summary("This OpenAPI document").open()
                        .handle(this::openApi));
    }

    void health(Context ctx) {
        if (tracker.storeReachable()) {
            support.write(ctx, 200, new HealthDto("UP", "reachable"));
        } else {
            support.write(ctx, 503, new HealthDto("DOWN", "unreachable"));
        }
    }

    void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi.get().bytes());
    }
}
