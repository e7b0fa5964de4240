package org.plantrack.adapter.rest.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.plantrack.adapter.rest.ServerConfig;
import org.plantrack.adapter.rest.internal.dto.Dto;
import org.plantrack.adapter.rest.internal.dto.Dto.AssignUnitsInput;
import org.plantrack.adapter.rest.internal.dto.Dto.AuditVerificationDto;
import org.plantrack.adapter.rest.internal.dto.Dto.HealthDto;
import org.plantrack.adapter.rest.internal.dto.Dto.ImportDto;
import org.plantrack.adapter.rest.internal.dto.Dto.ImportPreviewDto;
import org.plantrack.adapter.rest.internal.dto.Dto.ImportWarningDto;
import org.plantrack.adapter.rest.internal.dto.Dto.Page;
import org.plantrack.adapter.rest.internal.dto.Dto.PlanDto;
import org.plantrack.adapter.rest.internal.dto.Dto.ReportInput;
import org.plantrack.adapter.rest.internal.dto.Dto.SettingsDto;
import org.plantrack.adapter.rest.internal.dto.Dto.TargetDto;
import org.plantrack.adapter.rest.internal.dto.Dto.TokenInput;
import org.plantrack.adapter.rest.internal.dto.Dto.UnitInput;
import org.plantrack.adapter.rest.internal.dto.Dto.UnitMentionDto;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.RecordedReport;
import org.plantrack.core.ReportImport;
import org.plantrack.core.ReportPage;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.access.IssuedToken;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.importing.DecodedText;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.importing.ImportResult;
import org.plantrack.core.importing.TextDecoder;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Preset;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.model.Unit;
import org.plantrack.core.report.ReportFormat;
import org.plantrack.core.store.AuditVerification;
import org.plantrack.core.store.ReportQuery;

/**
 * The routes of {@code /api/v1} and {@code /health}: HTTP in, {@link PlanTracker} calls, JSON out.
 *
 * <p>Read scope: every token may read plans, units and evaluations. A reporter reads only the
 * progress reports of targets of its units: asking for another unit's reports, or for a target or
 * report outside its units, answers 404 (as if it did not exist), never 403, so that a reporter
 * learns nothing about other units. The audit trail is for admins and viewers (403 for reporters).
 */
@Singleton
public final class ApiRoutes {
    /** The prefix of the API. */
    public static final String API = "/api/v1";

    private final PlanTracker tracker;
    private final ServerConfig config;
    private final Json json;

    @Inject
    public ApiRoutes(PlanTracker tracker, ServerConfig config, Json json) {
        this.tracker = tracker;
        this.config = config;
        this.json = json;
    }

