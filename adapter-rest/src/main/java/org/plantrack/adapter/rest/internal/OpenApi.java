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
 * The OpenAPI 3.1 document of the server: one operation for each {@link Route} of the table ({@link ApiRoutes}),
 * the same routes that are registered. Schemas are derived from the JSON shapes in {@link Dto}.
 */
@Singleton
public final class OpenApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private final ApiRoutes routes;
    private final byte[] document;

    @Inject
    public OpenApi(JsonBodies json, ApiRoutes routes) {
        this.routes = routes;
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

        for (Route route : routes.table()) {
            operation(route);
        }
        return root;
    }

    /** The operation of one route: its parameters, body, answer and the problems it may answer instead. */
    private void operation(Route route) {
        String method = route.method().name().toLowerCase(Locale.ROOT);
        String path = route.path();
        ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
        ObjectNode o = item.putObject(method);
        o.putArray("tags").add(route.tag().label());
        o.put("summary", route.summary());
        o.put("operationId", method + path.replaceAll("[^A-Za-z0-9]+", "_"));
        Matcher m = PATH_PARAM.matcher(path);
        while (m.find()) {
            String name = m.group(1);
            Route.Param declared = route.params().stream()
                    .filter(p -> p.in() == Route.In.PATH && p.name().equals(name)).findFirst()
                    .orElse(Route.Param.path(name, null));
            parameter(o, declared);
        }
        for (Route.Param p : route.params()) {
            if (p.in() != Route.In.PATH) {
                parameter(o, p);
            }
        }
        if (route.requestSchema() != null) {
            o.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                    .putObject("schema").put("$ref", "#/components/schemas/" + route.requestSchema());
        } else if (!route.bodyMediaTypes().isEmpty()) {
            ObjectNode content = o.putObject("requestBody").put("required", true).putObject("content");
            for (String mediaType : route.bodyMediaTypes()) {
                ObjectNode schema = content.putObject(mediaType).putObject("schema");
                switch (mediaType) {
                    case "multipart/form-data" -> schema.put("type", "object").putObject("properties")
                            .putObject("file").put("type", "string").put("format", "binary");
                    case "application/octet-stream" -> schema.put("type", "string").put("format", "binary");
                    default -> schema.put("type", "string");
                }
            }
        }
        ObjectNode responses = o.putObject("responses");
        ObjectNode ok = responses.putObject(Integer.toString(route.status()));
        ok.put("description", route.status() == 201 ? "Created" : "OK");
        if (route.responseSchema() != null) {
            ok.putObject("content").putObject("application/json").putObject("schema")
                    .put("$ref", "#/components/schemas/" + route.responseSchema());
        } else if (route.responseMediaType() != null) {
            ok.putObject("content").putObject(route.responseMediaType()).putObject("schema").put("type", "string");
        }
        ObjectNode problem = responses.putObject("default");
        problem.put("description", "A problem (RFC 9457): 400 invalid input or malformed JSON, 401 no or bad token, "
                + "403 role or scope, 404 not found (or outside a reporter's units), 409 conflict, 412 stale "
                + "If-Match, 413 body too large, 415 media type, 422 idempotency key reused, 428 If-Match missing, "
                + "429 rate limited, 503 store unavailable");
        problem.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
        if (route.open()) {
            o.putArray("security"); // no token
        }
    }

    private static void parameter(ObjectNode o, Route.Param param) {
        ArrayNode params = o.has("parameters") ? (ArrayNode) o.get("parameters") : o.putArray("parameters");
        ObjectNode p = params.addObject();
        p.put("name", param.name());
        p.put("in", param.in().id());
        p.put("required", param.required());
        if (param.description() != null) {
            p.put("description", param.description());
        }
        p.putObject("schema").put("type", param.type());
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
