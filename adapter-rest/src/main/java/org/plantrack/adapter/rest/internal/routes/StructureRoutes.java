package org.plantrack.adapter.rest.internal.routes;

import static org.plantrack.adapter.rest.internal.ApiRoutes.API;
import static org.plantrack.adapter.rest.internal.routes.Params.IF_MATCH;
import static org.plantrack.adapter.rest.internal.routes.Params.PLAN_ID;
import static org.plantrack.adapter.rest.internal.routes.Params.SECTION_ID;
import static org.plantrack.adapter.rest.internal.routes.Params.TASK_ID;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.plantrack.adapter.rest.internal.Access;
import org.plantrack.adapter.rest.internal.Http;
import org.plantrack.adapter.rest.internal.Mapping;
import org.plantrack.adapter.rest.internal.Route;
import org.plantrack.adapter.rest.internal.Route.Tag;
import org.plantrack.adapter.rest.internal.dto.Dto.AssignUnitsInput;
import org.plantrack.adapter.rest.internal.dto.Dto.SectionDto;
import org.plantrack.adapter.rest.internal.dto.Dto.TaskDto;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Task;

/** The parts of a plan: its sections and tasks, and the units a task assigns. Edits need If-Match. */
@Singleton
public final class StructureRoutes {
    private final PlanTracker tracker;
    private final RouteSupport support;

    @Inject
    public StructureRoutes(PlanTracker tracker, RouteSupport support) {
        this.tracker = tracker;
        this.support = support;
    }

    /** The routes. */
    public List<Route> routes() {
        String plan = API + "/plans/{planId}";
        return List.of(
                Route.get(plan + "/sections/{sectionId}").tag(Tag.STRUCTURE).summary("Get a section").anyToken()
                        .param(PLAN_ID, SECTION_ID).returns("SectionDto").handle(this::getSection),
                Route.put(plan + "/sections/{sectionId}").tag(Tag.STRUCTURE)
                        .summary("Retitle a section (admin; If-Match; only 'title')").roles(Role.ADMIN)
                        .param(PLAN_ID, SECTION_ID, IF_MATCH).body("SectionDto").returns("SectionDto")
                        .handle(this::editSection),
                Route.get(plan + "/tasks/{taskId}").tag(Tag.STRUCTURE).summary("Get a task").anyToken()
                        .param(PLAN_ID, TASK_ID).returns("TaskDto").handle(this::getTask),
                Route.put(plan + "/tasks/{taskId}").tag(Tag.STRUCTURE).summary("Replace a task (admin; If-Match)")
                        .roles(Role.ADMIN).param(PLAN_ID, TASK_ID, IF_MATCH).body("TaskDto").returns("TaskDto")
                        .handle(this::editTask),
                Route.put(plan + "/tasks/{taskId}/units").tag(Tag.STRUCTURE)
                        .summary("Assign the lead and partner units of a task (admin; If-Match)").roles(Role.ADMIN)
                        .param(PLAN_ID, TASK_ID, IF_MATCH).body("AssignUnitsInput").returns("TaskDto")
                        .handle(this::assignUnits));
    }

    void getSection(Context ctx) {
        Plan plan = tracker.plan(Access.principal(ctx), ctx.pathParam("planId"));
        support.writePart(ctx, plan, "section", ctx.pathParam("sectionId"), plan::findSection, Mapping::section);
    }

    void editSection(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        String id = ctx.pathParam("sectionId");
        Http.IfMatch ifMatch = Http.ifMatch(ctx);
        SectionDto in = support.readJson(ctx, SectionDto.class, "a section");
        if (in.tasks() != null || in.ordinal() != null || (in.id() != null && !in.id().equals(id))) {
            throw new ValidationException("section", "tasks/ordinal/id", "only 'title' (edit tasks at "
                    + API + "/plans/" + planId + "/tasks/{taskId})");
        }
        Plan updated = support.edit(who, planId, ifMatch, v -> tracker.retitleSection(who, planId, v, id, in.title()));
        ctx.header("ETag", Http.etag(updated.version()));
        support.write(ctx, 200, Mapping.section(updated.findSection(id).orElseThrow()));
    }

    void getTask(Context ctx) {
        Plan plan = tracker.plan(Access.principal(ctx), ctx.pathParam("planId"));
        support.writePart(ctx, plan, "task", ctx.pathParam("taskId"), plan::findTask, Mapping::task);
    }

    void editTask(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        String id = ctx.pathParam("taskId");
        Http.IfMatch ifMatch = Http.ifMatch(ctx);
        TaskDto in = support.readJson(ctx, TaskDto.class, "a task");
        if (in.id() != null && !in.id().equals(id)) {
            throw new ValidationException("task.id", in.id(), "the id of the task in the path '" + id + "'");
        }
        Plan updated = support.edit(who, planId, ifMatch, v -> {
            Task old = tracker.plan(who, planId).findTask(id)
                    .orElseThrow(() -> new NotFoundException("task", id, "in plan " + planId));
            Task replacement = Mapping.task(new TaskDto(id, in.ordinal() == null ? old.ordinal() : in.ordinal(),
                    in.title(), in.body(), in.leadUnit(), in.partnerUnits(), in.targets(), in.source()),
                    old.ordinal() - 1);
            return tracker.editTask(who, planId, v, replacement);
        });
        ctx.header("ETag", Http.etag(updated.version()));
        support.write(ctx, 200, Mapping.task(updated.findTask(id).orElseThrow()));
    }

    void assignUnits(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        String taskId = ctx.pathParam("taskId");
        Http.IfMatch ifMatch = Http.ifMatch(ctx);
        AssignUnitsInput in = support.readJson(ctx, AssignUnitsInput.class, "the units of a task");
        if (tracker.plan(who, planId).findTask(taskId).isEmpty()) {
            throw new NotFoundException("task", taskId, "in plan " + planId);
        }
        Plan updated = support.edit(who, planId, ifMatch,
                v -> tracker.assignUnits(who, planId, v, taskId, in.leadUnit(), in.partnerUnits()));
        ctx.header("ETag", Http.etag(updated.version()));
        support.write(ctx, 200, Mapping.task(updated.findTask(taskId).orElseThrow()));
    }
}