    /** Registers every route. */
    public void register(RoutesConfig r) {
        add(r, HandlerType.GET, "/health", this::health);

        add(r, HandlerType.GET, API + "/plans", this::listPlans);
        add(r, HandlerType.POST, API + "/plans", this::createPlan);
        add(r, HandlerType.POST, API + "/plans/import", this::importPlan);
        add(r, HandlerType.POST, API + "/plans/import/preview", this::previewImport);
        add(r, HandlerType.GET, API + "/plans/{planId}", this::getPlan);
        add(r, HandlerType.PUT, API + "/plans/{planId}", this::replacePlan);
        add(r, HandlerType.POST, API + "/plans/{planId}/archive", this::archivePlan);
        add(r, HandlerType.PUT, API + "/plans/{planId}/settings", this::changeSettings);
        add(r, HandlerType.GET, API + "/plans/{planId}/sections/{sectionId}", this::getSection);
        add(r, HandlerType.PUT, API + "/plans/{planId}/sections/{sectionId}", this::editSection);
        add(r, HandlerType.GET, API + "/plans/{planId}/tasks/{taskId}", this::getTask);
        add(r, HandlerType.PUT, API + "/plans/{planId}/tasks/{taskId}", this::editTask);
        add(r, HandlerType.PUT, API + "/plans/{planId}/tasks/{taskId}/units", this::assignUnits);
        add(r, HandlerType.GET, API + "/plans/{planId}/targets/{targetId}", this::getTarget);
        add(r, HandlerType.PUT, API + "/plans/{planId}/targets/{targetId}", this::editTarget);
        add(r, HandlerType.GET, API + "/plans/{planId}/targets/{targetId}/source", this::targetSource);
        add(r, HandlerType.GET, API + "/plans/{planId}/targets/{targetId}/burnup", this::burnUp);
        add(r, HandlerType.GET, API + "/plans/{planId}/status", this::status);
        for (ReportFormat f : ReportFormat.values()) {
            add(r, HandlerType.GET, API + "/plans/{planId}/report." + f.extension(), ctx -> renderReport(ctx, f));
        }
        add(r, HandlerType.GET, API + "/plans/{planId}/year-end-summary", this::yearEndSummary);
        add(r, HandlerType.GET, API + "/plans/{planId}/reports", this::listReports);
        add(r, HandlerType.POST, API + "/plans/{planId}/reports", this::postReport);
        add(r, HandlerType.POST, API + "/plans/{planId}/reports/import", this::importReports);
        add(r, HandlerType.GET, API + "/plans/{planId}/reports/{reportId}", this::getReport);
        add(r, HandlerType.POST, API + "/plans/{planId}/reports/{reportId}/corrections", this::correctReport);

        add(r, HandlerType.GET, API + "/units", this::listUnits);
        add(r, HandlerType.GET, API + "/units/{unitId}", this::getUnit);
        add(r, HandlerType.PUT, API + "/units/{unitId}", this::saveUnit);

        add(r, HandlerType.GET, API + "/audit", this::auditTrail);
        add(r, HandlerType.GET, API + "/audit/verify", this::verifyAudit);
        add(r, HandlerType.GET, API + "/audit/export", this::exportAudit);

        add(r, HandlerType.GET, API + "/me", this::me);
        add(r, HandlerType.GET, API + "/tokens", this::listTokens);
        add(r, HandlerType.POST, API + "/tokens", this::createToken);
        add(r, HandlerType.DELETE, API + "/tokens/{tokenId}", this::revokeToken);
    }

    private static void add(RoutesConfig r, HandlerType method, String path, Handler h) {
        r.addHttpHandler(method, path, h);
    }

    // ------------------------------------------------------------------ health

    void health(Context ctx) {
        if (tracker.storeReachable()) {
            json.write(ctx, 200, new HealthDto("UP", "reachable"));
        } else {
            json.write(ctx, 503, new HealthDto("DOWN", "unreachable"));
        }
    }

    // ------------------------------------------------------------------ plans

    void listPlans(Context ctx) {
        Principal who = Access.principal(ctx);
        int[] page = Http.page(ctx, config.maxPageSize());
        List<Plan> plans = tracker.plans(who);
        json.write(ctx, 200, page(plans, page, Mapping::summary));
    }

