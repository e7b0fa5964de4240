package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Role;

/** The main flow and every refusal (401, 403, 404) over real HTTP. */
class ApiFlowTest {
    static PlantrackServer server;
    static Api admin;
    static Api reporterA;
    static Api viewer;
    static Api anonymous;

    @BeforeAll
    static void start() {
        server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1").db(Fixtures.h2("ApiFlowTest")).demo(false).build());
        admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
        anonymous = new Api(server.port(), null);
        Fixtures.setUp(admin, "flow");
        reporterA = admin.as(Fixtures.token(server.tracker(), Role.REPORTER, "u-a"));
        viewer = admin.as(Fixtures.token(server.tracker(), Role.VIEWER));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void reporterReportsOnItsTargetAndViewerReadsTheStatus() {
        Api.Res posted = reporterA.post("/api/v1/plans/flow/reports", Fixtures.report("1.1.1", "2017-06-30", 120));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.json().get("targetId").asText()).isEqualTo("1.1.1");
        assertThat(posted.header("Location")).startsWith("/api/v1/plans/flow/reports/");

        Api.Res status = viewer.get("/api/v1/plans/flow/status?asOf=2017-06-30");
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        JsonNode body = status.json();
        assertThat(body.get("asOf").asText()).isEqualTo("2017-06-30");
        JsonNode t = body.get("targets").get(0);
        assertThat(t.get("targetId").asText()).isEqualTo("1.1.1");
        assertThat(t.get("current").asDouble()).isEqualTo(120.0);
        assertThat(t.get("reason").get("zh").asText()).isNotBlank();
        assertThat(t.get("reason").get("en").asText()).isNotBlank();
        assertThat(body.get("plan").get("level").asText()).isEqualTo("PLAN");
        assertThat(body.get("tasks")).hasSize(2);
        assertThat(body.get("sections")).hasSize(1);
        assertThat(body.get("units").findValuesAsText("id")).contains("u-a", "u-b");
        int counted = 0;
        for (JsonNode c : body.get("counts")) {
            counted += c.asInt();
        }
        assertThat(counted).isEqualTo(2);
    }

