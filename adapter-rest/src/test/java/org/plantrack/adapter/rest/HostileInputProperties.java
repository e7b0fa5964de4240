package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.plantrack.adapter.rest.internal.Demo;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.ReportQuery;

/**
 * Hostile input against the running server over HTTP: random and mutated JSON, huge strings, deep
 * nesting, wrong types, invalid dates and numbers, control characters and bidi overrides, SQL-looking
 * strings, path traversal in upload file names, hostile paths, queries and over-long headers, bodies that
 * are just {@code null} or hold a null in a list, and paths with bytes Jetty refuses ({@code %00}, ...)
 * written on a raw keep-alive connection. Every answer is a 2xx (the input was valid) or a 4xx
 * problem+json with a request id and without a stack trace, never a 5xx; a refused request leaves the
 * store as it was (only a failed audit event may be added); and a connection the server closes after an
 * answer is said to close ({@code Connection: close}), so the client's next request is never lost.
 */
class HostileInputProperties {
    static PlantrackServer server;
    static Api admin;
    static Api reporter;
    static String adminBearer;
    static final Pattern STACK = Pattern.compile("\\tat |\\bat [\\w.$]+\\([\\w]+\\.java:\\d+\\)|java\\.lang\\.|"
            + "org\\.plantrack\\.[\\w.]+Exception|com\\.fasterxml\\.[\\w.]+Exception|org\\.eclipse\\.jetty");

    @BeforeContainer
    static void start() {
        server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                .db(Fixtures.h2("HostileInputProperties")).demo(false).maxBodyBytes(64 * 1024)
                .maxImportBytes(256 * 1024).rateLimit(100_000, 100_000)
                // hostile Authorization values must reach the token parser, not the per-address limit of
                // failed authentications (AuthFailureLimitTest)
                .authFailureLimit(100_000, 100_000).build());
        adminBearer = Fixtures.token(server.tracker(), Role.ADMIN);
        admin = new Api(server.port(), adminBearer);
        Fixtures.setUp(admin, "h");
        reporter = admin.as(Fixtures.token(server.tracker(), Role.REPORTER, "u-a"));
        Api.Res r = reporter.post("/api/v1/plans/h/reports", Fixtures.report("1.1.1", "2017-03-31", 5));
        assertThat(r.status()).isEqualTo(201);
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    // ------------------------------------------------------------------ the check

    /** What a refused request must not change. */
    record Snapshot(long reports, String plans, int units, int tokens, long lastAudit) {
        static Snapshot take() {
            var t = server.tracker();
            Principal sys = Principal.system();
            StringBuilder plans = new StringBuilder();
            long reports = 0;
            for (var p : t.plans(sys)) {
                plans.append(p.id()).append('@').append(p.version()).append(' ');
                reports += t.countReports(sys, ReportQuery.plan(p.id()));
            }
            long last = 0;
            List<AuditEvent> batch;
            do {
                batch = t.auditTrail(sys, null, last, 1000);
                if (!batch.isEmpty()) {
                    last = batch.get(batch.size() - 1).sequence();
                }
            } while (batch.size() == 1000);
            return new Snapshot(reports, plans.toString(), t.units(sys).size(), t.tokens(sys).size(), last);
        }
    }

    static void check(String what, Snapshot before, Api.Res r) {
        String desc = what + " -> " + r.status() + " " + abbreviate(r.text());
        assertThat(r.status()).as("never a 5xx: %s", desc).isBetween(200, 499);
        assertThat(STACK.matcher(r.text()).find()).as("no stack trace or class name: %s", desc).isFalse();
        if (r.status() >= 400) {
            assertThat(r.header("Content-Type")).as(desc).startsWith("application/problem+json");
            JsonNode p = r.json();
            assertThat(p.get("status").asInt()).as(desc).isEqualTo(r.status());
            assertThat(p.get("type").asText()).as(desc).startsWith("https://plantrack.org/problems/");
            assertThat(p.get("requestId").asText()).as(desc).isNotBlank();
            Snapshot after = Snapshot.take();
            assertThat(after.reports()).as("reports after %s", desc).isEqualTo(before.reports());
            assertThat(after.plans()).as("plans after %s", desc).isEqualTo(before.plans());
            assertThat(after.units()).as("units after %s", desc).isEqualTo(before.units());
            assertThat(after.tokens()).as("tokens after %s", desc).isEqualTo(before.tokens());
            for (AuditEvent e : server.tracker().auditTrail(Principal.system(), null, before.lastAudit(), 100)) {
                assertThat(e.success()).as("only a failed audit event after %s: %s", desc, e).isFalse();
            }
        }
    }

