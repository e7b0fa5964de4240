package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantrack.adapter.rest.internal.Demo;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.importing.ImportWarning;

/**
 * The routes the dashboard needs beyond the plain API (a target's source sentence, its burn-up series,
 * import preview, the token's own scope) and the dashboard's static files.
 */
class DashboardApiTest {
    static final String PLAN = "np";
    static PlantrackServer server;
    static Api admin;
    static Api reporterA;
    static Api reporterB;

    @BeforeAll
    static void start() {
        Clock clock = Clock.fixed(LocalDate.of(2017, 6, 30).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1").db(Fixtures.h2("DashboardApi"))
                .demo(false).clock(clock).build());
        admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
        Fixtures.setUp(admin, PLAN);
        reporterA = admin.as(Fixtures.token(server.tracker(), Role.REPORTER, "u-a"));
        reporterB = admin.as(Fixtures.token(server.tracker(), Role.REPORTER, "u-b"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void meNamesTheTokensRoleAndUnits() {
        JsonNode me = reporterA.get("/api/v1/me").json();
        assertThat(me.get("role").asText()).isEqualTo("REPORTER");
        assertThat(me.get("units").get(0).asText()).isEqualTo("u-a");
        assertThat(admin.get("/api/v1/me").json().get("role").asText()).isEqualTo("ADMIN");
        assertThat(new Api(server.port(), null).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void burnUpFollowsTheReportsAndThePace() {
        assertThat(reporterA.post("/api/v1/plans/" + PLAN + "/reports", Fixtures.report("1.1.1", "2017-03-31", 50))
                .status()).isEqualTo(201);
        assertThat(reporterA.post("/api/v1/plans/" + PLAN + "/reports", Api.map("targetId", "1.1.1", "asOf",
                "2017-05-15", "value", 30, "mode", "ADD")).status()).isEqualTo(201);
        Api.Res res = admin.get("/api/v1/plans/" + PLAN + "/targets/1.1.1/burnup?asOf=2017-06-30");
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        JsonNode b = res.json();
        assertThat(b.get("goal").asDouble()).isEqualTo(200.0);
        assertThat(b.get("due").asText()).isEqualTo("2017-12-31");
        JsonNode first = point(b, "2017-01-01");
        assertThat(first.get("actual").asDouble()).isZero();
        assertThat(first.get("expected").asDouble()).isZero();
        assertThat(point(b, "2017-03-31").get("actual").asDouble()).isEqualTo(50.0);
        assertThat(point(b, "2017-05-15").get("actual").asDouble()).isEqualTo(80.0);
        assertThat(point(b, "2017-06-30").get("actual").asDouble()).isEqualTo(80.0);
        JsonNode end = point(b, "2017-12-31");
        assertThat(end.has("actual")).as("no actual value after the as-of date").isFalse();
        assertThat(end.get("expected").asDouble()).isEqualTo(200.0);
        // the expected value on the as-of date is what the evaluation says
        double expected = server.tracker().evaluate(Principal.system(), PLAN, LocalDate.of(2017, 6, 30))
                .target("1.1.1").orElseThrow().expected();
        assertThat(point(b, "2017-06-30").get("expected").asDouble()).isCloseTo(200 * expected,
                org.assertj.core.data.Offset.offset(1e-9));
        // an earlier as-of date hides the later report
        JsonNode march = admin.get("/api/v1/plans/" + PLAN + "/targets/1.1.1/burnup?asOf=2017-04-30").json();
        assertThat(point(march, "2017-04-30").get("actual").asDouble()).isEqualTo(50.0);
        assertThat(march.findValues("date").stream().map(JsonNode::asText)).doesNotContain("2017-05-15");
    }

    @Test
    void burnUpIsScopedForReporters() {
        assertThat(reporterB.get("/api/v1/plans/" + PLAN + "/targets/1.1.1/burnup").status()).isEqualTo(404);
        assertThat(reporterB.get("/api/v1/plans/" + PLAN + "/targets/1.2.1/burnup").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/plans/" + PLAN + "/targets/9.9.9/burnup").status()).isEqualTo(404);
        Api.Res bad = admin.get("/api/v1/plans/" + PLAN + "/targets/1.1.1/burnup?asOf=June");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("asOf");
    }

    @Test
    void sourceSentenceOfAReferencePlanTarget() {
        String text = Demo.referencePlan();
        Api.Res imported = admin.send("POST", "/api/v1/plans/import?planId=ref", text.getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=utf-8");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        JsonNode s = admin.get("/api/v1/plans/ref/targets/2.4.2/source").json();
        String sentence = s.get("sentence").asText();
        String marked = sentence.substring(s.get("matchStart").asInt(), s.get("matchEnd").asInt());
        JsonNode target = admin.get("/api/v1/plans/ref/targets/2.4.2").json();
        assertThat(marked).isEqualTo(target.get("description").asText());
        assertThat(sentence).endsWith("。").contains("10場").doesNotContain("200家企業免費");
        assertThat(s.get("taskId").asText()).isEqualTo("2.4");
        assertThat(s.get("source").get("line").asInt()).isEqualTo(target.get("source").get("line").asInt());
        assertThat(admin.get("/api/v1/plans/ref/targets/nope/source").status()).isEqualTo(404);
    }

    @Test
    void previewReadsWithoutStoringAndGivesOffsetsIntoTheText() {
        String text = Demo.referencePlan();
        long before = server.tracker().plans(Principal.system()).size();
        Api.Res res = admin.send("POST", "/api/v1/plans/import/preview?planId=preview-only",
                text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        JsonNode p = res.json();
        assertThat(p.get("text").asText()).isEqualTo(text);
        List<ImportWarning> expected = server.tracker().previewImport(org.plantrack.core.access.Principal.system(), text, ImportOptions.withPlanId("x")).warnings();
        assertThat(p.get("warnings").size()).isEqualTo(expected.size()).isPositive();
        for (JsonNode w : p.get("warnings")) {
            assertThat(text.substring(w.get("startOffset").asInt(), w.get("endOffset").asInt()))
                    .isEqualTo(w.get("snippet").asText());
        }
        assertThat(p.get("plan").get("id").asText()).isEqualTo("preview-only");
        assertThat(server.tracker().plans(Principal.system())).hasSize((int) before);
        assertThat(admin.get("/api/v1/plans/preview-only").status()).isEqualTo(404);
        assertThat(reporterA.send("POST", "/api/v1/plans/import/preview", text.getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=utf-8").status()).isEqualTo(403);
    }

    @Test
    void theDashboardIsServedWithItsChartLibrary() {
        Api anonymous = new Api(server.port(), null);
        Api.Res page = anonymous.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("/js/app.js").doesNotContain("${");
        String chart = page.text().replaceAll("(?s).*src=\"(/webjars/echarts/[^\"]+)\".*", "$1");
        Api.Res lib = anonymous.get(chart);
        assertThat(lib.status()).as(chart).isEqualTo(200);
        assertThat(lib.text().length()).isGreaterThan(500_000);
        assertThat(anonymous.get("/js/app.js").status()).isEqualTo(200);
        assertThat(anonymous.get("/css/app.css").status()).isEqualTo(200);
        assertThat(page.text()).doesNotContain("http://").doesNotContain("https://");
    }

    private static JsonNode point(JsonNode burnUp, String date) {
        for (JsonNode p : burnUp.get("points")) {
            if (p.get("date").asText().equals(date)) {
                return p;
            }
        }
        throw new AssertionError("no point on " + date + " in " + burnUp);
    }
}