    @Test
    void renderedReportsComeInEveryFormat() {
        Api.Res csv = viewer.get("/api/v1/plans/flow/report.csv?asOf=2017-06-30");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.raw.body()).startsWith(0xEF, 0xBB, 0xBF);
        Api.Res md = viewer.get("/api/v1/plans/flow/report.md?asOf=2017-06-30&lang=en");
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.text()).contains("1.1.1");
        Api.Res html = viewer.get("/api/v1/plans/flow/report.html?asOf=2017-06-30");
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(new String(html.raw.body(), StandardCharsets.UTF_8)).containsIgnoringCase("<html");
        assertThat(viewer.get("/api/v1/plans/flow/year-end-summary?asOf=2017-12-31").status()).isEqualTo(200);
        Api.Res badLang = viewer.get("/api/v1/plans/flow/report.md?lang=fr");
        assertThat(badLang.status()).isEqualTo(400);
        assertThat(badLang.json().get("field").asText()).isEqualTo("lang");
    }

    @Test
    void withoutATokenOrWithABadOneTheAnswerIs401WithWwwAuthenticate() {
        Api.Res none = anonymous.get("/api/v1/plans");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
        assertThat(none.json().get("type").asText()).isEqualTo("https://plantrack.org/problems/unauthorized");

        Api.Res bad = anonymous.as("pt_nosuch.secret").get("/api/v1/plans");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.header("WWW-Authenticate")).contains("invalid_token");
        Api.Res garbage = anonymous.get("/api/v1/plans", "Authorization", "Basic Zm9vOmJhcg==");
        assertThat(garbage.status()).isEqualTo(401);
    }

    @Test
    void aRevokedTokenNoLongerWorks() {
        String bearer = Fixtures.token(server.tracker(), Role.VIEWER);
        Api v = admin.as(bearer);
        assertThat(v.get("/api/v1/plans").status()).isEqualTo(200);
        String id = bearer.substring(3, bearer.indexOf('.'));
        Api.Res revoked = admin.delete("/api/v1/tokens/" + id);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("revokedAt").asText()).isNotBlank();
        assertThat(v.get("/api/v1/plans").status()).isEqualTo(401);
    }

    @Test
    void rolesThatMayNotAreRefusedWith403() {
        Api.Res viewerCreates = viewer.post("/api/v1/plans", Fixtures.plan("not-by-viewer"));
        assertThat(viewerCreates.status()).isEqualTo(403);
        assertThat(viewerCreates.json().get("type").asText()).endsWith("/forbidden");
        assertThat(viewer.post("/api/v1/plans/flow/reports", Fixtures.report("1.1.1", "2017-06-30", 1)).status())
                .isEqualTo(403);
        assertThat(reporterA.post("/api/v1/tokens", Api.map("role", "ADMIN")).status()).isEqualTo(403);
        assertThat(reporterA.get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(viewer.get("/api/v1/tokens").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/plans").status()).isEqualTo(200);
        // A reporter writing on another unit's target: the facade refuses, 403.
        Api.Res other = reporterA.post("/api/v1/plans/flow/reports", Fixtures.report("1.2.1", "2017-06-30", 3));
        assertThat(other.status()).as(other.toString()).isEqualTo(403);
        assertThat(other.json().get("detail").asText()).contains("1.2.1");
    }

    @Test
    void aReporterCannotSeeAnotherUnitsReports404() {
        Api.Res theirs = admin.post("/api/v1/plans/flow/reports", Fixtures.report("1.2.1", "2017-05-31", 4));
        assertThat(theirs.status()).isEqualTo(201);
        String reportId = theirs.json().get("id").asText();

        assertThat(reporterA.get("/api/v1/plans/flow/reports?unitId=u-b").status()).isEqualTo(404);
        assertThat(reporterA.get("/api/v1/plans/flow/reports?targetId=1.2.1").status()).isEqualTo(404);
        assertThat(reporterA.get("/api/v1/plans/flow/reports/" + reportId).status()).isEqualTo(404);
        Api.Res mine = reporterA.get("/api/v1/plans/flow/reports");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("items").findValuesAsText("targetId")).doesNotContain("1.2.1");
        // the admin sees them
        assertThat(admin.get("/api/v1/plans/flow/reports?unitId=u-b").json().get("items").findValuesAsText("id"))
                .contains(reportId);
        assertThat(viewer.get("/api/v1/plans/flow/reports/" + reportId).status()).isEqualTo(200);
    }

    @Test
    void missingObjectsAre404() {
        Api.Res plan = viewer.get("/api/v1/plans/nosuch");
        assertThat(plan.status()).isEqualTo(404);
        assertThat(plan.json().get("detail").asText()).contains("nosuch");
        assertThat(viewer.get("/api/v1/plans/flow/targets/9.9.9").status()).isEqualTo(404);
        assertThat(viewer.get("/api/v1/plans/flow/tasks/9.9").status()).isEqualTo(404);
        assertThat(viewer.get("/api/v1/plans/flow/sections/9").status()).isEqualTo(404);
        assertThat(viewer.get("/api/v1/units/nosuch").status()).isEqualTo(404);
        Api.Res route = viewer.get("/api/v1/nothing-here");
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void listsArePagedWithTotals() {
        for (int i = 0; i < 3; i++) {
            admin.put("/api/v1/units/page-" + i, Api.map("name", "单位" + i));
        }
        Api.Res page = viewer.get("/api/v1/units?limit=2&offset=1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(2);
        assertThat(page.json().get("total").asLong()).isGreaterThanOrEqualTo(5);
        Api.Res tooMany = viewer.get("/api/v1/units?limit=501");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("field").asText()).isEqualTo("limit");
        assertThat(tooMany.json().get("value").asText()).isEqualTo("501");
    }

    @Test
    void correctionsSupersedeAndTheAuditTrailVerifies() {
        Api.Res first = reporterA.post("/api/v1/plans/flow/reports", Fixtures.report("1.1.1", "2017-03-31", 50));
        String id = first.json().get("id").asText();
        Api.Res fixed = reporterA.post("/api/v1/plans/flow/reports/" + id + "/corrections",
                Api.map("asOf", "2017-03-31", "value", 55, "mode", "SET", "note", "typo"));
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(201);
        assertThat(fixed.json().get("supersedes").asText()).isEqualTo(id);

        Api.Res trail = viewer.get("/api/v1/audit?planId=flow&limit=500");
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.json().get("items").findValuesAsText("action")).contains("plan.create", "report.correct");
        Api.Res verify = viewer.get("/api/v1/audit/verify");
        assertThat(verify.json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void healthNeedsNoToken() {
        Api.Res h = anonymous.get("/health");
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void tokensAreCreatedByAdminsAndShownOnce() {
        Api.Res made = admin.post("/api/v1/tokens", Api.map("role", "reporter", "units", java.util.List.of("u-b"),
                "label", "乙区填报员"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String bearer = made.json().get("bearer").asText();
        assertThat(bearer).startsWith("pt_");
        Api.Res list = admin.get("/api/v1/tokens");
        assertThat(list.text()).doesNotContain(bearer.substring(bearer.indexOf('.') + 1));
        Api.Res reporterB = admin.as(bearer).post("/api/v1/plans/flow/reports",
                Fixtures.report("1.2.1", "2017-06-30", 5));
        assertThat(reporterB.status()).as(reporterB.toString()).isEqualTo(201);
        Api.Res noUnits = admin.post("/api/v1/tokens", Api.map("role", "reporter"));
        assertThat(noUnits.status()).isEqualTo(400);
        assertThat(noUnits.json().get("field").asText()).isEqualTo("token.units");
    }
}