    static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    // ------------------------------------------------------------------ generators

    static final List<String> NASTY = List.of("", " ", "null", "0", "-1", "1e309", "-0", "NaN", "Infinity",
            "2017-02-30", "2017-13-01", "2199-12-31", "1900-01-01", "9999-12-31", "0000-00-00", "+999999999-12-31", "2017-06-30T25:00", "30.6.2017",
            "'; DROP TABLE plantrack_report; --", "\" OR \"1\"=\"1", "1; SELECT pg_sleep(10)", "../../etc/passwd",
            "..\\..\\windows\\win.ini", "%2e%2e%2f", "\u0000", "\r\nX-Injected: 1", "\u202Eevil\u202C",
            "\u2066\u2067\u2068\u2069", "\uFEFF", "\uD800", "<script>alert(1)</script>", "${jndi:ldap://x}",
            "南科协〔2017〕12号", "😀".repeat(50), "\u0007\u001b[2J", "a".repeat(70_000));

    @Provide
    Arbitrary<String> hostileString() {
        return Arbitraries.oneOf(Arbitraries.of(NASTY), Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(20),
                Arbitraries.strings().all().ofMinLength(1000).ofMaxLength(20_000));
    }

    @Provide
    Arbitrary<Object> hostileValue() {
        return Arbitraries.oneOf(hostileString().map(s -> (Object) s),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just((Object) null),
                Arbitraries.just((Object) java.util.Arrays.asList("u-a", null)),
                Arbitraries.just((Object) java.util.Arrays.asList((Object) null)),
                Arbitraries.just((Object) List.of(1, "x", Map.of())),
                Arbitraries.just((Object) Map.of("nested", Map.of("deeper", List.of()))),
                Arbitraries.just((Object) new java.math.BigDecimal("1e400")),
                Arbitraries.just((Object) new java.math.BigInteger("9".repeat(400))));
    }

    /** A valid body for each write route, to mutate. */
    static Map<String, Map<String, Object>> validBodies() {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        m.put("POST /api/v1/plans/h/reports", new LinkedHashMap<>(Map.of("targetId", "1.1.1", "asOf", "2017-04-30",
                "value", 3, "mode", "ADD", "note", "ok", "evidence", List.of("https://example.org/a"))));
        m.put("POST /api/v1/plans", new LinkedHashMap<>(Fixtures.plan("hostile-new")));
        m.put("PUT /api/v1/units/hu-1", new LinkedHashMap<>(Map.of("name", "单位", "parentId", "u-a")));
        m.put("POST /api/v1/tokens", new LinkedHashMap<>(Map.of("role", "viewer", "units", List.of(), "label", "x")));
        m.put("PUT /api/v1/plans/h/targets/1.2.1", new LinkedHashMap<>(Map.of("id", "1.2.1", "description", "讲座",
                "kind", "COUNT", "goal", 10, "measure", "场")));
        m.put("PUT /api/v1/plans/h/settings", new LinkedHashMap<>(Map.of("preset", "cn-supervision")));
        m.put("PUT /api/v1/plans/h/sections/1", new LinkedHashMap<>(Map.of("title", "一、标题")));
        return m;
    }

    @Provide
    Arbitrary<String> writeRoute() {
        return Arbitraries.of(new ArrayList<>(validBodies().keySet()));
    }

