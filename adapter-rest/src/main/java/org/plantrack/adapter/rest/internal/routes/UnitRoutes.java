package org.plantrack.adapter.rest.internal.routes;

import static org.plantrack.adapter.rest.internal.ApiRoutes.API;
import static org.plantrack.adapter.rest.internal.routes.Params.LIMIT;
import static org.plantrack.adapter.rest.internal.routes.Params.OFFSET;
import static org.plantrack.adapter.rest.internal.routes.Params.UNIT_ID;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.plantrack.adapter.rest.internal.Access;
import org.plantrack.adapter.rest.internal.Mapping;
import org.plantrack.adapter.rest.internal.Route;
import org.plantrack.adapter.rest.internal.Route.Tag;
import org.plantrack.adapter.rest.internal.dto.Dto.UnitInput;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.model.Unit;

/** The units (organisations) that plans assign and reporters report for. */
@Singleton
public final class UnitRoutes {
    private final PlanTracker tracker;
    private final RouteSupport support;

    @Inject
    public UnitRoutes(PlanTracker tracker, RouteSupport support) {
        this.tracker = tracker;
        this.support = support;
    }

    /** The routes. */
    public List<Route> routes() {
        String units = API + "/units";
        return List.of(
                Route.get(units).tag(Tag.UNITS).summary("List units").anyToken().param(LIMIT, OFFSET)
                        .returns("Page").handle(this::listUnits),
                Route.get(units + "/{unitId}").tag(Tag.UNITS).summary("Get a unit").anyToken().param(UNIT_ID)
                        .returns("UnitDto").handle(this::getUnit),
                Route.put(units + "/{unitId}").tag(Tag.UNITS).summary("Create (201) or update (200) a unit (admin)")
                        .roles(Role.ADMIN).param(UNIT_ID).body("UnitInput").returns("UnitDto")
                        .handle(this::saveUnit));
    }

    void listUnits(Context ctx) {
        Principal who = Access.principal(ctx);
        support.write(ctx, 200, RouteSupport.page(tracker.units(who), support.page(ctx), Mapping::unit));
    }

    void getUnit(Context ctx) {
        Principal who = Access.principal(ctx);
        String id = ctx.pathParam("unitId");
        Unit u = tracker.findUnit(who, id).orElseThrow(() -> new NotFoundException("unit", id));
        support.write(ctx, 200, Mapping.unit(u));
    }

    void saveUnit(Context ctx) {
        Principal who = Access.principal(ctx);
        String id = ctx.pathParam("unitId");
        UnitInput in = support.readJson(ctx, UnitInput.class, "a unit");
        boolean exists = tracker.findUnit(who, id).isPresent();
        Unit saved = tracker.saveUnit(who, new Unit(id, in.name(), in.parentId()));
        if (!exists) {
            ctx.header("Location", API + "/units/" + id);
        }
        support.write(ctx, exists ? 200 : 201, Mapping.unit(saved));
    }
}
