package org.plantrack.adapter.rest.internal.routes;

import static org.plantrack.adapter.rest.internal.ApiRoutes.API;
import static org.plantrack.adapter.rest.internal.routes.Params.LIMIT;
import static org.plantrack.adapter.rest.internal.routes.Params.OFFSET;
import static org.plantrack.adapter.rest.internal.routes.Params.PLAN_ID;
import static org.plantrack.adapter.rest.internal.routes.Params.REPORT_ID;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.plantrack.adapter.rest.internal.Access;
import org.plantrack.adapter.rest.internal.ApiException;
import org.plantrack.adapter.rest.internal.Http;
import org.plantrack.adapter.rest.internal.Logs;
import org.plantrack.adapter.rest.internal.Mapping;
import org.plantrack.adapter.rest.internal.Route;
import org.plantrack.adapter.rest.internal.Route.Param;
import org.plantrack.adapter.rest.internal.Route.Tag;
import org.plantrack.adapter.rest.internal.dto.Dto.Page;
import org.plantrack.adapter.rest.internal.dto.Dto.ReportImportDto;
import org.plantrack.adapter.rest.internal.dto.Dto.ReportInput;
import org.plantrack.adapter.rest.internal.dto.Dto.RowErrorDto;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.RecordedReport;
import org.plantrack.core.ReportImport;
import org.plantrack.core.ReportPage;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.importing.DecodedText;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.store.ReportQuery;

/**
 * Progress reports of a plan: list, report, import from CSV, read one, correct one. A reporter reads only the
 * reports of its units' targets: another unit's report answers 404 (as if it did not exist), never 403.
 */
@Singleton
public final class ReportRoutes {
    private final PlanTracker tracker;
    private final RouteSupport support;

    @Inject
    public ReportRoutes(PlanTracker tracker, RouteSupport support) {
        this.tracker = tracker;
        this.support = support;
    }

    /** The routes. */
    public List<Route> routes() {
        String reports = API + "/plans/{planId}/reports";
        return List.of(
                Route.get(reports).tag(Tag.PROGRESS)
                        .summary("List progress reports (reporters see only their units' targets)").anyToken()
                        .param(PLAN_ID, Param.query("targetId", "string", "only this target"),
                                Param.query("unitId", "string", "only targets of this unit"),
                                Param.query("from", "string", "earliest as-of date YYYY-MM-DD"),
                                Param.query("to", "string", "latest as-of date YYYY-MM-DD"), LIMIT, OFFSET)
                        .returns("Page").handle(this::listReports),
                Route.post(reports).tag(Tag.PROGRESS).summary("Report progress (admin, or a reporter on its units' "
                        + "targets); honours Idempotency-Key").roles(Role.ADMIN, Role.REPORTER)
                        .param(PLAN_ID, Param.header("Idempotency-Key", false,
                                "a key per intended report; a repeat answers the first report"))
                        .body("ReportInput").returns("ReportDto").status(201).handle(this::postReport),
                Route.post(reports + "/import").tag(Tag.PROGRESS).summary("Record progress reports from a CSV file "
                        + "(admin, or a reporter on its units' targets): a text/csv body (UTF-8, GBK, or the charset "
                        + "it declares) or multipart/form-data with a part 'file'. Header row "
                        + "plan,target,as_of,value[,mode][,note][,evidence][,id]; every row names this plan. All rows "
                        + "or none: 400 with every refused row in 'rejected' when any is invalid; skipInvalid=true "
                        + "stores the valid rows and lists the refused ones (201 when any was stored, else 200)")
                        .roles(Role.ADMIN, Role.REPORTER)
                        .param(PLAN_ID, Param.query("skipInvalid", "boolean",
                                "store the valid rows and list the refused ones (default false)"))
                        .bodyAs("text/csv", "multipart/form-data").returns("ReportImportDto").status(201)
                        .handle(this::importReports),
                Route.get(reports + "/{reportId}").tag(Tag.PROGRESS).summary("Get a progress report").anyToken()
                        .param(PLAN_ID, REPORT_ID).returns("ReportDto").handle(this::getReport),
                Route.post(reports + "/{reportId}/corrections").tag(Tag.PROGRESS)
                        .summary("Correct a report: a new report that supersedes it; honours Idempotency-Key")
                        .roles(Role.ADMIN, Role.REPORTER)
                        .param(PLAN_ID, REPORT_ID, Param.header("Idempotency-Key", false,
                                "a key per intended correction; a repeat answers the first correction"))
                        .body("ReportInput").returns("ReportDto").status(201).handle(this::correctReport));
    }