    /** A mutated body: fields replaced, removed or added with hostile values; or raw junk. */
    @Provide
    Arbitrary<byte[]> body() {
        Arbitrary<byte[]> mutated = Combinators.combine(writeRoute(), Arbitraries.integers().between(0, 5),
                hostileValue(), hostileString(), Arbitraries.integers().between(0, 2)).as((route, field, value,
                        key, op) -> {
                    Map<String, Object> b = validBodies().get(route);
                    List<String> keys = new ArrayList<>(b.keySet());
                    String k = keys.get(field % keys.size());
                    if (op == 0) {
                        b.put(k, value);
                    } else if (op == 1) {
                        b.remove(k);
                    } else {
                        b.put(key.length() > 100 ? key.substring(0, 100) : key, value);
                    }
                    return Api.bytes(b);
                });
        Arbitrary<byte[]> junk = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> deep = Arbitraries.integers().between(100, 60_000).map(n ->
                ("[".repeat(n) + "]".repeat(n)).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> deepObject = Arbitraries.integers().between(100, 20_000).map(n ->
                ("{\"note\":".repeat(n) + "1" + "}".repeat(n)).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> truncated = Combinators.combine(writeRoute(), Arbitraries.integers().between(0, 200))
                .as((route, cut) -> {
                    byte[] full = Api.bytes(validBodies().get(route));
                    return java.util.Arrays.copyOf(full, Math.min(cut, full.length));
                });
        Arbitrary<byte[]> bigNumbers = Arbitraries.of("{\"targetId\":\"1.1.1\",\"asOf\":\"2017-05-01\",\"value\":1e999,"
                + "\"mode\":\"ADD\"}", "{\"targetId\":\"1.1.1\",\"asOf\":\"2017-05-01\",\"value\":-1e999,\"mode\":\"SET\"}",
                "{\"targetId\":\"1.1.1\",\"asOf\":\"2017-05-01\",\"value\":" + "9".repeat(5000) + ",\"mode\":\"SET\"}",
                "{\"targetId\":\"1.1.1\",\"asOf\":\"2017-05-01\",\"value\":NaN,\"mode\":\"SET\"}",
                "{\"targetId\":\"1.1.1\",\"asOf\":\"2017-05-01\",\"value\":0.1e-999999,\"mode\":\"SET\"}",
                "{\"targetId\":\"1.1.1\",\"targetId\":\"1.2.1\",\"asOf\":\"2017-05-01\",\"value\":1,\"mode\":\"ADD\"}",
                "{\"targetId\":\"1.1.1\",\"asOf\":\"2017-05-01\",\"value\":\"1\",\"mode\":\"ADD\"}",
                "{\"targetId\":\"1.1.1\",\"asOf\":[2017,5,1],\"value\":1,\"mode\":\"ADD\"}",
                "{\"targetId\":\"1.1.1\",\"asOf\":20170501,\"value\":1,\"mode\":\"add\"}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        // the body null itself (with white space around it), and null where a list or an object is expected
        Arbitrary<byte[]> nulls = Arbitraries.of("null", " null", "null\n", "\r\n\tnull  ", "[null]", "{\"units\":[null]}",
                "{\"role\":\"viewer\",\"units\":[null]}", "{\"partnerUnits\":[null],\"leadUnit\":\"u-a\"}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, mutated), net.jqwik.api.Tuple.of(1, junk),
                net.jqwik.api.Tuple.of(2, nulls),
                net.jqwik.api.Tuple.of(1, deep), net.jqwik.api.Tuple.of(1, deepObject),
                net.jqwik.api.Tuple.of(1, truncated), net.jqwik.api.Tuple.of(2, bigNumbers));
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 400)
    void hostileJsonBodiesAreRefusedCleanly(@ForAll("writeRoute") String route, @ForAll("body") byte[] body,
            @ForAll("contentType") String contentType) {
        String[] mp = route.split(" ", 2);
        Api as = mp[1].endsWith("/reports") ? reporter : admin;
        String[] headers = mp[1].startsWith("/api/v1/plans/h/") && mp[0].equals("PUT")
                ? new String[] {"If-Match", admin.get("/api/v1/plans/h").header("ETag")} : new String[0];
        Snapshot before = Snapshot.take();
        check(route + " " + abbreviate(new String(body, StandardCharsets.UTF_8)), before,
                as.send(mp[0], mp[1], body, contentType, headers));
    }

    @Provide
    Arbitrary<String> contentType() {
        return Arbitraries.of("application/json", "application/json", "application/json; charset=utf-8",
                "application/problem+json", "text/plain", "application/json; charset=nonsense", "*/*", "\u00e9/json");
    }

    @Property(tries = 300)
    void hostilePathsAndQueriesAreRefusedCleanly(@ForAll("hostileString") String a, @ForAll("hostileString") String b,
            @ForAll("readRoute") String template) {
        String path = template.replace("{a}", enc(cut(a))).replace("{b}", enc(cut(b)));
        Snapshot before = Snapshot.take();
        long t0 = System.nanoTime();
        Api.Res r = (template.contains("/reports") ? reporter : admin).get(path);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).as("GET %s answered in %d ms", abbreviate(path), ms).isLessThan(5_000);
        check("GET " + path, before, r);
    }

    @Provide
    Arbitrary<String> readRoute() {
        return Arbitraries.of("/api/v1/plans/{a}", "/api/v1/plans/h/targets/{a}", "/api/v1/plans/h/sections/{a}",
                "/api/v1/plans/h/tasks/{a}", "/api/v1/plans/h/reports/{a}", "/api/v1/units/{a}",
                "/api/v1/plans/h/status?asOf={a}&preset={b}", "/api/v1/plans/h/report.md?asOf={a}&lang={b}",
                "/api/v1/plans/h/report.csv?preset={a}", "/api/v1/plans/h/reports?targetId={a}&unitId={b}",
                "/api/v1/plans/h/reports?from={a}&to={b}", "/api/v1/plans/h/reports?limit={a}&offset={b}",
                "/api/v1/plans?limit={a}", "/api/v1/audit?planId={a}&after={b}", "/api/v1/audit/export?after={a}",
                "/api/v1/plans/h/year-end-summary?asOf={a}", "/{a}/{b}", "/api/v1/{a}");
    }

    static String cut(String s) {
        return s.length() > 3000 ? s.substring(0, 3000) : s;
    }

    static String enc(String s) {
        // keep some raw traversal: encode, then undo the encoding of '.' and '/' in half of the cases
        String e = URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        return (s.hashCode() & 1) == 0 ? e : e.replace("%2F", "/").replace("%2E", ".");
    }

    /** Bytes in a path that Jetty refuses before the request reaches the server's routes. */
    static final List<String> REFUSED_IN_PATHS = List.of("%00", "%00%00", "a%00b", "%ff", "%c0%ae", "%ZZ", "%0",
            "\\", "%e2%82", "%ed%a0%80");

    @Property(tries = 200)
    void pathsWithBytesJettyRefusesAreAnsweredOnAnHonestConnection(@ForAll("rawMethod") String method,
            @ForAll("readRoute") String template, @ForAll("hostileString") String a,
            @ForAll("refusedInPath") String refused, @ForAll("useAdmin") boolean withToken) throws Exception {
        String hostile = enc(cut(a));
        String path = template.replace("{a}", hostile.length() > 200 ? hostile.substring(0, 200) : hostile)
                .replace("{b}", "x");
        int q = path.indexOf('?');
        String withRefused = q < 0 ? path + refused : path.substring(0, q) + refused + path.substring(q);
        String request = method + " " + withRefused + " HTTP/1.1\r\nHost: localhost\r\n"
                + (withToken ? "Authorization: Bearer " + adminBearer + "\r\n" : "") + "Content-Length: 0\r\n\r\n";
        Snapshot before = Snapshot.take();
        RawHttp.Raw r = RawHttp.refusedThenNext(server.port(), request);
        String desc = abbreviate(request.substring(0, request.indexOf("\r\n"))) + " -> " + r.statusLine();
        int status = Integer.parseInt(r.statusLine().split(" ")[1]);
        assertThat(status).as("a 4xx: %s", desc).isBetween(400, 499);
        assertThat(STACK.matcher(r.body()).find()).as("no stack trace or class name: %s", desc).isFalse();
        Snapshot after = Snapshot.take();
        assertThat(after.reports()).as(desc).isEqualTo(before.reports());
        assertThat(after.plans()).as(desc).isEqualTo(before.plans());
        assertThat(after.units()).as(desc).isEqualTo(before.units());
        assertThat(after.tokens()).as(desc).isEqualTo(before.tokens());
    }

    @Provide
    Arbitrary<String> rawMethod() {
        return Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    }

    @Provide
    Arbitrary<String> refusedInPath() {
        return Arbitraries.of(REFUSED_IN_PATHS);
    }

    @Provide
    Arbitrary<Boolean> useAdmin() {
        return Arbitraries.of(true, false);
    }

    @Property(tries = 150)
    void hostileUploadsAndFileNamesAreRefusedCleanlyOrImported(@ForAll("fileName") String fileName,
            @ForAll("upload") byte[] content, @ForAll("hostileString") String planId) {
        String boundary = "----plantrack" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String pid = planId.length() > 200 ? planId.substring(0, 200) : planId;
        Snapshot before = Snapshot.take();
        // strict: an unreadable upload is answered (with Connection: close) and the next request is too
        Api.Res r = admin.send("POST", "/api/v1/plans/import?planId=" + enc(pid), out.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
        check("import " + abbreviate(fileName) + " planId=" + abbreviate(pid), before, r);
    }

    @Provide
    Arbitrary<String> fileName() {
        return Arbitraries.oneOf(Arbitraries.of("../../../../etc/passwd", "..\\..\\boot.ini", "/etc/shadow",
                "C:\\Windows\\system32\\x.txt", "a\u0000b.txt", "\u202Etxt.exe", "plan\r\nX-Evil: 1.txt",
                "%2e%2e%2f%2e%2e%2fetc", "工作要点.txt", "", "\"quoted\".txt", "a".repeat(5000)),
                Arbitraries.strings().ofMaxLength(100).map(s -> s.replace("\"", "")));
    }

    @Provide
    Arbitrary<byte[]> upload() {
        byte[] ref = Demo.referencePlan().getBytes(StandardCharsets.UTF_8);
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
                Arbitraries.just(ref),
                Arbitraries.integers().between(0, ref.length).map(n -> java.util.Arrays.copyOf(ref, n)));
    }

    @Property(tries = 120)
    void overLongAndOddHeadersAreRefusedCleanly(@ForAll("headerName") String name,
            @ForAll("headerValue") String value) {
        Snapshot before = Snapshot.take();
        String auth = name.equals("Authorization") ? value : "Bearer " + adminBearer;
        Api api = new Api(server.port(), null);
        Api.Res r = name.equals("Authorization")
                ? api.send("POST", "/api/v1/plans/h/reports", Api.bytes(Fixtures.report("1.1.1", "2017-05-02", 1)),
                        "application/json", "Authorization", auth)
                : api.send("POST", "/api/v1/plans/h/reports", Api.bytes(Fixtures.report("1.1.1", "2017-05-02", 1)),
                        "application/json", "Authorization", auth, name, value);
        if (r.status() == 201) {
            return; // a valid report (e.g. an Idempotency-Key or request id that is fine)
        }
        check("header " + name + ": " + abbreviate(value), before, r);
    }

    @Provide
    Arbitrary<String> headerName() {
        return Arbitraries.of("Authorization", "Idempotency-Key", "X-Request-Id", "If-Match", "User-Agent",
                "X-Custom");
    }

    @Provide
    Arbitrary<String> headerValue() {
        // HTTP header values: visible ASCII and spaces (the client refuses CR/LF); lengths up to 60 KB (the
        // server reads a head of up to Http.HEAD_READ_LIMIT, 64 KiB, before it refuses it; beyond that Jetty
        // refuses and closes, see ApiErrorsTest)
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300),
                Arbitraries.integers().between(1_000, 60_000).map("x"::repeat),
                Arbitraries.of("Bearer ", "Bearer pt_", "Bearer pt_.", "Bearer pt_a.b", "Basic YTpi",
                        "Bearer pt_" + "a".repeat(300) + ".x", "bearer pt_tk-1.'; DROP TABLE x; --"));
    }
}
