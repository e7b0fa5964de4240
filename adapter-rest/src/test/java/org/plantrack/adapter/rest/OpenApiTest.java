package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
