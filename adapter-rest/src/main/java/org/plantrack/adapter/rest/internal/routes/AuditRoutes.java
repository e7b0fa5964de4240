package org.plantrack.adapter.rest.internal.routes;

import static org.plantrack.adapter.rest.internal.ApiRoutes.API;
import static org.plantrack.adapter.rest.internal.routes.Params.LIMIT;
import static org.plantrack.adapter.rest.internal.routes.Params.OFFSET;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.plantrack.adapter.rest.internal.Access;
import org.plantrack.adapter.rest.internal.Http;
import org.plantrack.adapter.rest.internal.JsonBodies;
import org.plantrack.adapter.rest.internal.Mapping;
import org.plantrack.adapter.rest.internal.Route;
import org.plantrack.adapter.rest.internal.Route.Param;
import org.plantrack.adapter.rest.internal.Route.Tag;
import org.plantrack.adapter.rest.internal.dto.Dto.AuditVerificationDto;
import org.plantrack.adapter.rest.internal.dto.Dto.Page;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.store.AuditVerification;

/** The audit trail: list, verify, export. For admins, supervisors and viewers (a reporter gets 403: it records other units). */
@Singleton
public final class AuditRoutes {
    private static final Param PLAN_ID = Param.query("planId", "string", "only events of this plan");
    private static final Param AFTER = Param.query("after", "integer", "only events after this sequence number");
    private static final int EXPORT_BATCH = 1000;

    private final PlanTracker tracker;
    private final RouteSupport support;
    private final JsonBodies json;

    @Inject
    public AuditRoutes(PlanTracker tracker, RouteSupport support, JsonBodies json) {
        this.tracker = tracker;
        this.support = support;
        this.json = json;
    }

    /** The routes. */
    public List<Route> routes() {
        String audit = API + "/audit";
        return List.of(
                Route.get(audit).tag(Tag.AUDIT).summary("List audit events in sequence order (admin, supervisor, viewer)")
                        .roles(Role.ADMIN, Role.SUPERVISOR, Role.VIEWER).param(PLAN_ID, AFTER, LIMIT, OFFSET)
                        .returns("Page").handle(this::auditTrail),
                Route.get(audit + "/verify").tag(Tag.AUDIT).summary("Check the audit hash chain (admin, supervisor, viewer)")
                        .roles(Role.ADMIN, Role.SUPERVISOR, Role.VIEWER).returns("AuditVerificationDto")
                        .handle(this::verifyAudit),
                Route.get(audit + "/export").tag(Tag.AUDIT).summary("Export the audit trail for retention as NDJSON: "
                        + "one AuditEventDto per line in sequence order, with previousHash and hash (admin, supervisor, viewer)")
                        .roles(Role.ADMIN, Role.SUPERVISOR, Role.VIEWER).param(PLAN_ID, AFTER)
                        .returnsText("application/x-ndjson").handle(this::exportAudit));
    }

    void auditTrail(Context ctx) {
        Principal who = Access.principal(ctx);
        int[] page = support.page(ctx);
        String planId = RouteSupport.query(ctx, "planId");
        long after = Http.intParam(ctx, "after", 0, 0, Integer.MAX_VALUE);
        long want = Math.min((long) page[1] + page[0], Integer.MAX_VALUE);
        var events = tracker.auditTrail(who, planId, after, (int) want);
        var items = events.stream().skip(page[1]).map(Mapping::audit).toList();
        support.write(ctx, 200, new Page<>(items, null, page[0], page[1]));
    }

    void verifyAudit(Context ctx) {
        Principal who = Access.principal(ctx);
        AuditVerification v = tracker.verifyAuditTrail(who);
        support.write(ctx, 200, new AuditVerificationDto(v.intact(), v.status().name(), v.eventsChecked(),
                v.problems(), v.unchecked()));
    }

    /**
     * The audit trail for retention, as NDJSON: one event per line in sequence order, each with its
     * {@code previousHash} and {@code hash}, so that an archived copy can be checked on its own. Read in
     * batches of {@value #EXPORT_BATCH} events; {@code planId} and {@code after} narrow it as in the list.
     */
    void exportAudit(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = RouteSupport.query(ctx, "planId");
        long after = Http.intParam(ctx, "after", 0, 0, Integer.MAX_VALUE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
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
}
