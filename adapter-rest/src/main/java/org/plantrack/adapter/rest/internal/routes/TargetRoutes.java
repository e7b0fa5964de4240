package org.plantrack.adapter.rest.internal.routes;

import static org.plantrack.adapter.rest.internal.ApiRoutes.API;
import static org.plantrack.adapter.rest.internal.routes.Params.IF_MATCH;
import static org.plantrack.adapter.rest.internal.routes.Params.PLAN_ID;
import static org.plantrack.adapter.rest.internal.routes.Params.TARGET_ID;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.plantrack.adapter.rest.internal.Access;
import org.plantrack.adapter.rest.internal.Http;
import org.plantrack.adapter.rest.internal.Mapping;
import org.plantrack.adapter.rest.internal.Route;
import org.plantrack.adapter.rest.internal.Route.Param;
import org.plantrack.adapter.rest.internal.Route.Tag;
import org.plantrack.adapter.rest.internal.dto.Dto.TargetDto;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Target;

/** A plan's targets: read and replace one, the sentence it was read from, its burn-up series. */
@Singleton
public final class TargetRoutes {
    private static final Param BURN_UP_AS_OF = Param.query("asOf", "string",
            "the date YYYY-MM-DD (default: today, within the plan's period); no actual values after it");

    private final PlanTracker tracker;
    private final RouteSupport support;

    @Inject
    public TargetRoutes(PlanTracker tracker, RouteSupport support) {
        this.tracker = tracker;
        this.support = support;
    }

    /** The routes. */
    public List<Route> routes() {
        String target = API + "/plans/{planId}/targets/{targetId}";
        return List.of(
                Route.get(target).tag(Tag.STRUCTURE).summary("Get a target").anyToken().param(PLAN_ID, TARGET_ID)
                        .returns("TargetDto").handle(this::getTarget),
                Route.put(target).tag(Tag.STRUCTURE)
                        .summary("Replace a target, e.g. fill in an unknown goal (admin; If-Match)").roles(Role.ADMIN)
                        .param(PLAN_ID, TARGET_ID, IF_MATCH).body("TargetDto").returns("TargetDto")
                        .handle(this::editTarget),
                Route.get(target + "/source").tag(Tag.STRUCTURE)
                        .summary("The sentence of the document the target was read from, with the target's words "
                                + "marked").anyToken().param(PLAN_ID, TARGET_ID).returns("TargetSourceDto")
                        .handle(this::targetSource),
                Route.get(target + "/burnup").tag(Tag.EVALUATION)
                        .summary("Burn-up series of a target: actual value and the value its pace curve expects, by "
                                + "date (a reporter: only its units' targets)").anyToken()
                        .param(PLAN_ID, TARGET_ID, BURN_UP_AS_OF).returns("BurnUpDto").handle(this::burnUp));
    }

    void getTarget(Context ctx) {
        Plan plan = tracker.plan(Access.principal(ctx), ctx.pathParam("planId"));
        support.writePart(ctx, plan, "target", ctx.pathParam("targetId"), plan::findTarget, Mapping::target);
    }

    void editTarget(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        String id = ctx.pathParam("targetId");
        Http.IfMatch ifMatch = Http.ifMatch(ctx);
        TargetDto in = support.readJson(ctx, TargetDto.class, "a target");
        if (in.id() != null && !in.id().equals(id)) {
            throw new ValidationException("target.id", in.id(), "the id of the target in the path '" + id + "'");
        }
        if (tracker.plan(who, planId).findTarget(id).isEmpty()) {
            throw new NotFoundException("target", id, "in plan " + planId);
        }
        Target edited = Mapping.target(new TargetDto(id, in.description(), in.kind(), in.goal(), in.baseline(),
                in.measure(), in.qualifier(), in.direction(), in.dueDate(), in.weight(), in.cadence(), in.pace(),
                in.checkpoints(), in.stages(), in.unitIds(), in.source()));
        Plan updated = support.edit(who, planId, ifMatch, v -> tracker.editTarget(who, planId, v, edited));
        ctx.header("ETag", Http.etag(updated.version()));
        support.write(ctx, 200, Mapping.target(updated.findTarget(id).orElseThrow()));
    }

    void targetSource(Context ctx) {
        support.write(ctx, 200, Mapping.source(tracker.targetSource(Access.principal(ctx), ctx.pathParam("planId"),
                ctx.pathParam("targetId"))));
    }

    /** The burn-up series; a reporter outside the target's units gets 404, as for the target's reports. */
    void burnUp(Context ctx) {
        support.write(ctx, 200, Mapping.burnUp(tracker.burnUp(Access.principal(ctx), ctx.pathParam("planId"),
                ctx.pathParam("targetId"), Http.date(ctx, "asOf"))));
    }
}
