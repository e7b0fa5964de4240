package org.plantrack.adapter.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plantrack.adapter.rest.internal.dto.Dto;

/**
 * The OpenAPI 3.1 document of the server, written by hand here (operation by operation) and kept in
 * step with the registered routes by a test. Schemas are derived from the JSON shapes in {@link Dto}.
 */
@Singleton
public final class OpenApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final String API = ApiRoutes.API;

    private final byte[] document;

    @Inject
    public OpenApi(Json json) {
        this.document = json.bytes(build());
    }

    /** The document as JSON bytes. */
    public byte[] bytes() {
        return document;
    }

    private ObjectNode root;
    private ObjectNode paths;

    private ObjectNode build() {
        root = F.objectNode();
        root.put("openapi", "3.1.0");
        ObjectNode info = root.putObject("info");
        info.put("title", "Plantrack API");
        info.put("version", "v1");
        info.put("description", "Track government work plans (工作要点): plans, targets, progress reports, "
                + "evaluation by explicit rules, reports and the audit trail. Errors are application/problem+json "
                + "(RFC 9457). Authenticate with 'Authorization: Bearer <token>'.");
        ObjectNode bearer = root.putObject("components").putObject("securitySchemes").putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        root.putArray("security").addObject().putArray("bearer");
        paths = root.putObject("paths");
        schemas();

        op("get", "/health", "Health", "Whether the server and its store are up", null, "HealthDto", 200)
                .putArray("security");
        op("get", "/openapi.json", "Health", "This OpenAPI document", null, null, 200).putArray("security");

        ObjectNode o;
        o = op("get", API + "/plans", "Plans", "List plans", null, "Page", 200);
        paging(o);
        op("post", API + "/plans", "Plans", "Create a plan from JSON (admin)", "PlanDto", "PlanDto", 201);
        o = op("post", API + "/plans/import", "Plans", "Import a plan document: raw text body (text/plain; "
                + "charset=...) or multipart/form-data with a part 'file' (admin); the answer lists the warnings and "
                + "the responsible units the tasks' text names, each with the registered unit it was matched to",
                null, "ImportDto", 201);
        query(o, "planId", "string", "the plan id to use (default: derived from the document)");
        query(o, "year", "integer", "the plan year when the document names none");
        ObjectNode content = o.putObject("requestBody").put("required", true).putObject("content");
        content.putObject("text/plain").putObject("schema").put("type", "string");
        content.putObject("application/octet-stream").putObject("schema").put("type", "string")
                .put("format", "binary");
        content.putObject("multipart/form-data").putObject("schema").put("type", "object").putObject("properties")
                .putObject("file").put("type", "string").put("format", "binary");
        o = op("post", API + "/plans/import/preview", "Plans", "Read a plan document without storing it: the "
                + "parsed plan, the decoded text, and the warnings and unit mentions (responsible units named in "
                + "the tasks' text, matched against the registered units) with their offsets in that text "
                + "(admin); same body as the import", null, "ImportPreviewDto", 200);
        query(o, "planId", "string", "the plan id to use (default: derived from the document)");
        query(o, "year", "integer", "the plan year when the document names none");
        content = o.putObject("requestBody").put("required", true).putObject("content");
        content.putObject("text/plain").putObject("schema").put("type", "string");
        content.putObject("multipart/form-data").putObject("schema").put("type", "object").putObject("properties")
                .putObject("file").put("type", "string").put("format", "binary");
        op("get", API + "/plans/{planId}", "Plans", "Get a plan (ETag = its version)", null, "PlanDto", 200);
        ifMatch(op("put", API + "/plans/{planId}", "Plans", "Replace a plan (admin; If-Match)", "PlanDto",
                "PlanDto", 200));
        ifMatch(op("post", API + "/plans/{planId}/archive", "Plans", "Archive a plan (admin; If-Match)", null,
                "PlanDto", 200));
        ifMatch(op("put", API + "/plans/{planId}/settings", "Plans", "Change evaluation settings (admin; If-Match)",
                "SettingsDto", "PlanDto", 200));
        op("get", API + "/plans/{planId}/sections/{sectionId}", "Structure", "Get a section", null, "SectionDto",
                200);
        ifMatch(op("put", API + "/plans/{planId}/sections/{sectionId}", "Structure",
                "Retitle a section (admin; If-Match; only 'title')", "SectionDto", "SectionDto", 200));
        op("get", API + "/plans/{planId}/tasks/{taskId}", "Structure", "Get a task", null, "TaskDto", 200);
        ifMatch(op("put", API + "/plans/{planId}/tasks/{taskId}", "Structure", "Replace a task (admin; If-Match)",
                "TaskDto", "TaskDto", 200));
        ifMatch(op("put", API + "/plans/{planId}/tasks/{taskId}/units", "Structure",
                "Assign the lead and partner units of a task (admin; If-Match)", "AssignUnitsInput", "TaskDto",
                200));
        op("get", API + "/plans/{planId}/targets/{targetId}", "Structure", "Get a target", null, "TargetDto", 200);
        ifMatch(op("put", API + "/plans/{planId}/targets/{targetId}", "Structure",
                "Replace a target, e.g. fill in an unknown goal (admin; If-Match)", "TargetDto", "TargetDto", 200));
        op("get", API + "/plans/{planId}/targets/{targetId}/source", "Structure",
                "The sentence of the document the target was read from, with the target's words marked", null,
                "TargetSourceDto", 200);
        o = op("get", API + "/plans/{planId}/targets/{targetId}/burnup", "Evaluation",
                "Burn-up series of a target: actual value and the value its pace curve expects, by date "
                        + "(a reporter: only its units' targets)", null, "BurnUpDto", 200);
        query(o, "asOf", "string", "the date YYYY-MM-DD (default: today, within the plan's period); no actual values after it");
        o = op("get", API + "/plans/{planId}/status", "Evaluation",
                "Evaluate the plan as of a date: every target with its reason (zh, en), roll-ups, counts", null,
                "StatusDto", 200);
        query(o, "asOf", "string", "the date YYYY-MM-DD (default: today, within the plan's period)");
        query(o, "preset", "string", "'default' or 'cn-supervision' (default: the plan's)");
        for (String[] f : new String[][] {{"md", "text/markdown"}, {"csv", "text/csv"}, {"html", "text/html"}}) {
            o = op("get", API + "/plans/{planId}/report." + f[0], "Evaluation", "The status report as " + f[1]
                    + (f[0].equals("csv") ? " (UTF-8 with BOM, for Excel)" : ""), null, null, 200);
            text(o, f[1]);
            query(o, "asOf", "string", "the date YYYY-MM-DD (default: today, within the plan's period)");
            query(o, "preset", "string", "'default' or 'cn-supervision' (default: the plan's)");
            query(o, "lang", "string", "zh (default) or en");
        }
        o = op("get", API + "/plans/{planId}/year-end-summary", "Evaluation",
                "A draft year-end summary (年度工作总结) in Chinese, as Markdown", null, null, 200);
        text(o, "text/markdown");
        query(o, "asOf", "string", "the date YYYY-MM-DD (default: today, within the plan's period)");
        o = op("get", API + "/plans/{planId}/reports", "Progress",
                "List progress reports (reporters see only their units' targets)", null, "Page", 200);
        query(o, "targetId", "string", "only this target");
        query(o, "unitId", "string", "only targets of this unit");
        query(o, "from", "string", "earliest as-of date YYYY-MM-DD");
        query(o, "to", "string", "latest as-of date YYYY-MM-DD");
        paging(o);
        o = op("post", API + "/plans/{planId}/reports", "Progress",
                "Report progress (admin, or a reporter on its units' targets); honours Idempotency-Key",
                "ReportInput", "ReportDto", 201);
        header(o, "Idempotency-Key", false, "a key per intended report; a repeat answers the first report");
        o = op("post", API + "/plans/{planId}/reports/import", "Progress",
                "Record progress reports from a CSV file (admin, or a reporter on its units' targets): a text/csv body "
                + "(UTF-8, GBK, or the charset it declares) or multipart/form-data with a part 'file'. Header row "
                + "plan,target,as_of,value[,mode][,note][,evidence][,id]; every row names this plan. All rows or none: "
                + "400 with every refused row in 'rejected' when any is invalid; skipInvalid=true stores the valid "
                + "rows and lists the refused ones (201 when any was stored, else 200)",
                null, "ReportImportDto", 201);
        query(o, "skipInvalid", "boolean", "store the valid rows and list the refused ones (default false)");
        content = o.putObject("requestBody").put("required", true).putObject("content");
        content.putObject("text/csv").putObject("schema").put("type", "string");
        content.putObject("multipart/form-data").putObject("schema").put("type", "object").putObject("properties")
                .putObject("file").put("type", "string").put("format", "binary");
        op("get", API + "/plans/{planId}/reports/{reportId}", "Progress", "Get a progress report", null,
                "ReportDto", 200);
        o = op("post", API + "/plans/{planId}/reports/{reportId}/corrections", "Progress",
                "Correct a report: a new report that supersedes it; honours Idempotency-Key", "ReportInput",
                "ReportDto", 201);
        header(o, "Idempotency-Key", false, "a key per intended correction; a repeat answers the first correction");

        op("get", API + "/units", "Units", "List units", null, "Page", 200);
        paging((ObjectNode) paths.get(API + "/units").get("get"));
        op("get", API + "/units/{unitId}", "Units", "Get a unit", null, "UnitDto", 200);
        op("put", API + "/units/{unitId}", "Units", "Create (201) or update (200) a unit (admin)", "UnitInput",
                "UnitDto", 200);

        o = op("get", API + "/audit", "Audit", "List audit events in sequence order (admin, viewer)", null, "Page",
                200);
        query(o, "planId", "string", "only events of this plan");
        query(o, "after", "integer", "only events after this sequence number");
        paging(o);
        op("get", API + "/audit/verify", "Audit", "Check the audit hash chain (admin, viewer)", null,
                "AuditVerificationDto", 200);
        o = op("get", API + "/audit/export", "Audit", "Export the audit trail for retention as NDJSON: one "
                + "AuditEventDto per line in sequence order, with previousHash and hash (admin, viewer)", null, null,
                200);
        query(o, "planId", "string", "only events of this plan");
        query(o, "after", "integer", "only events after this sequence number");
        text(o, "application/x-ndjson");

        op("get", API + "/tokens", "Tokens", "List access tokens, without secrets (admin)", null, "Page", 200);
        paging((ObjectNode) paths.get(API + "/tokens").get("get"));
        op("post", API + "/tokens", "Tokens", "Create an access token; the bearer is shown only now (admin)",
                "TokenInput", "TokenDto", 201);
        op("get", API + "/me", "Tokens", "The token of this request: its id, role and units", null, "MeDto", 200);
        op("delete", API + "/tokens/{tokenId}", "Tokens", "Revoke an access token (admin)", null, "TokenDto", 200);
        return root;
    }

    private ObjectNode op(String method, String path, String tag, String summary, String requestSchema,
            String responseSchema, int status) {
        ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
        ObjectNode o = item.putObject(method);
        o.putArray("tags").add(tag);
        o.put("summary", summary);
        o.put("operationId", method + path.replaceAll("[^A-Za-z0-9]+", "_"));
        Matcher m = PATH_PARAM.matcher(path);
        while (m.find()) {
            ObjectNode p = params(o).addObject();
            p.put("name", m.group(1));
            p.put("in", "path");
            p.put("required", true);
            p.putObject("schema").put("type", "string");
        }
        if (requestSchema != null) {
            o.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                    .putObject("schema").put("$ref", "#/components/schemas/" + requestSchema);
        }
        ObjectNode responses = o.putObject("responses");
        ObjectNode ok = responses.putObject(Integer.toString(status));
        ok.put("description", status == 201 ? "Created" : "OK");
        if (responseSchema != null) {
            ok.putObject("content").putObject("application/json").putObject("schema")
                    .put("$ref", "#/components/schemas/" + responseSchema);
        }
        ObjectNode problem = responses.putObject("default");
        problem.put("description", "A problem (RFC 9457): 400 invalid input or malformed JSON, 401 no or bad token, "
                + "403 role or scope, 404 not found (or outside a reporter's units), 409 conflict, 412 stale "
                + "If-Match, 413 body too large, 415 media type, 422 idempotency key reused, 428 If-Match missing, "
                + "429 rate limited, 503 store unavailable");
        problem.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
        return o;
    }

    private static ArrayNode params(ObjectNode o) {
        return o.has("parameters") ? (ArrayNode) o.get("parameters") : o.putArray("parameters");
    }

    private static void query(ObjectNode o, String name, String type, String description) {
        ObjectNode p = params(o).addObject();
        p.put("name", name);
        p.put("in", "query");
        p.put("required", false);
        p.put("description", description);
        p.putObject("schema").put("type", type);
    }

    private static void header(ObjectNode o, String name, boolean required, String description) {
        ObjectNode p = params(o).addObject();
        p.put("name", name);
        p.put("in", "header");
        p.put("required", required);
        p.put("description", description);
        p.putObject("schema").put("type", "string");
    }

    private static void text(ObjectNode o, String mediaType) {
        ((ObjectNode) o.get("responses").get("200")).putObject("content").putObject(mediaType).putObject("schema")
                .put("type", "string");
    }

    private static void paging(ObjectNode o) {
        query(o, "limit", "integer", "page size (default 100, at most the server's maximum, 500 by default)");
        query(o, "offset", "integer", "items to skip");
    }

    private static void ifMatch(ObjectNode o) {
        header(o, "If-Match", true, "the plan's ETag, e.g. \"3\", a list of them, or * (RFC 9110 strong "
                + "comparison: a weak tag W/\"3\" never matches); 428 when missing, 412 when stale, 400 when not "
                + "an entity-tag");
    }

    private void schemas() {
        ObjectNode schemas = ((ObjectNode) root.get("components")).putObject("schemas");
        for (Class<?> c : Dto.class.getDeclaredClasses()) {
            if (c.isRecord()) {
                ObjectNode s = schemas.putObject(c.getSimpleName());
                s.put("type", "object");
                s.put("additionalProperties", false);
                ObjectNode props = s.putObject("properties");
                for (RecordComponent rc : c.getRecordComponents()) {
                    ObjectNode p = schemaOf(rc.getGenericType());
                    if (writtenWhenNull(rc) && p.has("type")) {
                        // null is left out of answers, except where the DTO writes it out on purpose
                        String type = p.get("type").asText();
                        p.putArray("type").add(type).add("null");
                    }
                    props.set(rc.getName(), p);
                }
            }
        }
    }

    /** Whether a component is written as {@code null} rather than left out (the mapper leaves nulls out). */
    private static boolean writtenWhenNull(RecordComponent rc) {
        JsonInclude include = rc.getAccessor().getAnnotation(JsonInclude.class);
        return include != null && include.value() == JsonInclude.Include.ALWAYS;
    }

    private static ObjectNode schemaOf(Type t) {
        ObjectNode s = F.objectNode();
        if (t instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) t;
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                s.put("type", "array");
                s.set("items", schemaOf(p.getActualTypeArguments()[0]));
            } else if (Map.class.isAssignableFrom(raw)) {
                s.put("type", "object");
                s.set("additionalProperties", schemaOf(p.getActualTypeArguments()[1]));
            } else {
                s.put("type", "object");
            }
            return s;
        }
        if (!(t instanceof Class)) {
            return s; // a type variable (Page items): any JSON value
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class) {
            s.put("type", "string");
        } else if (c == LocalDate.class) {
            s.put("type", "string").put("format", "date");
        } else if (c == Instant.class) {
            s.put("type", "string").put("format", "date-time");
        } else if (c == Double.class || c == double.class) {
            s.put("type", "number");
        } else if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            s.put("type", "integer");
        } else if (c == Boolean.class || c == boolean.class) {
            s.put("type", "boolean");
        } else if (c.isRecord()) {
            s.put("$ref", "#/components/schemas/" + c.getSimpleName());
        } else {
            s.put("type", c.getSimpleName().toLowerCase(Locale.ROOT));
        }
        return s;
    }
}
