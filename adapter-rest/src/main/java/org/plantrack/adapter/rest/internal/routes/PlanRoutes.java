package org.plantrack.adapter.rest.internal.routes;

import static org.plantrack.adapter.rest.internal.ApiRoutes.API;
import static org.plantrack.adapter.rest.internal.routes.Params.IF_MATCH;
import static org.plantrack.adapter.rest.internal.routes.Params.LIMIT;
import static org.plantrack.adapter.rest.internal.routes.Params.OFFSET;
import static org.plantrack.adapter.rest.internal.routes.Params.PLAN_ID;

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
import org.plantrack.adapter.rest.internal.dto.Dto.ImportDto;
import org.plantrack.adapter.rest.internal.dto.Dto.ImportPreviewDto;
import org.plantrack.adapter.rest.internal.dto.Dto.ImportWarningDto;
import org.plantrack.adapter.rest.internal.dto.Dto.PlanDto;
import org.plantrack.adapter.rest.internal.dto.Dto.SettingsDto;
import org.plantrack.adapter.rest.internal.dto.Dto.UnitMentionDto;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.importing.DocumentText;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.importing.ImportResult;
import org.plantrack.core.model.Plan;

/** Plans as a whole: list, create, import (and its preview), read, replace, archive, settings. */
@Singleton
public final class PlanRoutes {
    private static final Param IMPORT_PLAN_ID = Param.query("planId", "string",
            "the plan id to use (default: derived from the document)");
    private static final Param YEAR = Param.query("year", "integer", "the plan year when the document names none");

    private final PlanTracker tracker;
    private final RouteSupport support;

    @Inject
    public PlanRoutes(PlanTracker tracker, RouteSupport support) {
        this.tracker = tracker;
        this.support = support;
    }

    /** The routes. */
    public List<Route> routes() {
        String plans = API + "/plans";
        return List.of(
                Route.get(plans).tag(Tag.PLANS).summary("List plans").anyToken().param(LIMIT, OFFSET)
                        .returns("Page").handle(this::listPlans),
                Route.post(plans).tag(Tag.PLANS).summary("Create a plan from JSON (admin)").roles(Role.ADMIN)
                        .body("PlanDto").returns("PlanDto").status(201).handle(this::createPlan),
                Route.post(plans + "/import").tag(Tag.PLANS).summary("Import a plan document: raw body "
                        + "(text/plain; charset=..., or the bytes of a .docx or .pdf when the office formats are "
                        + "installed: the bytes decide, not the name or type) or multipart/form-data with a part "
                        + "'file' (admin); a picture, archive, program or other binary is refused saying what it is; "
                        + "the answer "
                        + "lists the warnings and the responsible units the tasks' text names, each with the "
                        + "registered unit it was matched to").roles(Role.ADMIN).param(IMPORT_PLAN_ID, YEAR)
                        .bodyAs("text/plain", "application/octet-stream", "multipart/form-data")
                        .returns("ImportDto").status(201).handle(this::importPlan),
                Route.post(plans + "/import/preview").tag(Tag.PLANS).summary("Read a plan document without storing "
                        + "it: the parsed plan, the decoded text, and the warnings and unit mentions (responsible "
                        + "units named in the tasks' text, matched against the registered units) with their offsets "
                        + "in that text (admin); same body as the import").roles(Role.ADMIN)
                        .param(IMPORT_PLAN_ID, YEAR).bodyAs("text/plain", "application/octet-stream", "multipart/form-data")
                        .returns("ImportPreviewDto").handle(this::previewImport),
                Route.get(plans + "/{planId}").tag(Tag.PLANS).summary("Get a plan (ETag = its version)").anyToken()
                        .param(PLAN_ID).returns("PlanDto").handle(this::getPlan),
                Route.put(plans + "/{planId}").tag(Tag.PLANS).summary("Replace a plan (admin; If-Match)")
                        .roles(Role.ADMIN).param(PLAN_ID, IF_MATCH).body("PlanDto").returns("PlanDto")
                        .handle(this::replacePlan),
                Route.post(plans + "/{planId}/archive").tag(Tag.PLANS).summary("Archive a plan (admin; If-Match)")
                        .roles(Role.ADMIN).param(PLAN_ID, IF_MATCH).returns("PlanDto").handle(this::archivePlan),
                Route.put(plans + "/{planId}/settings").tag(Tag.PLANS)
                        .summary("Change evaluation settings (admin; If-Match)").roles(Role.ADMIN)
                        .param(PLAN_ID, IF_MATCH).body("SettingsDto").returns("PlanDto")
                        .handle(this::changeSettings));
    }

