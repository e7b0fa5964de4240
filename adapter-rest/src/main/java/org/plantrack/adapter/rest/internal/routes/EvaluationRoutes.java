package org.plantrack.adapter.rest.internal.routes;

import static org.plantrack.adapter.rest.internal.ApiRoutes.API;
import static org.plantrack.adapter.rest.internal.routes.Params.AS_OF;
import static org.plantrack.adapter.rest.internal.routes.Params.PLAN_ID;
import static org.plantrack.adapter.rest.internal.routes.Params.PRESET;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plantrack.adapter.rest.internal.Access;
import org.plantrack.adapter.rest.internal.Http;
import org.plantrack.adapter.rest.internal.Mapping;
import org.plantrack.adapter.rest.internal.Route;
import org.plantrack.adapter.rest.internal.Route.Param;
import org.plantrack.adapter.rest.internal.Route.Tag;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Preset;
import org.plantrack.core.report.ReportFormat;

/** A plan evaluated as of a date: its status, the status report in each format, the year-end summary. */
@Singleton
public final class EvaluationRoutes {
    private static final Param LANG = Param.query("lang", "string", "zh (default) or en");

    private final PlanTracker tracker;
    private final RouteSupport support;

    @Inject
    public EvaluationRoutes(PlanTracker tracker, RouteSupport support) {
        this.tracker = tracker;
        this.support = support;
    }

    /** The routes: one rendered report per {@link ReportFormat}. */
    public List<Route> routes() {
        String plan = API + "/plans/{planId}";
        List<Route> routes = new ArrayList<>();
        routes.add(Route.get(plan + "/status").tag(Tag.EVALUATION).summary("Evaluate the plan as of a date: every "
                + "target with its reason (zh, en), roll-ups, counts").anyToken().param(PLAN_ID, AS_OF, PRESET)
                .returns("StatusDto").handle(this::status));
        for (ReportFormat f : ReportFormat.values()) {
            String mediaType = f.mediaType().split(";")[0];
            routes.add(Route.get(plan + "/report." + f.extension()).tag(Tag.EVALUATION)
                    .summary("The status report as " + mediaType
                            + (f == ReportFormat.CSV ? " (UTF-8 with BOM, for Excel)" : ""))
                    .anyToken().param(PLAN_ID, AS_OF, PRESET, LANG).returnsText(mediaType)
                    .handle(ctx -> renderReport(ctx, f)));
        }
        // formats the installed plugins render (the office formats' Excel 台账: report.xlsx)
        for (org.plantrack.core.spi.ReportRenderer r : tracker.reportRenderers()) {
            routes.add(Route.get(plan + "/report." + r.format()).tag(Tag.EVALUATION)
                    .summary("The status report as " + r.mediaType() + " (rendered by "
                            + r.getClass().getSimpleName() + ")")
                    .anyToken().param(PLAN_ID, AS_OF, PRESET, LANG).returnsText(r.mediaType())
                    .handle(ctx -> renderPluginReport(ctx, r)));
        }
        routes.add(Route.get(plan + "/year-end-summary").tag(Tag.EVALUATION)
                .summary("A draft year-end summary (年度工作总结) in Chinese, as Markdown").anyToken()
                .param(PLAN_ID, AS_OF).returnsText("text/markdown").handle(this::yearEndSummary));
        return List.copyOf(routes);
    }

    void status(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        LocalDate asOf = Http.date(ctx, "asOf");
        var eval = tracker.evaluate(who, planId, asOf, preset(ctx));
        int pending = tracker.findSupervision().map(s -> s.pendingReviews(who, planId)).orElse(0);
        support.write(ctx, 200, Mapping.status(eval, pending));
    }

    void renderReport(Context ctx, ReportFormat format) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        LocalDate asOf = Http.date(ctx, "asOf");
        Preset preset = preset(ctx);
        String lang = ctx.queryParam("lang");
        Locale locale = lang == null || lang.isBlank() || lang.startsWith("zh") ? Locale.CHINA
                : lang.startsWith("en") ? Locale.ENGLISH : null;
        if (locale == null) {
            throw new ValidationException("lang", lang, "zh or en");
        }
        byte[] body = tracker.renderReport(who, planId, asOf, preset, format, locale);
        ctx.status(200).contentType(format.mediaType()).header("Content-Disposition",
                "inline; filename=\"" + planId + "-status." + format.extension() + "\"").result(body);
    }

    void renderPluginReport(Context ctx, org.plantrack.core.spi.ReportRenderer r) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        byte[] body = tracker.renderReport(who, planId, Http.date(ctx, "asOf"), preset(ctx), r.format(), locale(ctx));
        ctx.status(200).contentType(r.mediaType()).header("Content-Disposition",
                "attachment; filename=\"" + planId + "-status." + r.format() + "\"").result(body);
    }

    private static Locale locale(Context ctx) {
        String lang = ctx.queryParam("lang");
        Locale locale = lang == null || lang.isBlank() || lang.startsWith("zh") ? Locale.CHINA
                : lang.startsWith("en") ? Locale.ENGLISH : null;
        if (locale == null) {
            throw new ValidationException("lang", lang, "zh or en");
        }
        return locale;
    }

    void yearEndSummary(Context ctx) {
        Principal who = Access.principal(ctx);
        LocalDate asOf = Http.date(ctx, "asOf");
        String text = tracker.yearEndSummary(who, ctx.pathParam("planId"), asOf);
        ctx.status(200).contentType("text/markdown; charset=utf-8").result(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code preset} query parameter, or {@code null} for the plan's own. */
    private static Preset preset(Context ctx) {
        String p = RouteSupport.query(ctx, "preset");
        return p == null ? null : Preset.of("preset", p);
    }
}
