package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Role;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * Every change leaves an audit event naming who (the token id), when (UTC), what and the outcome; the
 * export holds the whole chain and can be re-checked on its own; a tampered row is detected.
 */
class AuditTrailTest {

    @Test
    void changesAreAuditedExportedAsAVerifiableChainAndTamperingIsDetected() throws Exception {
        String db = Fixtures.h2("AuditTrailTest");
        try (PlantrackServer server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1").db(db)
                .demo(false).build())) {
            String adminBearer = Fixtures.token(server.tracker(), Role.ADMIN);
            Api admin = new Api(server.port(), adminBearer);
            Fixtures.setUp(admin, "au");
            String reporterBearer = Fixtures.token(server.tracker(), Role.REPORTER, "u-a");
            Api reporter = admin.as(reporterBearer);
            assertThat(reporter.post("/api/v1/plans/au/reports", Fixtures.report("1.1.1", "2017-05-31", 9)).status())
                    .isEqualTo(201);
            assertThat(reporter.post("/api/v1/plans/au/reports", Fixtures.report("1.2.1", "2017-05-31", 9)).status())
                    .isEqualTo(403);

            Api.Res export = admin.get("/api/v1/audit/export");
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
            List<JsonNode> events = new ArrayList<>();
            for (String line : export.text().split("\n")) {
                events.add(Api.JSON.readTree(line));
            }
            String reporterId = reporterBearer.substring(3, reporterBearer.indexOf('.'));
            String previous = AuditEvent.GENESIS;
            long seq = 0;
            for (JsonNode e : events) {
                assertThat(e.get("sequence").asLong()).isEqualTo(++seq);
                assertThat(e.get("at").asText()).endsWith("Z");
                assertThat(e.get("actor").asText()).isNotBlank().doesNotContain(".");
                assertThat(e.get("action").asText()).isNotBlank();
                assertThat(e.get("previousHash").asText()).isEqualTo(previous);
                String expected = AuditEvent.computeHash(seq, Instant.parse(e.get("at").asText()), text(e, "actor"),
                        text(e, "action"), text(e, "planId"), text(e, "subject"), text(e, "before"), text(e, "after"),
                        e.get("success").asBoolean(), previous);
                // keyed with the store's audit key (kept outside the database): the public, unkeyed hash
                // cannot reproduce it; the links between events still re-check on their own
                assertThat(e.get("hash").asText()).as("event %d is keyed", seq).hasSize(64).isNotEqualTo(expected);
                previous = e.get("hash").asText();
            }
            assertThat(events).anySatisfy(e -> {
                assertThat(e.get("actor").asText()).isEqualTo(reporterId);
                assertThat(e.get("action").asText()).isEqualTo("report.add");
                assertThat(e.get("success").asBoolean()).isTrue();
            });
            assertThat(events).anySatisfy(e -> {
                assertThat(e.get("actor").asText()).isEqualTo(reporterId);
                assertThat(e.get("success").asBoolean()).isFalse();
            });
            assertThat(admin.get("/api/v1/audit/export?planId=au").text().split("\n")).allSatisfy(l ->
                    assertThat(Api.JSON.readTree(l).get("planId").asText()).isEqualTo("au"));
            JsonNode intact = admin.get("/api/v1/audit/verify").json();
            assertThat(intact.get("intact").asBoolean()).isTrue();
            assertThat(intact.get("status").asText()).isEqualTo("INTACT");
            assertThat(intact.get("unchecked")).isEmpty();

            long target = events.size() / 2;
            try (Connection c = Fixtures.connect(db);
                    Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("UPDATE plantrack_audit SET actor = 'someone-else' WHERE seq = " + target))
                        .isEqualTo(1);
            }
            JsonNode verify = admin.get("/api/v1/audit/verify").json();
            assertThat(verify.get("intact").asBoolean()).isFalse();
            assertThat(verify.get("status").asText()).isEqualTo("BROKEN");
            assertThat(verify.get("problems").toString()).contains(Long.toString(target));
        }
    }

    private static String text(JsonNode e, String field) {
        JsonNode n = e.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
