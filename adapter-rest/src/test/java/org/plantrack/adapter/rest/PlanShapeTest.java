package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.plantrack.adapter.rest.internal.Demo;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.exchange.PlanJson;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.model.Plan;

/**
 * The REST API answers a plan in the documented exchange format: the body of {@code GET /plans/{id}} (with the
 * format's version, which the body leaves out) reads back through {@link PlanJson} as the stored plan, field for
 * field, on the reference plan.
 */
class PlanShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPlanOverHttpIsTheExchangeFormat() throws Exception {
        try (PlantrackServer server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                .db(Fixtures.h2("PlanShapeTest")).demo(false).build())) {
            Plan stored = server.tracker().importPlan(Principal.system(), Demo.referencePlan(),
                    ImportOptions.withPlanId("np-shape")).plan();
            Api admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));

            Api.Res r = admin.get("/api/v1/plans/np-shape");
            assertThat(r.status()).isEqualTo(200);
            ObjectNode body = (ObjectNode) JSON.readTree(r.text());
            assertThat(body.has("formatVersion")).isFalse();
            body.put("formatVersion", PlanJson.FORMAT_VERSION);
            assertThat(PlanJson.read(JSON.writeValueAsString(body))).isEqualTo(stored);
            // and the same field names, level by level, as the exchange writer uses
            ObjectNode exchanged = (ObjectNode) JSON.readTree(PlanJson.write(stored));
            assertThat(fieldNames(body)).isEqualTo(fieldNames(exchanged));
        }
    }

    private static java.util.Set<String> fieldNames(com.fasterxml.jackson.databind.JsonNode n) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        collect(n, "", out);
        return out;
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode n, String path,
            java.util.Set<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    out.add(path + "/" + e.getKey());
                    collect(e.getValue(), path + "/" + e.getKey(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> collect(c, path + "[]", out));
        }
    }
}