    void listPlans(Context ctx) {
        Principal who = Access.principal(ctx);
        int[] page = support.page(ctx);
        support.write(ctx, 200, RouteSupport.page(tracker.plans(who), page, Mapping::summary));
    }

    void createPlan(Context ctx) {
        Principal who = Access.principal(ctx);
        PlanDto in = support.readJson(ctx, PlanDto.class, "a plan");
        Plan stored = tracker.createPlan(who, Mapping.plan(in, 0));
        ctx.header("Location", API + "/plans/" + stored.id());
        planAnswer(ctx, 201, stored);
    }

    void importPlan(Context ctx) {
        Principal who = Access.principal(ctx);
        DocumentText text = support.readPlanDocument(ctx);
        ImportResult result = tracker.importPlan(who, text.text(), importOptions(ctx));
        Plan stored = result.plan();
        ctx.header("Location", API + "/plans/" + stored.id());
        ctx.header("ETag", Http.etag(stored.version()));
        support.write(ctx, 201, new ImportDto(Mapping.plan(stored), format(text), charset(text), warnings(result),
                unitMentions(result)));
    }

    /** Reads a document like {@link #importPlan} but stores nothing: the dashboard shows it before saving. */
    void previewImport(Context ctx) {
        Principal who = Access.principal(ctx);
        DocumentText text = support.readPlanDocument(ctx);
        ImportResult result = tracker.previewImport(who, text.text(), importOptions(ctx));
        support.write(ctx, 200, new ImportPreviewDto(Mapping.plan(result.plan()), format(text),
                charset(text), text.text(),
                warnings(result), unitMentions(result)));
    }

    /** What the bytes were: {@code text}, {@code docx}, {@code pdf}. */
    private static String format(DocumentText text) {
        return text.kind() == org.plantrack.core.importing.FileSignature.Kind.TEXT ? "text" : text.kind().extension();
    }

    /** The charset a text was read in; for a Word or PDF file, how its text was extracted (e.g. {@code docx}). */
    private static String charset(DocumentText text) {
        return text.kind() == org.plantrack.core.importing.FileSignature.Kind.TEXT
                ? text.readAs().replace(" (BOM)", "") : text.readAs();
    }

    private static ImportOptions importOptions(Context ctx) {
        String planId = RouteSupport.query(ctx, "planId");
        int year = Http.intParam(ctx, "year", 0, 0, 9999);
        return new ImportOptions(planId, year);
    }

    private static List<ImportWarningDto> warnings(ImportResult result) {
        return result.warnings().stream().map(w -> new ImportWarningDto(w.code(), w.line(), w.column(),
                w.span().startOffset(), w.span().endOffset(), w.snippet(), w.messageZh(), w.messageEn(),
                w.targetId())).toList();
    }

    private static List<UnitMentionDto> unitMentions(ImportResult result) {
        return result.unitMentions().stream().map(m -> new UnitMentionDto(m.taskId(), m.role().name(), m.name(),
                m.span().line(), m.span().column(), m.span().startOffset(), m.span().endOffset(), m.unitId()))
                .toList();
    }

    void getPlan(Context ctx) {
        planAnswer(ctx, 200, tracker.plan(Access.principal(ctx), ctx.pathParam("planId")));
    }

    void replacePlan(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        Http.IfMatch ifMatch = Http.ifMatch(ctx);
        PlanDto in = support.readJson(ctx, PlanDto.class, "a plan");
        if (in.id() != null && !in.id().equals(planId)) {
            throw new ValidationException("plan.id", in.id(), "the id of the plan in the path '" + planId + "'");
        }
        PlanDto withId = new PlanDto(planId, in.title(), in.issuer(), in.documentNumber(), in.issueDate(),
                in.recipients(), in.period(), in.preamble(), in.sections(), in.settings(), in.state(), in.version());
        Plan edited = Mapping.plan(withId, 1);
        planAnswer(ctx, 200, support.edit(who, planId, ifMatch, v -> tracker.updatePlan(who, edited.withVersion(v))));
    }

    void archivePlan(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        Http.IfMatch ifMatch = Http.ifMatch(ctx);
        planAnswer(ctx, 200, support.edit(who, planId, ifMatch, v -> tracker.archivePlan(who, planId, v)));
    }

    void changeSettings(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        Http.IfMatch ifMatch = Http.ifMatch(ctx);
        SettingsDto in = support.readJson(ctx, SettingsDto.class, "evaluation settings");
        planAnswer(ctx, 200, support.edit(who, planId, ifMatch,
                v -> tracker.changeSettings(who, planId, v, Mapping.settings(in))));
    }

    private void planAnswer(Context ctx, int status, Plan plan) {
        ctx.header("ETag", Http.etag(plan.version()));
        support.write(ctx, status, Mapping.plan(plan));
    }
}