    void listReports(Context ctx) {
        Principal who = Access.principal(ctx);
        int[] page = support.page(ctx);
        ReportQuery q = ReportQuery.plan(ctx.pathParam("planId")).between(Http.date(ctx, "from"), Http.date(ctx, "to"));
        String targetId = RouteSupport.query(ctx, "targetId");
        if (targetId != null) {
            q = q.target(targetId);
        }
        ReportPage found = tracker.reportPage(who, q.page(page[1], page[0]), RouteSupport.query(ctx, "unitId"));
        support.write(ctx, 200, new Page<>(found.items().stream().map(Mapping::report).toList(), found.total(),
                page[0], page[1]));
    }

    void getReport(Context ctx) {
        Principal who = Access.principal(ctx);
        support.write(ctx, 200, Mapping.report(visibleReport(who, ctx.pathParam("planId"), ctx.pathParam("reportId"))));
    }

    /** Posts a report; honours {@code Idempotency-Key} ({@link PlanTracker#report(Principal, ReportRequest, String)}). */
    void postReport(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        ReportInput in = support.readJson(ctx, ReportInput.class, "a progress report");
        reportCreated(ctx, tracker.report(who, request(planId, in, in.targetId()), ctx.header("Idempotency-Key")));
    }

    /**
     * Records reports from a CSV file (body {@code text/csv}, or a multipart part {@code file}) through
     * {@link PlanTracker#importReports}: every row must name this plan. All rows or none ({@code skipInvalid=false},
     * the default: 400 with every refused row when any is invalid), or the valid ones ({@code skipInvalid=true}).
     */
    void importReports(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = tracker.plan(who, ctx.pathParam("planId")).id();
        String skip = ctx.queryParam("skipInvalid");
        if (skip != null && !skip.equals("true") && !skip.equals("false")) {
            throw new ValidationException("skipInvalid", skip, "true or false");
        }
        String name = ctx.isMultipartFormData() && ctx.uploadedFile("file") != null
                ? Logs.clean(ctx.uploadedFile("file").filename()) : "body";
        DecodedText text = support.readDocument(ctx);
        ReportImport done = tracker.importReports(who, name, text.text(), planId, "true".equals(skip), null);
        List<RowErrorDto> rejected = done.rejected().stream()
                .map(e -> new RowErrorDto(e.row(), e.column(), e.message())).toList();
        if (done.allOrNothing() && !rejected.isEmpty()) {
            RowErrorDto first = rejected.get(0);
            throw ApiException.badRequest("nothing stored: " + rejected.size() + " of " + done.rows() + " rows of "
                    + name + " are invalid (first: row " + first.row() + ": " + first.column() + ": " + first.message()
                    + "); fix them, or send skipInvalid=true to store the valid rows").rejected(rejected);
        }
        support.write(ctx, done.stored() > 0 ? 201 : 200, new ReportImportDto(name, done.rows(), done.stored(),
                done.allOrNothing(), rejected));
    }

    /** Corrects a report: a new report that supersedes it; honours {@code Idempotency-Key}. */
    void correctReport(Context ctx) {
        Principal who = Access.principal(ctx);
        ProgressReport original = visibleReport(who, ctx.pathParam("planId"), ctx.pathParam("reportId"));
        ReportInput in = support.readJson(ctx, ReportInput.class, "a corrected progress report");
        ReportRequest req = request(original.planId(), in, in.targetId() == null ? original.targetId() : in.targetId());
        reportCreated(ctx, tracker.correct(who, original.id(), req, ctx.header("Idempotency-Key")));
    }

    private void reportCreated(Context ctx, RecordedReport recorded) {
        ProgressReport r = recorded.report();
        ctx.header("Location", API + "/plans/" + r.planId() + "/reports/" + r.id());
        if (recorded.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        support.write(ctx, 201, Mapping.report(r));
    }

    private static ReportRequest request(String planId, ReportInput in, String targetId) {
        if (in.value() == null) {
            throw new ValidationException("report.value", null, "a number");
        }
        if (in.mode() == null) {
            throw new ValidationException("report.mode", null, "one of [ADD, SET]");
        }
        ReportMode mode = Mapping.parse(ReportMode.class, "report.mode", in.mode());
        return new ReportRequest(null, planId, targetId, in.asOf(), in.value(), mode, in.note(), in.evidence());
    }

    private ProgressReport visibleReport(Principal who, String planId, String reportId) {
        return tracker.findReport(who, planId, reportId).orElseThrow(() -> new NotFoundException("report", reportId,
                "in plan " + planId + (who.role() == Role.REPORTER ? " for this token" : "")));
    }
}
