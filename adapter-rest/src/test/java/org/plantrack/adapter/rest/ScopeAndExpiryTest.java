package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plantrack.adapter.rest.internal.Demo;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.model.Unit;

/**
 * Issue 14 §3 over real HTTP on an H2 file: every output respects a reporter's scope on the reference plan;
 * a unit parent cycle is 400; evidence links other than http(s) are 400; an expired token is 401 like a
 * revoked one and counts as a failed authentication.
 */
class ScopeAndExpiryTest {
    static final String NP = "/api/v1/plans/np-2017";

    /** A clock the test moves: the server's "now" for expiry and "today" for reports. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2017-10-08T01:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private final MovableClock clock = new MovableClock();
    private PlantrackServer server;
    private Api admin;

    @BeforeEach
    void start() {
        server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1").demo(false)
                .db(Fixtures.h2("scope")).clock(clock).authFailureLimit(1, 3).build());
        admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aReporterScopedToOneUnitGetsNoOtherUnitsNotesFromAnyOutput() {
        var t = server.tracker();
        Principal system = Principal.system();
        t.importPlan(system, Demo.referencePlan(), ImportOptions.withPlanId("np-2017"));
        t.saveUnit(system, new Unit("yanping", "延平区科协", null));
        t.saveUnit(system, new Unit("shunchang", "顺昌县科协", null));
        t.assignUnits(system, "np-2017", 1, "2.4", "yanping", List.of());
        t.assignUnits(system, "np-2017", 2, "3.1", "shunchang", List.of());
        Api yanping = admin.as(Fixtures.token(t, Role.REPORTER, "yanping"));
        Api shunchang = admin.as(Fixtures.token(t, Role.REPORTER, "shunchang"));
        Api.Res mine = yanping.post(NP + "/reports", Api.map("targetId", "2.4.3", "asOf", "2017-09-30", "value", 60,
                "mode", "SET", "note", "前三季度培训60名"));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
        Api.Res theirs = shunchang.post(NP + "/reports", Api.map("targetId", "3.1.1", "asOf", "2017-09-01",
                "value", 1, "mode", "SET", "note", "科技馆已开工，顺昌内部进度"));
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);
        String theirId = theirs.json().get("id").asText();

        // everywhere else the other unit's report does not exist for this reporter
        assertThat(yanping.get(NP + "/reports/" + theirId).status()).isEqualTo(404);
        assertThat(yanping.get(NP + "/reports?targetId=3.1.1").status()).isEqualTo(404);
        assertThat(yanping.get(NP + "/targets/3.1.1/burnup").status()).isEqualTo(404);
        assertThat(yanping.get(NP + "/reports").text()).doesNotContain("顺昌内部进度");
        assertThat(yanping.get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(yanping.get("/api/v1/audit/export").status()).isEqualTo(403);

        // so the year-end summary does not quote it either, but keeps the reporter's own note and the figures
        Api.Res summary = yanping.get(NP + "/year-end-summary?asOf=2017-10-08");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.text()).contains("最新进展：前三季度培训60名").doesNotContain("顺昌内部进度")
                .contains("全力推進南平市科技館年內開工建設（已完成）");
        assertThat(shunchang.get(NP + "/year-end-summary?asOf=2017-10-08").text())
                .contains("顺昌内部进度").doesNotContain("前三季度培训60名");
        assertThat(admin.get(NP + "/year-end-summary?asOf=2017-10-08").text())
                .contains("顺昌内部进度").contains("前三季度培训60名");

        // the other rendered outputs carry no report content at all
        for (String out : List.of("/report.md", "/report.html", "/report.csv", "/status", "/report.md?lang=en",
                "/targets/2.4.3/burnup")) {
            Api.Res r = yanping.get(NP + out + (out.contains("?") ? "&" : "?") + "asOf=2017-10-08");
            assertThat(r.status()).as(out).isEqualTo(200);
            assertThat(r.text()).as(out).doesNotContain("顺昌内部进度");
        }
    }

    @Test
    void aUnitParentCycleIs400NamingTheFieldTheValueAndThePath() {
        assertThat(admin.put("/api/v1/units/u-a", Api.map("name", "甲")).status()).isIn(200, 201);
        assertThat(admin.put("/api/v1/units/u-b", Api.map("name", "乙", "parentId", "u-a")).status()).isIn(200, 201);
        Api.Res cycle = admin.put("/api/v1/units/u-a", Api.map("name", "甲", "parentId", "u-b"));
        assertThat(cycle.status()).as(cycle.toString()).isEqualTo(400);
        assertThat(cycle.header("Content-Type")).startsWith("application/problem+json");
        assertThat(cycle.json().get("field").asText()).isEqualTo("unit[u-a].parentId");
        assertThat(cycle.json().get("value").asText()).isEqualTo("u-b");
        assertThat(cycle.json().get("detail").asText()).contains("u-a → u-b → u-a");
        assertThat(admin.get("/api/v1/units/u-a").json().has("parentId")
                && !admin.get("/api/v1/units/u-a").json().get("parentId").isNull()).isFalse();
    }

    @Test
    void evidenceWithAnotherSchemeIs400NamingTheLink() {
        Fixtures.setUp(admin, "p1");
        for (String bad : List.of("javascript:alert(document.cookie)", "data:text/html;base64,PHNjcmlwdD4=",
                "vbscript:msgbox(1)", "file:///etc/passwd", " JaVaScRiPt:alert(1)")) {
            Api.Res r = admin.post("/api/v1/plans/p1/reports", Api.map("targetId", "1.1.1", "asOf", "2017-06-30",
                    "value", 1, "mode", "SET", "evidence", List.of(bad)));
            assertThat(r.status()).as(bad + ": " + r).isEqualTo(400);
            assertThat(r.json().get("field").asText()).isEqualTo("report.evidence[0]");
            assertThat(r.json().get("value").asText()).isEqualTo(bad);
        }
        assertThat(admin.get("/api/v1/plans/p1/reports").json().get("total").asLong()).isZero();
        Api.Res ok = admin.post("/api/v1/plans/p1/reports", Api.map("targetId", "1.1.1", "asOf", "2017-06-30",
                "value", 1, "mode", "SET", "evidence", List.of("https://example.org/纪要.pdf", "南科协〔2017〕12号")));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    }

    @Test
    void aTokenCreatedWithAnExpiryIs401FromThenOnAndCountsAsAFailedAuthentication() {
        Api.Res created = admin.post("/api/v1/tokens", Api.map("role", "VIEWER", "label", "一个月",
                "expiresAt", "2017-11-08T09:00:00+08:00"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("expiresAt").asText()).isEqualTo("2017-11-08T01:00:00Z");
        Api viewer = admin.as(created.json().get("bearer").asText());
        String id = created.json().get("id").asText();
        JsonNode listed = null;
        for (JsonNode n : admin.get("/api/v1/tokens").json().get("items")) {
            if (n.get("id").asText().equals(id)) {
                listed = n;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("expiresAt").asText()).isEqualTo("2017-11-08T01:00:00Z");
        assertThat(viewer.get("/api/v1/plans").status()).isEqualTo(200);

        clock.now.set(Instant.parse("2017-11-08T00:59:59Z"));
        assertThat(viewer.get("/api/v1/plans").status()).isEqualTo(200);
        clock.now.set(Instant.parse("2017-11-08T01:00:00Z"));
        Api.Res expired = viewer.get("/api/v1/plans");
        assertThat(expired.status()).as("expired: refused like a revoked token").isEqualTo(401);
        assertThat(expired.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(expired.json().get("detail").asText()).contains("expired");
        // the limiter counts it as a failure: 3 at once are allowed, then 429
        assertThat(viewer.get("/api/v1/plans").status()).isEqualTo(401);
        assertThat(viewer.get("/api/v1/plans").status()).isEqualTo(401);
        assertThat(viewer.get("/api/v1/plans").status()).isEqualTo(429);
    }

    @Test
    void aBadOrPastExpiryIs400AndATokenWithoutOneDoesNotExpire() {
        Api.Res garbled = admin.post("/api/v1/tokens", Api.map("role", "VIEWER", "expiresAt", "next month"));
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.json().get("field").asText()).isEqualTo("token.expiresAt");
        assertThat(garbled.json().get("detail").asText()).contains("next month").contains("+08:00");
        Api.Res past = admin.post("/api/v1/tokens", Api.map("role", "VIEWER", "expiresAt", "2017-10-01T00:00:00+08:00"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("field").asText()).isEqualTo("token.expiresAt");
        Api.Res forever = admin.post("/api/v1/tokens", Api.map("role", "VIEWER"));
        assertThat(forever.status()).isEqualTo(201);
        assertThat(forever.json().get("expiresAt") == null || forever.json().get("expiresAt").isNull()).isTrue();
        clock.now.set(clock.instant().plus(Duration.ofDays(3650)));
        assertThat(admin.as(forever.json().get("bearer").asText()).get("/api/v1/plans").status()).isEqualTo(200);
    }

    @Test
    void theDemoAdminTokenExpiresADayAfterTheStartThatMadeItAndSaysSo() {
        try (PlantrackServer demo = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1").demo(true)
                .db(Fixtures.h2("scope-demo")).clock(clock).build())) {
            Instant started = clock.instant();
            assertThat(demo.demoAdminTokenExpiresAt()).contains(started.plus(Duration.ofHours(24)));
            assertThat(PlantrackServer.demoNotice(demo.demoAdminTokenExpiresAt().orElseThrow(), clock.getZone()))
                    .isEqualTo("Demo admin token (shown once, keep it; expires 2017-10-09T09:00+08:00, in 24 hours): ");
            Api demoAdmin = new Api(demo.port(), demo.demoAdminToken().orElseThrow());
            assertThat(demoAdmin.get("/api/v1/plans").status()).isEqualTo(200);
            clock.now.set(started.plus(Duration.ofHours(24)));
            assertThat(demoAdmin.get("/api/v1/plans").status()).isEqualTo(401);
        }
    }
}
