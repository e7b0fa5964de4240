package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Role;

/** Problem answers, ETag/If-Match, Idempotency-Key, body limits and the rate limit. */
class ApiErrorsTest {
    static PlantrackServer server;
    static Api admin;
    static Api reporterA;
    static String adminToken;

    @BeforeAll
    static void start() {
        server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1").db(Fixtures.h2("ApiErrorsTest")).demo(false)
                .maxBodyBytes(16 * 1024).maxImportBytes(64 * 1024).build());
        adminToken = Fixtures.token(server.tracker(), Role.ADMIN);
        admin = new Api(server.port(), adminToken);
        Fixtures.setUp(admin, "err");
        reporterA = admin.as(Fixtures.token(server.tracker(), Role.REPORTER, "u-a"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertProblem(Api.Res r, int status, String type) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("type").asText()).isEqualTo("https://plantrack.org/problems/" + type);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("requestId").asText()).isEqualTo(r.header("X-Request-Id"));
        assertThat(r.text()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aNumberGivenAsTextIsAWrongTypeNotAQuietConversion() {
        long before = admin.get("/api/v1/plans/err/reports").json().get("total").asLong();
        Api.Res text = admin.send("POST", "/api/v1/plans/err/reports", ("{\"targetId\":\"1.1.1\",\"asOf\":\"2017-03-31\","
                + "\"value\":\"5\",\"mode\":\"SET\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/json");
        assertProblem(text, 400, "invalid-input");
        assertThat(text.json().get("detail").asText()).contains("field 'value' of a progress report: expected a number")
                .contains("without quotes").contains("line 1");
        Api.Res bool = admin.send("POST", "/api/v1/plans/err/reports", ("{\"targetId\":\"1.1.1\",\"asOf\":\"2017-03-31\","
                + "\"value\":true,\"mode\":\"SET\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/json");
        assertProblem(bool, 400, "invalid-input");
        assertThat(admin.get("/api/v1/plans/err/reports").json().get("total").asLong()).isEqualTo(before);
        assertThat(admin.post("/api/v1/plans/err/reports", Fixtures.report("1.1.1", "2017-03-31", 5)).status())
                .as("a number stays a number").isEqualTo(201);
    }

    @Test
    void validationNamesTheFieldAndValue() {
        Api.Res r = reporterA.post("/api/v1/plans/err/reports", Fixtures.report("1.1.1", "2016-12-31", 3));
        assertProblem(r, 400, "invalid-input");
        assertThat(r.json().get("field").asText()).isEqualTo("report.asOf");
        assertThat(r.json().get("value").asText()).isEqualTo("2016-12-31");
        assertThat(r.json().get("detail").asText()).contains("report.asOf").contains("2016-12-31");
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        var body = Fixtures.report("1.1.1", "2017-06-30", 3);
        body.put("valeu", 4);
        Api.Res r = reporterA.post("/api/v1/plans/err/reports", body);
        assertProblem(r, 400, "invalid-input");
        assertThat(r.json().get("detail").asText()).contains("unknown field 'valeu'").contains("value");
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        Api.Res r = reporterA.post("/api/v1/plans/err/reports", "{\n  \"targetId\": \"1.1.1\",\n  \"value\": }");
        assertProblem(r, 400, "malformed-json");
        assertThat(r.json().get("detail").asText()).contains("line 3").contains("column");
    }

    @Test
    void wrongTypesAndMissingValuesNameTheField() {
        Api.Res date = reporterA.post("/api/v1/plans/err/reports",
                Api.map("targetId", "1.1.1", "asOf", "30.6.2017", "value", 1, "mode", "SET"));
        assertProblem(date, 400, "invalid-input");
        assertThat(date.json().get("detail").asText()).contains("asOf").contains("30.6.2017");
        Api.Res noValue = reporterA.post("/api/v1/plans/err/reports",
                Api.map("targetId", "1.1.1", "asOf", "2017-06-30", "mode", "SET"));
        assertProblem(noValue, 400, "invalid-input");
        assertThat(noValue.json().get("field").asText()).isEqualTo("report.value");
        Api.Res mode = reporterA.post("/api/v1/plans/err/reports",
                Api.map("targetId", "1.1.1", "asOf", "2017-06-30", "value", 1, "mode", "MORE"));
        assertThat(mode.json().get("field").asText()).isEqualTo("report.mode");
    }

    @Test
    void requestIdsAreEchoedOrGenerated() {
        Api.Res given = admin.get("/api/v1/plans/nosuch", "X-Request-Id", "abc-123");
        assertThat(given.header("X-Request-Id")).isEqualTo("abc-123");
        assertThat(given.json().get("requestId").asText()).isEqualTo("abc-123");
        Api.Res hostile = admin.get("/api/v1/plans/nosuch", "X-Request-Id", "a b<script>");
        assertThat(hostile.header("X-Request-Id")).isNotEqualTo("a b<script>").isNotBlank();
        assertThat(admin.get("/api/v1/plans").header("X-Request-Id")).isNotBlank();
    }

    @Test
    void bodiesOverTheLimitAre413AndStoreNothing() {
        int plansBefore = admin.get("/api/v1/plans").json().get("items").size();
        var big = Fixtures.plan("too-big");
        big.put("preamble", "很".repeat(20_000));
        Api.Res r = admin.post("/api/v1/plans", big);
        assertProblem(r, 413, "payload-too-large");
        assertThat(r.json().get("detail").asText()).contains("16384");
        assertThat(admin.get("/api/v1/plans").json().get("items")).hasSize(plansBefore);
        assertThat(admin.get("/api/v1/plans/too-big").status()).isEqualTo(404);
        // imports have their own, larger limit
        Api.Res imp = admin.send("POST", "/api/v1/plans/import", new byte[70 * 1024], "text/plain; charset=utf-8");
        assertProblem(imp, 413, "payload-too-large");
    }

    @Test
    void aFailedRequestStoresNothing() {
        var bad = Fixtures.plan("half");
        @SuppressWarnings("unchecked")
        var sections = new java.util.ArrayList<>((List<java.util.Map<String, Object>>) bad.get("sections"));
        sections.add(Api.map("id", "1", "title", "重复的编号"));
        bad.put("sections", sections);
        Api.Res r = admin.post("/api/v1/plans", bad);
        assertProblem(r, 400, "invalid-input");
        assertThat(r.json().get("field").asText()).isEqualTo("section.id");
        assertThat(admin.get("/api/v1/plans/half").status()).isEqualTo(404);
    }

    /** A multipart upload whose part header holds a NUL: Jetty's parser gives up half-way through the body. */
    private static byte[] unreadableUpload(String boundary) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + "x".repeat(20_000) + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUnreadableUploadIsAnsweredWithConnectionClose() throws Exception {
        byte[] body = unreadableUpload("----plantrackErr");
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/plans/import?planId=up-err HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + adminToken + "\r\nContent-Type: multipart/form-data; boundary=----plantrackErr\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            // the rest of the body stays unread, so the server closes the connection after the answer and
            // must say so; readAllBytes returns only because the server closed it
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400 ");
            String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
            assertThat(head).contains("\r\nconnection: close").contains("content-type: application/problem+json");
            assertThat(answer).contains("\"type\":\"https://plantrack.org/problems/invalid-input\"")
                    .doesNotContain("Exception");
        }
        assertThat(admin.get("/api/v1/plans/up-err").status()).isEqualTo(404);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeTheClientSendsIt() throws Exception {
        // headers only: a 64 MiB body (more than the server reads to throw away), and a 1 MiB body with
        // Expect: 100-continue; both clients wait for the answer before sending any of the body
        // (and a small body with Expect: 100-continue but a token that is not valid: 401, no 100 Continue)
        for (String[] c : List.of(new String[] {adminToken, "Content-Length: " + (64L << 20), "413 ", "payload-too-large"},
                new String[] {adminToken, "Content-Length: 1048576\r\nExpect: 100-continue", "413 ", "payload-too-large"},
                new String[] {"pt_nope.nope", "Content-Length: 200\r\nExpect: 100-continue", "401 ", "unauthorized"})) {
            String extra = c[1];
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write(("POST /api/v1/plans/err/reports HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + c[0] + "\r\nContent-Type: application/json\r\n" + extra
                        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).as(extra).startsWith("HTTP/1.1 " + c[2]).contains(c[3]);
                assertThat(answer.toLowerCase(java.util.Locale.ROOT)).as(extra).contains("\r\nconnection: close\r\n");
            }
        }
    }

    @Test
    void overLongHeadersAndURIsAreAnsweredWhileTheClientIsStillSending() {
        // a 9–60 KB head is still being written when the server decides; the answer must reach the client
        // (the JDK client drops an answer when its write fails under it, so the server must read the head)
        for (int i = 0; i < 150; i++) {
            int size = 9_000 + (i * 1_201) % 51_000;
            Api.Res r = reporterA.send("POST", "/api/v1/plans/err/reports",
                    Api.bytes(Fixtures.report("1.1.1", "2017-05-02", 1)), "application/json", "X-Custom", "x".repeat(size));
            assertProblem(r, 431, "header-too-large");
            assertThat(r.json().get("detail").asText()).contains("8192");
        }
        Api.Res longUri = reporterA.get("/api/v1/plans/err/reports?targetId=" + "1".repeat(20_000));
        assertProblem(longUri, 414, "uri-too-long");
        // a head just under the limit is fine
        assertThat(reporterA.get("/api/v1/plans/err", "X-Custom", "x".repeat(6_000)).status()).isEqualTo(200);
        // beyond what the server reads at all, Jetty refuses (and closes); the server goes on
        try {
            Api.Res huge = reporterA.get("/api/v1/plans/err", "X-Custom", "x".repeat(400_000));
            assertProblem(huge, 431, "header-too-large");
        } catch (IllegalStateException closedWhileSending) {
            assertThat(closedWhileSending).hasRootCauseInstanceOf(java.io.IOException.class);
        }
        assertThat(reporterA.get("/api/v1/plans/err").status()).isEqualTo(200);
    }

    @Test
    void requestsAfterAnUnreadableUploadOnAPooledClientAreAnswered() {
        // a client keeps connections for the next request; none may be sent into a connection the server closed
        for (int i = 0; i < 40; i++) {
            String boundary = "----plantrackPool" + i;
            Api.Res bad = admin.send("POST", "/api/v1/plans/import?planId=up-err", unreadableUpload(boundary),
                    "multipart/form-data; boundary=" + boundary);
            assertProblem(bad, 400, "invalid-input");
            assertThat(admin.send("POST", "/api/v1/plans/err/reports", Api.bytes(Fixtures.report("1.1.1", "2017-05-02", i)),
                    "application/json", "Idempotency-Key", "pool-" + i).status()).isEqualTo(201);
        }
    }

    @Test
    void wrongMediaTypeIs415() {
        Api.Res r = admin.send("POST", "/api/v1/plans", "x=1".getBytes(), "application/x-www-form-urlencoded");
        assertProblem(r, 415, "unsupported-media-type");
    }

    @Test
    void planEditsNeedIfMatch() {
        admin.post("/api/v1/plans", Fixtures.plan("etag"));
        Api.Res got = admin.get("/api/v1/plans/etag");
        assertThat(got.header("ETag")).isEqualTo("\"1\"");

        Api.Res missing = admin.put("/api/v1/plans/etag/targets/1.1.1", target(300));
        assertProblem(missing, 428, "precondition-required");

        Api.Res ok = admin.put("/api/v1/plans/etag/targets/1.1.1", target(300), "If-Match", "\"1\"");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.header("ETag")).isEqualTo("\"2\"");
        assertThat(ok.json().get("goal").asDouble()).isEqualTo(300.0);

        Api.Res stale = admin.put("/api/v1/plans/etag/targets/1.1.1", target(400), "If-Match", "\"1\"");
        assertProblem(stale, 412, "precondition-failed");
        assertThat(stale.header("ETag")).isEqualTo("\"2\"");
        assertThat(admin.get("/api/v1/plans/etag/targets/1.1.1").json().get("goal").asDouble()).isEqualTo(300.0);

        Api.Res archived = admin.post("/api/v1/plans/etag/archive", null, "If-Match", "\"2\"");
        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(archived.json().get("state").asText()).isEqualTo("ARCHIVED");
        Api.Res afterArchive = admin.put("/api/v1/plans/etag/sections/1", Api.map("title", "新标题"),
                "If-Match", "\"3\"");
        assertProblem(afterArchive, 409, "conflict");
    }

    @Test
    void wholePlanAndSectionEditsKeepVersions() {
        Api.Res created = admin.post("/api/v1/plans", Fixtures.plan("whole"));
        var edited = Fixtures.plan("whole");
        edited.put("title", "修订后的工作要点");
        Api.Res put = admin.put("/api/v1/plans/whole", edited, "If-Match", created.header("ETag"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("title").asText()).isEqualTo("修订后的工作要点");
        assertThat(put.json().get("version").asLong()).isEqualTo(2);
        Api.Res sec = admin.put("/api/v1/plans/whole/sections/1", Api.map("title", "一、新标题"), "If-Match", "\"2\"");
        assertThat(sec.status()).as(sec.toString()).isEqualTo(200);
        assertThat(sec.json().get("title").asText()).isEqualTo("一、新标题");
        Api.Res settings = admin.put("/api/v1/plans/whole/settings", Api.map("preset", "cn-supervision"),
                "If-Match", sec.header("ETag"));
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        assertThat(settings.json().get("settings").get("preset").asText()).isEqualTo("cn-supervision");
    }

    private static java.util.Map<String, Object> target(double goal) {
        return Api.map("id", "1.1.1", "description", "新建企业科协", "kind", "COUNT", "goal", goal, "measure", "家");
    }

    @Test
    void idempotencyKeyRepeatsTheFirstAnswer() {
        var body = Fixtures.report("1.1.1", "2017-04-30", 77);
        Api.Res first = reporterA.post("/api/v1/plans/err/reports", body, "Idempotency-Key", "k-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Api.Res again = reporterA.post("/api/v1/plans/err/reports", body, "Idempotency-Key", "k-1");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        long sevenSeven = count(77);
        assertThat(sevenSeven).isEqualTo(1);

        Api.Res other = reporterA.post("/api/v1/plans/err/reports", Fixtures.report("1.1.1", "2017-04-30", 78),
                "Idempotency-Key", "k-1");
        assertProblem(other, 422, "idempotency-key-reused");
        assertThat(count(78)).isZero();

        // the key is per token: the admin's k-1 is another report
        Api.Res admins = admin.post("/api/v1/plans/err/reports", body, "Idempotency-Key", "k-1");
        assertThat(admins.status()).isEqualTo(201);
        assertThat(admins.json().get("id").asText()).isNotEqualTo(first.json().get("id").asText());
    }

    /** An ADD report of {@code value} on target 1.1.1 (a duplicate would be counted twice). */
    private static java.util.Map<String, Object> added(double value, String note) {
        return Api.map("targetId", "1.1.1", "asOf", "2017-03-31", "value", value, "mode", "ADD", "note", note);
    }

    @Test
    void idempotencyKeyRepeatsTheFirstCorrection() {
        Fixtures.setUp(admin, "corr");
        String original = reporterA.post("/api/v1/plans/corr/reports", added(10, "一季度")).json().get("id")
                .asText();
        String corrections = "/api/v1/plans/corr/reports/" + original + "/corrections";
        var fix = added(12, "一季度（更正）");

        Api.Res first = reporterA.post(corrections, fix, "Idempotency-Key", "fix-q1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("supersedes").asText()).isEqualTo(original);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        Api.Res again = reporterA.post(corrections, fix, "Idempotency-Key", "fix-q1");
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        // without the key the repeat is refused: the report was corrected already
        assertProblem(reporterA.post(corrections, fix), 409, "conflict");

        // the same key with another body, for another report, or for a plain report: 422, nothing stored
        Api.Res otherValue = reporterA.post(corrections, added(13, "一季度（更正）"), "Idempotency-Key",
                "fix-q1");
        assertProblem(otherValue, 422, "idempotency-key-reused");
        assertThat(otherValue.json().get("detail").asText()).contains("fix-q1").contains("correct another report");
        String second = reporterA.post("/api/v1/plans/corr/reports", added(5, "二次")).json().get("id").asText();
        assertProblem(reporterA.post("/api/v1/plans/corr/reports/" + second + "/corrections", fix,
                "Idempotency-Key", "fix-q1"), 422, "idempotency-key-reused");
        assertProblem(reporterA.post("/api/v1/plans/corr/reports", fix, "Idempotency-Key", "fix-q1"), 422,
                "idempotency-key-reused");
        // and a key first used for a plain report cannot correct
        assertThat(reporterA.post("/api/v1/plans/corr/reports", added(1, "另一次"), "Idempotency-Key", "plain-1")
                .status()).isEqualTo(201);
        assertProblem(reporterA.post("/api/v1/plans/corr/reports/" + second + "/corrections", added(1, "另一次"),
                "Idempotency-Key", "plain-1"), 422, "idempotency-key-reused");

        // exactly one correction: in the list, and in the evaluation (10 replaced by 12, plus 5 and 1)
        JsonNode items = admin.get("/api/v1/plans/corr/reports?targetId=1.1.1").json().get("items");
        assertThat(items.findValuesAsText("supersedes")).containsExactly(original);
        assertThat(items).hasSize(4);
        JsonNode target = admin.get("/api/v1/plans/corr/status?asOf=2017-06-30").json().get("targets").get(0);
        assertThat(target.get("targetId").asText()).isEqualTo("1.1.1");
        assertThat(target.get("current").asDouble()).isEqualTo(18.0);
        assertThat(target.get("reportCount").asInt()).isEqualTo(3);
    }

    @Test
    void concurrentRetriesOfACorrectionStoreOneCorrection() throws Exception {
        Fixtures.setUp(admin, "corr-race");
        String original = reporterA.post("/api/v1/plans/corr-race/reports", added(10, "一季度")).json().get("id")
                .asText();
        String corrections = "/api/v1/plans/corr-race/reports/" + original + "/corrections";
        var fix = added(12, "一季度（更正）");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Api.Res>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(() -> reporterA.post(corrections, fix, "Idempotency-Key", "race-fix")));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            int replays = 0;
            for (var f : sent) {
                Api.Res r = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
                ids.add(r.json().get("id").asText());
                replays += "true".equals(r.header("Idempotent-Replayed")) ? 1 : 0;
            }
            assertThat(ids).hasSize(1);
            assertThat(replays).isEqualTo(7);
        } finally {
            pool.shutdownNow();
        }
        JsonNode items = admin.get("/api/v1/plans/corr-race/reports?targetId=1.1.1").json().get("items");
        assertThat(items.findValuesAsText("supersedes")).containsExactly(original);
        JsonNode target = admin.get("/api/v1/plans/corr-race/status?asOf=2017-06-30").json().get("targets").get(0);
        assertThat(target.get("current").asDouble()).isEqualTo(12.0);
    }

    private static long count(double value) {
        JsonNode items = admin.get("/api/v1/plans/err/reports?targetId=1.1.1&limit=500").json().get("items");
        long n = 0;
        for (JsonNode i : items) {
            if (i.get("value").asDouble() == value) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theRateLimitAnswers429WithRetryAfter() {
        try (PlantrackServer tiny = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                .db(Fixtures.h2("ApiErrorsTest")).demo(false).rateLimit(0.5, 2).build())) {
            Api a = new Api(tiny.port(), Fixtures.token(tiny.tracker(), Role.VIEWER));
            assertThat(a.get("/api/v1/plans").status()).isEqualTo(200);
            assertThat(a.get("/api/v1/plans").status()).isEqualTo(200);
            Api.Res limited = a.get("/api/v1/plans");
            assertProblem(limited, 429, "rate-limited");
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 2L);
            // another token has its own bucket
            Api b = a.as(Fixtures.token(tiny.tracker(), Role.VIEWER));
            assertThat(b.get("/api/v1/plans").status()).isEqualTo(200);
        }
    }
}
