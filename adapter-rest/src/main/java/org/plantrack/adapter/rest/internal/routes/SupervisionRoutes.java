package org.plantrack.adapter.rest.internal.routes;

import static org.plantrack.adapter.rest.internal.ApiRoutes.API;
import static org.plantrack.adapter.rest.internal.routes.Params.AS_OF;
import static org.plantrack.adapter.rest.internal.routes.Params.LIMIT;
import static org.plantrack.adapter.rest.internal.routes.Params.OFFSET;
import static org.plantrack.adapter.rest.internal.routes.Params.PLAN_ID;
import static org.plantrack.adapter.rest.internal.routes.TaskRoutes.supervision;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.plantrack.adapter.rest.internal.Access;
import org.plantrack.adapter.rest.internal.Http;
import org.plantrack.adapter.rest.internal.Route;
import org.plantrack.adapter.rest.internal.Route.Param;
import org.plantrack.adapter.rest.internal.Route.Tag;
import org.plantrack.adapter.rest.internal.SupervisionMapping;
import org.plantrack.adapter.rest.internal.dto.Dto.ReviewInput;
import org.plantrack.adapter.rest.internal.dto.Dto.SupervisionDto;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.TaskSupervision;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.supervision.EvidenceFile;
import org.plantrack.core.supervision.ReviewState;

/**
 * A plan's supervision as a whole: its settings (review required, reporting calendar), the review queue and review
 * decisions (复核), the reporting calendar's lines (on time, 迟报 late, 缺报 missing, due), and evidence downloads.
 * Evidence is always answered as an attachment with the content type found in its bytes, {@code nosniff} and a
 * sandboxing Content-Security-Policy: a browser never renders it in the dashboard's origin.
 */
@Singleton
public final class SupervisionRoutes {
    private static final Param FILE_ID = Param.path("fileId", "the evidence file's id (ev-...)");

    private final PlanTracker tracker;
    private final RouteSupport support;

    @Inject
    public SupervisionRoutes(PlanTracker tracker, RouteSupport support) {
        this.tracker = tracker;
        this.support = support;
    }

    /** The routes. */
    public List<Route> routes() {
        String plan = API + "/plans/{planId}";
        return List.of(
                Route.get(plan + "/supervision").tag(Tag.SUPERVISION).summary("A plan's supervision settings: "
                        + "whether unit reporters' reports need review (复核), the reporting calendar, and its periods "
                        + "within the plan with their deadlines").anyToken().param(PLAN_ID).returns("SupervisionDto")
                        .handle(this::settings),
                Route.put(plan + "/supervision").tag(Tag.SUPERVISION).summary("Change a plan's supervision settings "
                        + "(a field left out keeps its value; 'periods' at the top is ignored) (supervisor, admin)")
                        .roles(Role.ADMIN, Role.SUPERVISOR).param(PLAN_ID).body("SupervisionDto")
                        .returns("SupervisionDto").handle(this::configure),
                Route.get(plan + "/reviews").tag(Tag.SUPERVISION).summary("The review queue: task reports waiting "
                        + "for review, oldest first (supervisor, admin, viewer)")
                        .roles(Role.ADMIN, Role.SUPERVISOR, Role.VIEWER).param(PLAN_ID, LIMIT, OFFSET)
                        .returns("Page").handle(this::queue),
                Route.post(plan + "/task-reports/{reportId}/review").tag(Tag.SUPERVISION).summary("Approve (复核通过) "
                        + "a task report waiting for review (its figures then count) or return it (退回) with a "
                        + "reason for the unit to resubmit; 409 when it is not pending (supervisor, admin)")
                        .roles(Role.ADMIN, Role.SUPERVISOR)
                        .param(PLAN_ID, Param.path("reportId", "the task report's id (tr-...)"))
                        .body("ReviewInput").returns("ReviewDto").status(201).handle(this::review),
                Route.get(plan + "/calendar").tag(Tag.SUPERVISION).summary("The reporting calendar as of a date: "
                        + "every assigned task × responsible unit × period begun, with the report's timing ON_TIME, "
                        + "LATE (迟报), MISSING (缺报) or DUE (a reporter: its own units' lines)").anyToken()
                        .param(PLAN_ID, AS_OF, Param.query("unit", "string", "only this unit's lines"), LIMIT, OFFSET)
                        .returns("Page").handle(this::calendar),
                Route.get(plan + "/evidence/{fileId}").tag(Tag.SUPERVISION).summary("Download an evidence file: "
                        + "its bytes as an attachment, with the content type found in them, X-Content-Type-Options: "
                        + "nosniff and Content-Security-Policy: sandbox (a reporter: only its units' tasks' files, else "
                        + "404)").anyToken().param(PLAN_ID, FILE_ID).returnsText("application/octet-stream")
                        .handle(this::download));
    }

    void settings(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        var s = supervision(tracker).settings(who, planId);
        support.write(ctx, 200, SupervisionMapping.settings(tracker.plan(who, planId), s));
    }

    void configure(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        SupervisionDto in = support.readJson(ctx, SupervisionDto.class, "the supervision settings");
        TaskSupervision s = supervision(tracker);
        Plan plan = tracker.plan(who, planId);
        var saved = s.configure(who, planId, SupervisionMapping.settings(in, s.settings(who, planId)));
        support.write(ctx, 200, SupervisionMapping.settings(plan, saved));
    }

    void queue(Context ctx) {
        Principal who = Access.principal(ctx);
        int[] page = support.page(ctx);
        var pending = supervision(tracker).reviewQueue(who, ctx.pathParam("planId"));
        support.write(ctx, 200, RouteSupport.page(pending, page,
                r -> SupervisionMapping.taskReport(r, ReviewState.PENDING, List.of())));
    }

    void review(Context ctx) {
        Principal who = Access.principal(ctx);
        ReviewInput in = support.readJson(ctx, ReviewInput.class, "a ReviewInput");
        if (in.approve() == null) {
            throw new ValidationException("review.approve", null, "true (approve, 复核通过) or false (return, 退回)");
        }
        var decided = supervision(tracker).review(who, ctx.pathParam("planId"), ctx.pathParam("reportId"),
                in.approve(), in.reason());
        support.write(ctx, 201, SupervisionMapping.review(decided));
    }

    void calendar(Context ctx) {
        Principal who = Access.principal(ctx);
        int[] page = support.page(ctx);
        var lines = supervision(tracker).calendar(who, ctx.pathParam("planId"), Http.date(ctx, "asOf"),
                RouteSupport.query(ctx, "unit"));
        support.write(ctx, 200, RouteSupport.page(lines, page, SupervisionMapping::entry));
    }

    void download(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        String fileId = ctx.pathParam("fileId");
        EvidenceFile.Content c = supervision(tracker).evidence(who, planId, fileId).orElseThrow(() ->
                new NotFoundException("evidence file", fileId, "in plan " + planId
                        + (who.role() == Role.REPORTER ? " for this token" : "")));
        EvidenceFile f = c.file();
        ctx.header("Content-Disposition", contentDisposition(f.name()));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "sandbox");
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("ETag", "\"" + f.sha256() + "\"");
        ctx.status(200).contentType(f.contentType()).result(c.bytes());
    }

    /**
     * {@code attachment} with the name twice (RFC 6266): {@code filename} in ASCII (other characters as {@code _})
     * for old clients, {@code filename*} in UTF-8, percent-encoded.
     */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';'
                ? (char) c : '_'));
        StringBuilder utf8 = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                utf8.append((char) c);
            } else {
                utf8.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8;
    }
}