    void createPlan(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN);
        PlanDto in = readJson(ctx, PlanDto.class, "a plan");
        Plan stored = tracker.createPlan(who, Mapping.plan(in, 0));
        ctx.header("Location", API + "/plans/" + stored.id());
        planAnswer(ctx, 201, stored);
    }

    void importPlan(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN);
        DecodedText text = readDocument(ctx);
        ImportResult result = tracker.importPlan(who, text.text(), importOptions(ctx));
        Plan stored = result.plan();
        ctx.header("Location", API + "/plans/" + stored.id());
        ctx.header("ETag", Http.etag(stored.version()));
        json.write(ctx, 201, new ImportDto(Mapping.plan(stored), text.charset(), warnings(result),
                unitMentions(result)));
    }

    /** Reads a document like {@link #importPlan} but stores nothing: the dashboard shows it before saving. */
    void previewImport(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN);
        DecodedText text = readDocument(ctx);
        ImportResult result = tracker.previewImport(who, text.text(), importOptions(ctx));
        json.write(ctx, 200, new ImportPreviewDto(Mapping.plan(result.plan()), text.charset(), text.text(),
                warnings(result), unitMentions(result)));
    }

    private static ImportOptions importOptions(Context ctx) {
        String planId = ctx.queryParam("planId");
        int year = Http.intParam(ctx, "year", 0, 0, 9999);
        return new ImportOptions(planId == null || planId.isBlank() ? null : planId, year);
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

    /** The document of an import: a multipart part {@code file}, or the raw body. */
    private DecodedText readDocument(Context ctx) {
        byte[] bytes;
        String declaredCharset = null;
        if (ctx.isMultipartFormData()) {
            Http.checkLength(ctx, config.maxImportBytes()); // refuses an oversized upload before parsing it
            UploadedFile f = ctx.uploadedFile("file");
            if (f == null) {
                throw new ValidationException("file", null, "a multipart part named 'file' holding the document");
            }
            if (f.size() > config.maxImportBytes()) {
                throw Http.tooLarge(f.size() + " bytes", config.maxImportBytes());
            }
            try (InputStream in = f.content()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw ApiException.badRequest("could not read the uploaded file: " + e.getMessage());
            }
        } else {
            bytes = Http.body(ctx, config.maxImportBytes());
            declaredCharset = charsetOf(ctx.header("Content-Type"));
        }
        if (bytes.length == 0) {
            throw new ValidationException("document", "an empty body", "the document's text or an uploaded file");
        }
        return TextDecoder.decode(bytes, declaredCharset, "Content-Type charset");
    }

    void getPlan(Context ctx) {
        Principal who = Access.principal(ctx);
        planAnswer(ctx, 200, tracker.plan(who, ctx.pathParam("planId")));
    }

    void replacePlan(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN);
        String planId = ctx.pathParam("planId");
        Http.IfMatch ifMatch = Http.ifMatch(ctx);
        PlanDto in = readJson(ctx, PlanDto.class, "a plan");
        if (in.id() != null && !in.id().equals(planId)) {
            throw new ValidationException("plan.id", in.id(), "the id of the plan in the path '" + planId + "'");
        }
        PlanDto withId = new PlanDto(planId, in.title(), in.issuer(), in.documentNumber(), in.issueDate(),
                in.recipients(), in.period(), in.preamble(), in.sections(), in.settings(), in.state(), in.version());
        Plan edited = Mapping.plan(withId, 1);
        planAnswer(ctx, 200, edit(who, planId, ifMatch, v -> tracker.updatePlan(who, edited.withVersion(v))));
    }

    void archivePlan(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN);
        String planId = ctx.pathParam("planId");
        Http.IfMatch ifMatch = Http.ifMatch(ctx);
        planAnswer(ctx, 200, edit(who, planId, ifMatch, v -> tracker.archivePlan(who, planId, v)));
    }

    void changeSettings(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN);
        String planId = ctx.pathParam("planId");
        Http.IfMatch ifMatch = Http.ifMatch(ctx);
        SettingsDto in = readJson(ctx, SettingsDto.class, "evaluation settings");
        planAnswer(ctx, 200, edit(who, planId, ifMatch,
                v -> tracker.changeSettings(who, planId, v, Mapping.settings(in))));
    }

    void getSection(Context ctx) {
        Plan plan = tracker.plan(Access.principal(ctx), ctx.pathParam("planId"));
        String id = ctx.pathParam("sectionId");
        Section s = plan.findSection(id).orElseThrow(() -> new NotFoundException("section", id, "in plan " + plan.id()));
        ctx.header("ETag", Http.etag(plan.version()));
        json.write(ctx, 200, Mapping.section(s));
    }

    void editSection(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN);
        String planId = ctx.pathParam("planId");
        String id = ctx.pathParam("sectionId");
        Http.IfMatch ifMatch = Http.ifMatch(ctx);
        Dto.SectionDto in = readJson(ctx, Dto.SectionDto.class, "a section");
        if (in.tasks() != null || in.ordinal() != null || (in.id() != null && !in.id().equals(id))) {
            throw new ValidationException("section", "tasks/ordinal/id", "only 'title' (edit tasks at "
                    + API + "/plans/" + planId + "/tasks/{taskId})");
        }
        Plan updated = edit(who, planId, ifMatch, v -> tracker.retitleSection(who, planId, v, id, in.title()));
        ctx.header("ETag", Http.etag(updated.version()));
        json.write(ctx, 200, Mapping.section(updated.findSection(id).orElseThrow()));
    }

    void getTask(Context ctx) {
        Plan plan = tracker.plan(Access.principal(ctx), ctx.pathParam("planId"));
        String id = ctx.pathParam("taskId");
        Task t = plan.findTask(id).orElseThrow(() -> new NotFoundException("task", id, "in plan " + plan.id()));
        ctx.header("ETag", Http.etag(plan.version()));
        json.write(ctx, 200, Mapping.task(t));
    }

    void editTask(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN);
        String planId = ctx.pathParam("planId");
        String id = ctx.pathParam("taskId");
        Http.IfMatch ifMatch = Http.ifMatch(ctx);
        Dto.TaskDto in = readJson(ctx, Dto.TaskDto.class, "a task");
        if (in.id() != null && !in.id().equals(id)) {
            throw new ValidationException("task.id", in.id(), "the id of the task in the path '" + id + "'");
        }
        Plan updated = edit(who, planId, ifMatch, v -> {
            Task old = tracker.plan(who, planId).findTask(id)
                    .orElseThrow(() -> new NotFoundException("task", id, "in plan " + planId));
            Task replacement = Mapping.task(new Dto.TaskDto(id, in.ordinal() == null ? old.ordinal() : in.ordinal(),
                    in.title(), in.body(), in.leadUnit(), in.partnerUnits(), in.targets(), in.source()),
                    old.ordinal() - 1);
            return tracker.editTask(who, planId, v, replacement);
        });
        ctx.header("ETag", Http.etag(updated.version()));
        json.write(ctx, 200, Mapping.task(updated.findTask(id).orElseThrow()));
    }

    void assignUnits(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN);
        String planId = ctx.pathParam("planId");
        String taskId = ctx.pathParam("taskId");
        Http.IfMatch ifMatch = Http.ifMatch(ctx);
        AssignUnitsInput in = readJson(ctx, AssignUnitsInput.class, "the units of a task");
        if (tracker.plan(who, planId).findTask(taskId).isEmpty()) {
            throw new NotFoundException("task", taskId, "in plan " + planId);
        }
        Plan updated = edit(who, planId, ifMatch,
                v -> tracker.assignUnits(who, planId, v, taskId, in.leadUnit(), in.partnerUnits()));
        ctx.header("ETag", Http.etag(updated.version()));
        json.write(ctx, 200, Mapping.task(updated.findTask(taskId).orElseThrow()));
    }

    void getTarget(Context ctx) {
        Plan plan = tracker.plan(Access.principal(ctx), ctx.pathParam("planId"));
        String id = ctx.pathParam("targetId");
        Target t = plan.findTarget(id).orElseThrow(() -> new NotFoundException("target", id, "in plan " + plan.id()));
        ctx.header("ETag", Http.etag(plan.version()));
        json.write(ctx, 200, Mapping.target(t));
    }

    void targetSource(Context ctx) {
        json.write(ctx, 200, Mapping.source(tracker.targetSource(Access.principal(ctx), ctx.pathParam("planId"),
                ctx.pathParam("targetId"))));
    }

    /** The burn-up series; a reporter outside the target's units gets 404, as for the target's reports. */
    void burnUp(Context ctx) {
        json.write(ctx, 200, Mapping.burnUp(tracker.burnUp(Access.principal(ctx), ctx.pathParam("planId"),
                ctx.pathParam("targetId"), Http.date(ctx, "asOf"))));
    }

    void editTarget(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN);
        String planId = ctx.pathParam("planId");
        String id = ctx.pathParam("targetId");
        Http.IfMatch ifMatch = Http.ifMatch(ctx);
        TargetDto in = readJson(ctx, TargetDto.class, "a target");
        if (in.id() != null && !in.id().equals(id)) {
            throw new ValidationException("target.id", in.id(), "the id of the target in the path '" + id + "'");
        }
        if (tracker.plan(who, planId).findTarget(id).isEmpty()) {
            throw new NotFoundException("target", id, "in plan " + planId);
        }
        Target edited = Mapping.target(new TargetDto(id, in.description(), in.kind(), in.goal(), in.baseline(),
                in.measure(), in.qualifier(), in.direction(), in.dueDate(), in.weight(), in.cadence(), in.pace(),
                in.checkpoints(), in.stages(), in.unitIds(), in.source()));
        Plan updated = edit(who, planId, ifMatch, v -> tracker.editTarget(who, planId, v, edited));
        ctx.header("ETag", Http.etag(updated.version()));
        json.write(ctx, 200, Mapping.target(updated.findTarget(id).orElseThrow()));
    }

    /**
     * Runs a plan edit when {@code ifMatch} matches the plan's current version, passing that version to
     * {@code body} (which writes with it, so a concurrent edit still loses): 412 when it does not match
     * (before or during the write); other conflicts (an archived plan) stay 409.
     */
    private Plan edit(Principal who, String planId, Http.IfMatch ifMatch,
            java.util.function.LongFunction<Plan> body) {
        Plan current = tracker.plan(who, planId);
        long expected = current.version();
        if (!ifMatch.matches(expected)) {
            throw stale(planId, ifMatch, expected);
        }
        try {
            return body.apply(expected);
        } catch (ConflictException e) {
            long now = tracker.plan(who, planId).version();
            if (now != expected) {
                throw stale(planId, ifMatch, now);
            }
            throw e;
        }
    }

    private static ApiException stale(String planId, Http.IfMatch ifMatch, long actual) {
        return new ApiException(412, "precondition-failed", "Precondition failed", "plan '" + planId
                + "' is at version " + actual + " (ETag " + Http.etag(actual) + ") but If-Match "
                + ifMatch.describe() + "; reload the plan and apply the edit again")
                .header("ETag", Http.etag(actual));
    }

    private void planAnswer(Context ctx, int status, Plan plan) {
        ctx.header("ETag", Http.etag(plan.version()));
        json.write(ctx, status, Mapping.plan(plan));
    }

    // ------------------------------------------------------------------ evaluation

    void status(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        java.time.LocalDate asOf = Http.date(ctx, "asOf");
        var eval = tracker.evaluate(who, planId, asOf, preset(ctx));
        json.write(ctx, 200, Mapping.status(eval));
    }

    // ------------------------------------------------------------------ rendered reports

    void renderReport(Context ctx, ReportFormat format) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        java.time.LocalDate asOf = Http.date(ctx, "asOf");
        Preset preset = preset(ctx);
        String lang = ctx.queryParam("lang");
        java.util.Locale locale = lang == null || lang.isBlank() || lang.startsWith("zh") ? java.util.Locale.CHINA
                : lang.startsWith("en") ? java.util.Locale.ENGLISH : null;
        if (locale == null) {
            throw new ValidationException("lang", lang, "zh or en");
        }
        byte[] body = tracker.renderReport(who, planId, asOf, preset, format, locale);
        ctx.status(200).contentType(format.mediaType()).header("Content-Disposition",
                "inline; filename=\"" + planId + "-status." + format.extension() + "\"").result(body);
    }

    void yearEndSummary(Context ctx) {
        Principal who = Access.principal(ctx);
        java.time.LocalDate asOf = Http.date(ctx, "asOf");
        String text = tracker.yearEndSummary(who, ctx.pathParam("planId"), asOf);
        ctx.status(200).contentType("text/markdown; charset=utf-8").result(text.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ reports

    void listReports(Context ctx) {
        Principal who = Access.principal(ctx);
        int[] page = Http.page(ctx, config.maxPageSize());
        ReportQuery q = ReportQuery.plan(ctx.pathParam("planId")).between(Http.date(ctx, "from"), Http.date(ctx, "to"));
        String targetId = blankToNull(ctx.queryParam("targetId"));
        if (targetId != null) {
            q = q.target(targetId);
        }
        ReportPage found = tracker.reportPage(who, q.page(page[1], page[0]), blankToNull(ctx.queryParam("unitId")));
        json.write(ctx, 200, new Page<>(found.items().stream().map(Mapping::report).toList(), found.total(), page[0],
                page[1]));
    }

    void getReport(Context ctx) {
        Principal who = Access.principal(ctx);
        json.write(ctx, 200, Mapping.report(visibleReport(who, ctx.pathParam("planId"), ctx.pathParam("reportId"))));
    }

    /** Posts a report; honours {@code Idempotency-Key} ({@link PlanTracker#report(Principal, ReportRequest, String)}). */
    void postReport(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN, Role.REPORTER);
        String planId = ctx.pathParam("planId");
        ReportInput in = readJson(ctx, ReportInput.class, "a progress report");
        reportCreated(ctx, tracker.report(who, request(planId, in, in.targetId()), ctx.header("Idempotency-Key")));
    }

    /**
     * Records reports from a CSV file (body {@code text/csv}, or a multipart part {@code file}) through
     * {@link PlanTracker#importReports}: every row must name this plan. All rows or none ({@code skipInvalid=false},
     * the default: 400 with every refused row when any is invalid), or the valid ones ({@code skipInvalid=true}).
     */
    void importReports(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN, Role.REPORTER);
        String planId = tracker.plan(who, ctx.pathParam("planId")).id();
        String skip = ctx.queryParam("skipInvalid");
        if (skip != null && !skip.equals("true") && !skip.equals("false")) {
            throw new ValidationException("skipInvalid", skip, "true or false");
        }
        String name = ctx.isMultipartFormData() && ctx.uploadedFile("file") != null
                ? Logs.clean(ctx.uploadedFile("file").filename()) : "body";
        DecodedText text = readDocument(ctx);
        ReportImport done = tracker.importReports(who, name, text.text(), planId, "true".equals(skip), null);
        List<Dto.RowErrorDto> rejected = done.rejected().stream()
                .map(e -> new Dto.RowErrorDto(e.row(), e.column(), e.message())).toList();
        if (done.allOrNothing() && !rejected.isEmpty()) {
            Dto.RowErrorDto first = rejected.get(0);
            throw ApiException.badRequest("nothing stored: " + rejected.size() + " of " + done.rows() + " rows of "
                    + name + " are invalid (first: row " + first.row() + ": " + first.column() + ": " + first.message()
                    + "); fix them, or send skipInvalid=true to store the valid rows").rejected(rejected);
        }
        json.write(ctx, done.stored() > 0 ? 201 : 200, new Dto.ReportImportDto(name, done.rows(), done.stored(),
                done.allOrNothing(), rejected));
    }

    /** Corrects a report: a new report that supersedes it; honours {@code Idempotency-Key}. */
    void correctReport(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN, Role.REPORTER);
        ProgressReport original = visibleReport(who, ctx.pathParam("planId"), ctx.pathParam("reportId"));
        ReportInput in = readJson(ctx, ReportInput.class, "a corrected progress report");
        ReportRequest req = request(original.planId(), in, in.targetId() == null ? original.targetId() : in.targetId());
        reportCreated(ctx, tracker.correct(who, original.id(), req, ctx.header("Idempotency-Key")));
    }

    private void reportCreated(Context ctx, RecordedReport recorded) {
        ProgressReport r = recorded.report();
        ctx.header("Location", API + "/plans/" + r.planId() + "/reports/" + r.id());
        if (recorded.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        json.write(ctx, 201, Mapping.report(r));
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

    // ------------------------------------------------------------------ units

    void listUnits(Context ctx) {
        Principal who = Access.principal(ctx);
        json.write(ctx, 200, page(tracker.units(who), Http.page(ctx, config.maxPageSize()), Mapping::unit));
    }

    void getUnit(Context ctx) {
        Principal who = Access.principal(ctx);
        String id = ctx.pathParam("unitId");
        Unit u = tracker.findUnit(who, id).orElseThrow(() -> new NotFoundException("unit", id));
        json.write(ctx, 200, Mapping.unit(u));
    }

    void saveUnit(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN);
        String id = ctx.pathParam("unitId");
        UnitInput in = readJson(ctx, UnitInput.class, "a unit");
        boolean exists = tracker.findUnit(who, id).isPresent();
        Unit saved = tracker.saveUnit(who, new Unit(id, in.name(), in.parentId()));
        if (!exists) {
            ctx.header("Location", API + "/units/" + id);
        }
        json.write(ctx, exists ? 200 : 201, Mapping.unit(saved));
    }

    // ------------------------------------------------------------------ audit

    void auditTrail(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN, Role.VIEWER);
        int[] page = Http.page(ctx, config.maxPageSize());
        String planId = blankToNull(ctx.queryParam("planId"));
        long after = Http.intParam(ctx, "after", 0, 0, Integer.MAX_VALUE);
        long want = Math.min((long) page[1] + page[0], Integer.MAX_VALUE);
        var events = tracker.auditTrail(who, planId, after, (int) want);
        var items = events.stream().skip(page[1]).map(Mapping::audit).toList();
        json.write(ctx, 200, new Page<>(items, null, page[0], page[1]));
    }

    void verifyAudit(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN, Role.VIEWER);
        AuditVerification v = tracker.verifyAuditTrail(who);
        json.write(ctx, 200, new AuditVerificationDto(v.intact(), v.status().name(), v.eventsChecked(), v.problems(),
                v.unchecked()));
    }

    /**
     * The audit trail for retention, as NDJSON: one event per line in sequence order, each with its
     * {@code previousHash} and {@code hash}, so that an archived copy can be checked on its own. Read in
     * batches of {@value #EXPORT_BATCH} events; {@code planId} and {@code after} narrow it as in the list.
     */
    void exportAudit(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN, Role.VIEWER);
        String planId = blankToNull(ctx.queryParam("planId"));
        long after = Http.intParam(ctx, "after", 0, 0, Integer.MAX_VALUE);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            var events = tracker.auditTrail(who, planId, after, EXPORT_BATCH);
            for (var e : events) {
                out.writeBytes(json.bytes(Mapping.audit(e)));
                out.write('\n');
                after = e.sequence();
            }
            if (events.size() < EXPORT_BATCH) {
                break;
            }
        }
        ctx.status(200).contentType("application/x-ndjson; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"plantrack-audit"
                        + (planId == null ? "" : "-" + planId.replaceAll("[^A-Za-z0-9._-]", "_")) + ".ndjson\"")
                .result(out.toByteArray());
    }

    private static final int EXPORT_BATCH = 1000;

    // ------------------------------------------------------------------ tokens

    void me(Context ctx) {
        Principal who = Access.principal(ctx);
        json.write(ctx, 200, new Dto.MeDto(who.id(), who.role().name(), who.unitIds().stream().sorted().toList()));
    }

    void listTokens(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN);
        json.write(ctx, 200, page(tracker.tokens(who), Http.page(ctx, config.maxPageSize()),
                t -> Mapping.token(t, null)));
    }

    void createToken(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN);
        TokenInput in = readJson(ctx, TokenInput.class, "a token request");
        if (in.role() == null) {
            throw new ValidationException("token.role", null, "one of [ADMIN, REPORTER, VIEWER]");
        }
        Role role = Mapping.parse(Role.class, "token.role", in.role());
        IssuedToken t = tracker.createToken(who, role, in.units() == null ? Set.of() : Set.copyOf(in.units()),
                in.label(), Mapping.expiry(in.expiresAt()));
        ctx.header("Location", API + "/tokens/" + t.token().id());
        noStore(ctx);
        json.write(ctx, 201, Mapping.token(t.token(), t.bearer()));
    }

    void revokeToken(Context ctx) {
        Principal who = Access.require(ctx, Role.ADMIN);
        json.write(ctx, 200, Mapping.token(tracker.revokeToken(who, ctx.pathParam("tokenId")), null));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Marks an answer that carries a secret (a new bearer) as not to be stored by any cache, the browser's
     * included (RFC 9111 {@code no-store}; {@code Pragma} for HTTP/1.0 caches).
     */
    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
    }

    private <T> T readJson(Context ctx, Class<T> type, String what) {
        Http.requireJson(ctx);
        return json.read(Http.body(ctx, config.maxBodyBytes()), type, what);
    }

    private static <A, B> Page<B> page(List<A> all, int[] page, Function<A, B> map) {
        int from = (int) Math.min(all.size(), (long) page[1]);
        int to = (int) Math.min(all.size(), (long) from + page[0]);
        return new Page<>(all.subList(from, to).stream().map(map).toList(), (long) all.size(), page[0], page[1]);
    }

    /** The {@code preset} query parameter, or {@code null} for the plan's own. */
    private static Preset preset(Context ctx) {
        String p = blankToNull(ctx.queryParam("preset"));
        return p == null ? null : Preset.of("preset", p);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").trim();
            }
        }
        return null;
    }
}
