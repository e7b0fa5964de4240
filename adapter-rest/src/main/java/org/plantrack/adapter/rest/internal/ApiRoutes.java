package org.plantrack.adapter.rest.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.plantrack.adapter.rest.internal.routes.AuditRoutes;
import org.plantrack.adapter.rest.internal.routes.EvaluationRoutes;
import org.plantrack.adapter.rest.internal.routes.HealthRoutes;
import org.plantrack.adapter.rest.internal.routes.PlanRoutes;
import org.plantrack.adapter.rest.internal.routes.ReportRoutes;
import org.plantrack.adapter.rest.internal.routes.StructureRoutes;
import org.plantrack.adapter.rest.internal.routes.SupervisionRoutes;
import org.plantrack.adapter.rest.internal.routes.TargetRoutes;
import org.plantrack.adapter.rest.internal.routes.TaskRoutes;
import org.plantrack.adapter.rest.internal.routes.TokenRoutes;
import org.plantrack.adapter.rest.internal.routes.UnitRoutes;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Role;

/**
 * The route table of {@code /api/v1}, {@code /health} and {@code /openapi.json}: every {@link Route} of the
 * resources in {@code internal.routes}, in the order the OpenAPI document lists them. {@link #register} puts
 * them into Javalin and {@link OpenApi} documents them, both from {@link #table()}. A new route goes into the
 * {@code routes()} of its resource; it is then served and documented.
 *
 * <p>Read scope: every token may read plans, units and evaluations. A reporter reads only the
 * progress reports of targets of its units: asking for another unit's reports, or for a target or
 * report outside its units, answers 404 (as if it did not exist), never 403, so that a reporter
 * learns nothing about other units. The audit trail is for admins and viewers (403 for reporters).
 * Supervisors read like viewers and run the supervision cycle ({@code TaskRoutes}, {@code SupervisionRoutes});
 * they do not edit plans, units or tokens.
 * Handlers translate HTTP to {@link PlanTracker} calls and back; the facade holds the rules.
 */
@Singleton
public final class ApiRoutes {
    /** The prefix of the API. */
    public static final String API = "/api/v1";

    private final List<Route> table;

    @Inject
    public ApiRoutes(HealthRoutes health, PlanRoutes plans, StructureRoutes structure, TargetRoutes targets,
            EvaluationRoutes evaluation, ReportRoutes reports, UnitRoutes units, AuditRoutes audit,
            TokenRoutes tokens, TaskRoutes supervisedTasks, SupervisionRoutes supervision) {
        List<Route> all = new ArrayList<>();
        all.addAll(health.routes());
        all.addAll(plans.routes());
        all.addAll(structure.routes());
        all.addAll(targets.routes());
        all.addAll(evaluation.routes());
        all.addAll(reports.routes());
        all.addAll(supervision.routes());
        all.addAll(supervisedTasks.routes());
        all.addAll(units.routes());
        all.addAll(audit.routes());
        all.addAll(tokens.routes());
        this.table = List.copyOf(all);
    }

    /** Every route, documented. */
    public List<Route> table() {
        return table;
    }

    /**
     * Registers every route of the table. A route that not every role may call answers 403 to the others
     * ({@link Access#require}) before its handler runs; the handler takes the caller from {@link Access#principal}.
     */
    public void register(RoutesConfig r) {
        for (Route route : table) {
            r.addHttpHandler(route.method(), route.path(), guarded(route));
        }
    }

    private static Handler guarded(Route route) {
        Handler handler = route.handler();
        if (route.open() || route.roles().containsAll(Route.ANY_ROLE)) {
            return handler;
        }
        Role[] roles = route.roleArray();
        return ctx -> {
            Access.require(ctx, roles);
            handler.handle(ctx);
        };
    }
}
