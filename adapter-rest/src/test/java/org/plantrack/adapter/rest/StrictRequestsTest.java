package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Role;

/**
 * Issue 14 §3, over real HTTP: a JSON {@code null} body (or a null in a list) is a 400 naming it on every
 * route that reads a body; requests Jetty refuses (a {@code %00} in the path, ...) are problems with a request
 * id on a connection that is either still usable or said to be closed; {@code If-Match} follows RFC 9110's
 * strong comparison; duplicate JSON keys are refused; an answer carrying a new bearer is not cached.
 */
class StrictRequestsTest {
    static PlantrackServer server;
    static Api admin;
    static Api reporter;

    @BeforeAll
    static void start() {
        server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                .db(Fixtures.h2("StrictRequestsTest")).demo(false).build());
        admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
        Fixtures.setUp(admin, "s");
        reporter = admin.as(Fixtures.token(server.tracker(), Role.REPORTER, "u-a"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertProblem(Api.Res r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.toString()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("requestId").asText()).as(r.toString()).isNotBlank().isEqualTo(r.header("X-Request-Id"));
    }

    private static String etag(String planId) {
        return admin.get("/api/v1/plans/" + planId).header("ETag");
    }

    private static String reportId() {
        Api.Res r = reporter.post("/api/v1/plans/s/reports", Fixtures.report("1.1.1", "2017-03-31", 1));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    /** Every route that reads a JSON body, as {@code METHOD template} → the concrete path to call. */
    private static Map<String, String> jsonBodyRoutes() {
        Map<String, String> m = new LinkedHashMap<>();
        String p = "/api/v1/plans";
        m.put("POST " + p, p);
        m.put("PUT " + p + "/{planId}", p + "/s");
        m.put("PUT " + p + "/{planId}/settings", p + "/s/settings");
        m.put("PUT " + p + "/{planId}/sections/{sectionId}", p + "/s/sections/1");
        m.put("PUT " + p + "/{planId}/tasks/{taskId}", p + "/s/tasks/1.1");
        m.put("PUT " + p + "/{planId}/tasks/{taskId}/units", p + "/s/tasks/1.1/units");
        m.put("PUT " + p + "/{planId}/targets/{targetId}", p + "/s/targets/1.1.1");
        m.put("POST " + p + "/{planId}/reports", p + "/s/reports");
        m.put("POST " + p + "/{planId}/reports/{reportId}/corrections", p + "/s/reports/" + reportId() + "/corrections");
        m.put("PUT " + p + "/{planId}/supervision", p + "/s/supervision");
        m.put("POST " + p + "/{planId}/tasks/assign-all", p + "/s/tasks/assign-all");
        for (String step : List.of("assign", "acknowledge", "request-completion", "return", "close", "reopen",
                "status", "reports")) {
            m.put("POST " + p + "/{planId}/tasks/{taskId}/" + step, p + "/s/tasks/1.1/" + step);
        }
        m.put("POST " + p + "/{planId}/task-reports/{reportId}/review", p + "/s/task-reports/tr-none/review");
        m.put("PUT /api/v1/units/{unitId}", "/api/v1/units/u-null");
        m.put("POST /api/v1/tokens", "/api/v1/tokens");
        return m;
    }

    /** Writes that take no JSON body: a document or CSV file to import, or nothing at all. */
    private static final List<String> NOT_JSON = List.of("POST /api/v1/plans/import", "POST /api/v1/plans/import/preview",
            "POST /api/v1/plans/{planId}/archive", "POST /api/v1/plans/{planId}/reports/import",
            "POST /api/v1/plans/{planId}/tasks/{taskId}/evidence");

    @Test
    void everyWriteRouteIsClassified() {
        // a new route that takes a body must be added to jsonBodyRoutes (and so to the null-body test)
        List<String> writes = new ArrayList<>();
        for (String r : server.routes()) {
            if (r.startsWith("POST ") || r.startsWith("PUT ") || r.startsWith("PATCH ")) {
                writes.add(r);
            }
        }
        List<String> known = new ArrayList<>(jsonBodyRoutes().keySet());
        known.addAll(NOT_JSON);
        assertThat(known).containsExactlyInAnyOrderElementsOf(writes);
    }

    @Test
    void aNullBodyIs400NamingTheBodyOnEveryRouteThatReadsOne() {
        String settingsBefore = admin.get("/api/v1/plans/s").json().get("settings").toString();
        for (var e : jsonBodyRoutes().entrySet()) {
            String method = e.getKey().split(" ", 2)[0];
            String[] ifMatch = e.getValue().startsWith("/api/v1/plans/s/") && method.equals("PUT")
                    || e.getValue().equals("/api/v1/plans/s") ? new String[] {"If-Match", etag("s")} : new String[0];
            Api as = e.getKey().contains("/reports") ? reporter : admin;
            String version = etag("s");
            Api.Res r = as.send(method, e.getValue(), "null".getBytes(StandardCharsets.UTF_8), "application/json",
                    ifMatch);
            assertProblem(r, 400);
            assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo("body");
            assertThat(r.json().get("detail").asText()).as(r.toString()).contains("body").contains("null");
            assertThat(etag("s")).as("the plan is unchanged after %s", r).isEqualTo(version);
        }
        assertThat(admin.get("/api/v1/plans/s").json().get("settings").toString())
                .as("PUT settings with null must not reset them").isEqualTo(settingsBefore);
        assertThat(admin.get("/api/v1/units/u-null").status()).isEqualTo(404);
    }

    @Test
    void settingsAreNotResetByANullBody() {
        Api.Res set = admin.put("/api/v1/plans/s/settings", Api.map("preset", "cn-supervision", "graceDays", 7),
                "If-Match", etag("s"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        Api.Res r = admin.send("PUT", "/api/v1/plans/s/settings", "null".getBytes(StandardCharsets.UTF_8),
                "application/json", "If-Match", set.header("ETag"));
        assertProblem(r, 400);
        Api.Res after = admin.get("/api/v1/plans/s");
        assertThat(after.header("ETag")).isEqualTo(set.header("ETag"));
        assertThat(after.json().get("settings").get("preset").asText()).isEqualTo("cn-supervision");
        assertThat(after.json().get("settings").get("graceDays").asInt()).isEqualTo(7);
    }

    @Test
    void aNullInAListIs400NamingItsPlace() {
        int tokens = admin.get("/api/v1/tokens").json().get("total").asInt();
        Api.Res r = admin.post("/api/v1/tokens", "{\"role\":\"viewer\",\"units\":[null]}");
        assertProblem(r, 400);
        assertThat(r.json().get("field").asText()).isEqualTo("units[0]");
        assertThat(r.json().get("detail").asText()).contains("units[0]");
        assertThat(admin.get("/api/v1/tokens").json().get("total").asInt()).isEqualTo(tokens);
        Api.Res ev = reporter.post("/api/v1/plans/s/reports", "{\"targetId\":\"1.1.1\",\"asOf\":\"2017-04-01\","
                + "\"value\":1,\"mode\":\"ADD\",\"evidence\":[\"https://example.org/a\",null]}");
        assertProblem(ev, 400);
        assertThat(ev.json().get("detail").asText()).contains("evidence[1]");
    }

    @Test
    void duplicateKeysAreRefusedByName() {
        long before = admin.get("/api/v1/plans/s/reports?limit=1").json().get("total").asLong();
        Api.Res r = reporter.post("/api/v1/plans/s/reports", "{\"targetId\":\"1.1.1\",\"asOf\":\"2017-05-01\","
                + "\"value\":1,\"value\":1000,\"mode\":\"ADD\"}");
        assertProblem(r, 400);
        assertThat(r.json().get("detail").asText()).contains("'value'");
        Api.Res nested = admin.post("/api/v1/tokens", "{\"role\":\"viewer\",\"label\":\"a\",\"role\":\"admin\"}");
        assertProblem(nested, 400);
        assertThat(nested.json().get("detail").asText()).contains("'role'");
        assertThat(admin.get("/api/v1/plans/s/reports?limit=1").json().get("total").asLong()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ If-Match (RFC 9110 §13.1.1)

    private static Api.Res editTitle(String planId, String title, String ifMatch) {
        return admin.put("/api/v1/plans/" + planId + "/sections/1", Api.map("title", title), "If-Match", ifMatch);
    }

    @Test
    void ifMatchUsesTheStrongComparison() {
        admin.post("/api/v1/plans", Fixtures.plan("im"));
        // * matches any existing plan
        Api.Res star = editTitle("im", "一、星号", "*");
        assertThat(star.status()).as(star.toString()).isEqualTo(200);
        assertThat(star.header("ETag")).isEqualTo("\"2\"");
        // a weak tag never matches, even the current version
        Api.Res weak = editTitle("im", "一、弱", "W/\"2\"");
        assertProblem(weak, 412);
        assertThat(weak.header("ETag")).isEqualTo("\"2\"");
        // an unquoted tag is not an entity-tag at all
        Api.Res unquoted = editTitle("im", "一、无引号", "2");
        assertProblem(unquoted, 400);
        assertThat(unquoted.json().get("field").asText()).isEqualTo("If-Match");
        assertThat(unquoted.json().get("value").asText()).isEqualTo("2");
        // a list matches when one of its tags does
        Api.Res list = editTitle("im", "一、列表", "\"1\", \"2\"");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.header("ETag")).isEqualTo("\"3\"");
        assertProblem(editTitle("im", "一、旧", "\"1\", \"2\""), 412);
        assertProblem(editTitle("im", "一、坏列表", "\"3\", 4"), 400);
        assertThat(admin.get("/api/v1/plans/im/sections/1").json().get("title").asText()).isEqualTo("一、列表");
        // the same holds on every route that takes If-Match
        Api.Res archived = admin.post("/api/v1/plans/im/archive", null, "If-Match", "W/\"3\"");
        assertProblem(archived, 412);
        assertThat(admin.post("/api/v1/plans/im/archive", null, "If-Match", "*").status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ no-store on new bearers

    @Test
    void anAnswerCarryingANewBearerIsNotCached() {
        Api.Res r = admin.post("/api/v1/tokens", Api.map("role", "viewer", "label", "cache"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("bearer").asText()).startsWith("pt_");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.header("Pragma")).isEqualTo("no-cache");
    }

    // ------------------------------------------------------------------ requests Jetty refuses

    @Test
    void pathsJettyRefusesAreProblemsOnAConnectionThatSaysWhetherItCloses() throws IOException {
        List<String> paths = List.of("/api/v1/plans/a%00b", "/api/v1/plans/%00", "/api/v1/units/a%00", "/a%00b",
                "/api/v1/plans/a\\b", "/api/v1/plans/%ff", "/api/v1/plans/%c0%ae", "/api/v1/plans/%ZZ",
                "/../../etc/passwd", "/api/v1/plans/a%01b");
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            for (String path : paths) {
                RawHttp.Raw r = RawHttp.refusedThenNext(server.port(), method + " " + path
                        + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
                // %00 and the like are refused by Jetty (400); %01 reaches the server (401 without a token)
                assertThat(r.statusLine()).as(method + " " + path).matches(path.contains("%01")
                        ? "HTTP/1.1 401 .*" : "HTTP/1.1 400 .*");
            }
        }
    }

    @Test
    void jettyLevelErrorsAreProblemsWithARequestId() throws IOException {
        for (String request : List.of("GET /health HTTP/1.1\r\nHost: localhost\r\nBad Header: 1\r\n\r\n",
                "PUT /health HTTP/1.1\r\nHost: localhost\r\nX: a\u0001b\r\n\r\n",
                "DELETE /health HTTP/9.9\r\nHost: localhost\r\n\r\n",
                "OPTIONS /health HTTP/1.1\r\n\r\n",
                "PATCH /health HTTP/1.1\r\nHost: localhost\r\nContent-Length: x\r\n\r\n",
                "G@T /health HTTP/1.1\r\nHost: localhost\r\n\r\n",
                // unknown paths and methods not allowed are answered by the server, on a usable connection
                "PATCH /api/v1/plans HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "DELETE /no/such/path HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "OPTIONS /api/v1/plans HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "TRACE /health HTTP/1.1\r\nHost: localhost\r\n\r\n")) {
            RawHttp.Raw r = RawHttp.refusedThenNext(server.port(), request);
            assertThat(r.statusLine()).as(request).matches("HTTP/1.1 [45]\\d\\d .*");
        }
    }
}
