package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantrack.adapter.rest.internal.Demo;
import org.plantrack.core.access.Role;

/** The OpenAPI document describes exactly the registered routes; Swagger UI is served locally. */
class OpenApiTest {
    /** Routes that are not part of the API and so not in the document. */
    static final Set<String> NOT_DOCUMENTED = Set.of("GET /docs");

    static PlantrackServer server;
    static Api anonymous;

    @BeforeAll
    static void start() {
        server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1").db(Fixtures.h2("OpenApiTest")).demo(false).build());
        anonymous = new Api(server.port(), null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
        JsonNode doc = anonymous.get("/openapi.json").json();
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey()));
        }
        Set<String> registered = new TreeSet<>(server.routes());
        registered.removeAll(NOT_DOCUMENTED);
        assertThat(registered).as("routes registered in Javalin").hasSizeGreaterThan(30);
        assertThat(documented).as("documented but not registered").isSubsetOf(registered);
        assertThat(registered).as("registered but not documented").isSubsetOf(documented);
    }

    @Test
    void schemasReferencedExist() {
        JsonNode doc = anonymous.get("/openapi.json").json();
        JsonNode schemas = doc.get("components").get("schemas");
        for (String ref : doc.findValuesAsText("$ref")) {
            assertThat(schemas.has(ref.substring("#/components/schemas/".length()))).as(ref).isTrue();
        }
    }

    @Test
    void importAnswersHaveTheDocumentedShape() {
        JsonNode doc = anonymous.get("/openapi.json").json();
        JsonNode schemas = doc.get("components").get("schemas");
        JsonNode mention = schemas.get("UnitMentionDto").get("properties");
        assertThat(mention.get("unitId").get("type").toString()).isEqualTo("[\"string\",\"null\"]");
        for (String answer : new String[] {"ImportPreviewDto", "ImportDto"}) {
            assertThat(schemas.get(answer).get("properties").get("unitMentions").get("items").get("$ref").asText())
                    .as(answer).isEqualTo("#/components/schemas/UnitMentionDto");
        }

        Api admin = anonymous.as(Fixtures.token(server.tracker(), Role.ADMIN));
        byte[] text = Demo.referencePlan().getBytes(StandardCharsets.UTF_8);
        Api.Res preview = admin.send("POST", "/api/v1/plans/import/preview", text, "text/plain; charset=utf-8");
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().get("unitMentions")).hasSize(6);
        assertConforms(preview.json(), ref("ImportPreviewDto"), schemas, "preview");
        Api.Res imported = admin.send("POST", "/api/v1/plans/import?planId=shape", text, "text/plain; charset=utf-8");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertConforms(imported.json(), ref("ImportDto"), schemas, "import");
    }

    private static JsonNode ref(String schema) {
        return Api.JSON.createObjectNode().put("$ref", "#/components/schemas/" + schema);
    }

    /** A small check of a value against the document's schemas: fields, item types and primitive types. */
    private static void assertConforms(JsonNode value, JsonNode schema, JsonNode schemas, String where) {
        if (schema.has("$ref")) {
            assertConforms(value, schemas.get(schema.get("$ref").asText().substring("#/components/schemas/".length())),
                    schemas, where);
            return;
        }
        if (!schema.has("type")) {
            return; // any value
        }
        Set<String> types = new TreeSet<>();
        if (schema.get("type").isArray()) {
            schema.get("type").forEach(t -> types.add(t.asText()));
        } else {
            types.add(schema.get("type").asText());
        }
        String actual = value.isNull() ? "null" : value.isObject() ? "object" : value.isArray() ? "array"
                : value.isTextual() ? "string" : value.isIntegralNumber() ? "integer" : value.isNumber() ? "number"
                : value.isBoolean() ? "boolean" : value.getNodeType().toString();
        assertThat(types).as(where + " = " + value).containsAnyOf(actual, actual.equals("integer") ? "number" : actual);
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                assertConforms(value.get(i), schema.get("items"), schemas, where + "[" + i + "]");
            }
        } else if (value.isObject() && schema.has("properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode property = schema.get("properties").get(f.getKey());
                assertThat(property).as(where + "." + f.getKey() + " is not in the schema").isNotNull();
                assertConforms(f.getValue(), property, schemas, where + "." + f.getKey());
            }
        } else if (value.isObject() && schema.has("additionalProperties")) {
            value.fields().forEachRemaining(f -> assertConforms(f.getValue(), schema.get("additionalProperties"),
                    schemas, where + "." + f.getKey()));
        }
    }

    @Test
    void swaggerUiIsServedLocally() {
        Api.Res page = anonymous.get("/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("/openapi.json").contains("/webjars/swagger-ui/");
        String js = page.text().replaceAll("(?s).*src=\"([^\"]+)\".*", "$1");
        Api.Res bundle = anonymous.get(js);
        assertThat(bundle.status()).as(js).isEqualTo(200);
        assertThat(bundle.raw.body().length).isGreaterThan(100_000);
    }
}
