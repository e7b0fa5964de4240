package org.plantrack.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded load run against a running server over loopback: a fixed request rate from a fixed thread
 * pool, mixed reads and writes from many tokens (reporters of different units, viewers, an admin). Every
 * progress report carries a unique {@code Idempotency-Key}, so that after a fault the reports whose answer
 * was lost can be re-sent ({@link #settle}) and the stored reports compared exactly with the acknowledged
 * ones. Stops by itself at the end of its duration.
 *
 * <p>From the command line (against a server you started; it creates its own units, plan and tokens):
 * {@code LoadGenerator BASE_URL ADMIN_TOKEN [RATE_PER_S] [SECONDS] [THREADS]}; prints the result as JSON and
 * exits 1 when a check fails. {@code adapter-rest/bench/load.sh} runs the long form of the tests instead.
 */
public final class LoadGenerator {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int UNITS = 6;

    /** A caller: its bearer, role and the targets it may report on. */
    record Actor(String name, String bearer, String role, List<String> targets) {
    }

    /** A report post, kept to re-send it with the same key. */
    record Post(Actor actor, String key, byte[] body) {
    }

    /** What a run should do. */
    record Options(String planId, double ratePerSecond, Duration duration, int threads, long seed) {
    }

    private final HttpClient client;
    private final Duration requestTimeout;

    LoadGenerator(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
    }

    /** The outcome of a run. */
    static final class Result {
        final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        final AtomicLong transportErrors = new AtomicLong();
        final AtomicLong timeouts = new AtomicLong();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong created = new AtomicLong();
        final AtomicLong writesTried = new AtomicLong();
        /** Report ids acknowledged with 201. */
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        /** Report posts without a 201 (a 5xx, a lost connection): re-sent by {@link #settle}. */
        final Map<String, Post> unsettled = new ConcurrentHashMap<>();
        final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        /** Latency histogram in milliseconds (last bucket: 10 s and more). */
        final AtomicLongArray latencyMs = new AtomicLongArray(10_001);
        final AtomicLong max503Ms = new AtomicLong();
        final AtomicLong first503At = new AtomicLong(-1);
        final AtomicLong last503At = new AtomicLong(-1);
        final AtomicLong firstWriteAfterOutage = new AtomicLong(-1);
        volatile long startNanos;
        volatile double seconds;

        long status(int s) {
            AtomicLong n = byStatus.get(s);
            return n == null ? 0 : n.get();
        }

        long serverErrors() {
            return byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(e -> e.getValue().get())
                    .sum();
        }

        long serverErrorsOtherThan503() {
            return serverErrors() - status(503);
        }

        double achievedRate() {
            return sent.get() / seconds;
        }

        long percentile(double p) {
            long total = 0;
            for (int i = 0; i < latencyMs.length(); i++) {
                total += latencyMs.get(i);
            }
            long want = (long) Math.ceil(total * p);
            long seen = 0;
            for (int i = 0; i < latencyMs.length(); i++) {
                seen += latencyMs.get(i);
                if (seen >= want && want > 0) {
                    return i;
                }
            }
            return 0;
        }

        long maxLatency() {
            for (int i = latencyMs.length() - 1; i >= 0; i--) {
                if (latencyMs.get(i) > 0) {
                    return i;
                }
            }
            return 0;
        }

        private String unexpectedJson() {
            List<String> first;
            synchronized (unexpected) {
                first = List.copyOf(unexpected.subList(0, Math.min(5, unexpected.size())));
            }
            try {
                return JSON.writeValueAsString(first);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private String statusJson() {
            StringBuilder sb = new StringBuilder("{");
            new TreeMap<>(byStatus).forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k)
                    .append("\":").append(v.get()));
            return sb.append('}').toString();
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "{\"seconds\":%.1f,\"sent\":%d,\"ratePerSecond\":%.1f,"
                    + "\"byStatus\":%s,\"created\":%d,\"acknowledgedReports\":%d,\"unsettled\":%d,"
                    + "\"transportErrors\":%d,\"timeouts\":%d,\"p50ms\":%d,\"p95ms\":%d,\"p99ms\":%d,\"maxMs\":%d,"
                    + "\"max503ms\":%d,\"unexpected\":%s}", seconds, sent.get(), achievedRate(),
                    statusJson(), created.get(), acknowledged.size(), unsettled.size(),
                    transportErrors.get(), timeouts.get(), percentile(0.5), percentile(0.95), percentile(0.99),
                    maxLatency(), max503Ms.get(), unexpectedJson());
        }
    }

    // ------------------------------------------------------------------ set-up over HTTP

    /**
     * Creates units {@code lu-1..6}, a plan with one task and one COUNT target per unit, and tokens:
     * six reporters (two of them for two units), three viewers and an admin.
     */
    List<Actor> setUp(String base, String adminBearer, String planId) throws Exception {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int i = 1; i <= UNITS; i++) {
            call(base, adminBearer, "PUT", "/api/v1/units/lu-" + i, Api.map("name", "负载单位" + i), null, 200, 201);
            tasks.add(Api.map("id", "1." + i, "ordinal", i, "title", "任务" + i + "。", "targets",
                    List.of(Api.map("id", "1." + i + ".1", "description", "完成" + i, "kind", "COUNT",
                            "goal", 1_000_000, "measure", "家"))));
        }
        Map<String, Object> plan = Api.map("id", planId, "title", "负载测试工作要点", "issuer", "测试科协",
                "issueDate", "2017-01-05", "period", Api.map("start", "2017-01-01", "end", "2017-12-31"),
                "sections", List.of(Api.map("id", "1", "ordinal", 1, "title", "一、负载", "tasks", tasks)));
        HttpResponse<byte[]> created = call(base, adminBearer, "POST", "/api/v1/plans", plan, null, 201);
        String etag = created.headers().firstValue("ETag").orElseThrow();
        for (int i = 1; i <= UNITS; i++) {
            HttpResponse<byte[]> r = call(base, adminBearer, "PUT", "/api/v1/plans/" + planId + "/tasks/1." + i
                    + "/units", Api.map("leadUnit", "lu-" + i), new String[] {"If-Match", etag}, 200);
            etag = r.headers().firstValue("ETag").orElseThrow();
        }
        int[][] reporterUnits = {{1}, {2}, {3, 4}, {5}, {6}, {1, 6}};
        List<Actor> actors = new ArrayList<>();
        for (int r = 0; r < reporterUnits.length; r++) {
            List<String> units = new ArrayList<>();
            List<String> targets = new ArrayList<>();
            for (int u : reporterUnits[r]) {
                units.add("lu-" + u);
                targets.add("1." + u + ".1");
            }
            actors.add(new Actor("reporter-" + (r + 1), token(base, adminBearer, "reporter", units), "reporter",
                    targets));
        }
        for (int v = 1; v <= 3; v++) {
            actors.add(new Actor("viewer-" + v, token(base, adminBearer, "viewer", List.of()), "viewer", List.of()));
        }
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= UNITS; i++) {
            all.add("1." + i + ".1");
        }
        actors.add(new Actor("admin", token(base, adminBearer, "admin", List.of()), "admin", all));
        return actors;
    }

    private String token(String base, String admin, String role, List<String> units) throws Exception {
        HttpResponse<byte[]> r = call(base, admin, "POST", "/api/v1/tokens",
                Api.map("role", role, "units", units, "label", "load " + role), null, 201);
        return JSON.readTree(r.body()).get("bearer").asText();
    }

    private HttpResponse<byte[]> call(String base, String bearer, String method, String path, Object body,
            String[] headers, int... ok) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(Api.bytes(body)));
        if (headers != null) {
            b.header(headers[0], headers[1]);
        }
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (Arrays.stream(ok).noneMatch(s -> s == r.statusCode())) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " "
                    + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return r;
    }

    // ------------------------------------------------------------------ the run

    /** Runs the mix at the given rate until the duration is over; never longer than duration + 30 s. */
    Result run(String base, Options o, List<Actor> actors) throws InterruptedException {
        Result res = new Result();
        List<Actor> reporters = actors.stream().filter(a -> a.role().equals("reporter")).toList();
        List<Actor> viewers = actors.stream().filter(a -> a.role().equals("viewer")).toList();
        Actor admin = actors.stream().filter(a -> a.role().equals("admin")).findFirst().orElseThrow();
        long interval = (long) (1e9 / o.ratePerSecond());
        long start = System.nanoTime();
        long end = start + o.duration().toNanos();
        res.startNanos = start;
        AtomicLong slot = new AtomicLong();
        String runId = Long.toString(o.seed(), 36) + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        ExecutorService pool = Executors.newFixedThreadPool(o.threads());
        for (int t = 0; t < o.threads(); t++) {
            long seed = o.seed() * 31 + t;
            pool.submit(() -> {
                Random rnd = new Random(seed);
                while (true) {
                    long n = slot.getAndIncrement();
                    long at = start + n * interval;
                    if (at >= end) {
                        return null;
                    }
                    long wait = at - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    one(base, o.planId(), rnd, runId + "-" + n, reporters, viewers, admin, res);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(o.duration().toSeconds() + 30, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        res.seconds = (System.nanoTime() - start) / 1e9;
        return res;
    }

    private void one(String base, String planId, Random rnd, String key, List<Actor> reporters, List<Actor> viewers,
            Actor admin, Result res) {
        String p = "/api/v1/plans/" + planId;
        int dice = rnd.nextInt(100);
        Actor reporter = reporters.get(rnd.nextInt(reporters.size()));
        Actor viewer = viewers.get(rnd.nextInt(viewers.size()));
        String date = LocalDate.of(2017, 1, 1).plusDays(rnd.nextInt(365)).toString();
        if (dice < 40 || (dice >= 95 && dice < 97)) {
            Actor who = dice < 40 ? reporter : admin;
            String target = who.targets().get(rnd.nextInt(who.targets().size()));
            byte[] body = Api.bytes(Api.map("targetId", target, "asOf", date, "value", 1 + rnd.nextInt(5),
                    "mode", "ADD", "note", "负载 " + key));
            res.writesTried.incrementAndGet();
            Post post = new Post(who, key, body);
            Outcome out = send(base, who.bearer(), "POST", p + "/reports", body, key, res);
            if (out.status == 201) {
                res.created.incrementAndGet();
                res.acknowledged.add(out.reportId);
                if (res.last503At.get() >= 0) {
                    res.firstWriteAfterOutage.compareAndSet(-1, System.nanoTime());
                }
            } else {
                res.unsettled.put(key, post);
                expect(out, res, "POST report as " + who.name(), 503);
            }
        } else if (dice < 45) {
            // a reporter writing on another unit's target: refused, stores nothing
            String other = "1." + (1 + rnd.nextInt(UNITS)) + ".1";
            if (reporter.targets().contains(other)) {
                return;
            }
            byte[] body = Api.bytes(Api.map("targetId", other, "asOf", date, "value", 1, "mode", "ADD"));
            expect(send(base, reporter.bearer(), "POST", p + "/reports", body, null, res), res,
                    "POST other unit's report", 403, 503);
        } else if (dice < 65) {
            Actor who = rnd.nextBoolean() ? viewer : reporter;
            expect(send(base, who.bearer(), "GET", p + "/status?asOf=" + date, null, null, res), res, "status",
                    200, 503);
        } else if (dice < 75) {
            expect(send(base, reporter.bearer(), "GET", p + "/reports?limit=20", null, null, res), res,
                    "reporter's reports", 200, 503);
        } else if (dice < 85) {
            expect(send(base, viewer.bearer(), "GET", p, null, null, res), res, "plan", 200, 503);
        } else if (dice < 90) {
            expect(send(base, viewer.bearer(), "GET", "/api/v1/units", null, null, res), res, "units", 200, 503);
        } else if (dice < 95) {
            expect(send(base, viewer.bearer(), "GET", "/api/v1/audit?planId=" + planId + "&limit=20", null, null,
                    res), res, "audit", 200, 503);
        } else if (dice < 98) {
            expect(send(base, reporter.bearer(), "GET", "/api/v1/audit", null, null, res), res,
                    "reporter reads audit", 403, 503);
        } else {
            expect(send(base, admin.bearer(), "GET", p + "/report.csv?asOf=" + date, null, null, res), res,
                    "report.csv", 200, 503);
        }
    }

    /**
     * Records an answer that is none of {@code ok}. A 429 is always acceptable: it is the server's
     * per-token rate limit (problem+json with Retry-After), which the catch-up after an outage can reach;
     * an unanswered write is replayed with its Idempotency-Key when the run settles.
     */
    private static void expect(Outcome out, Result res, String what, int... ok) {
        if (out.status > 0 && out.status != 429 && Arrays.stream(ok).noneMatch(s -> s == out.status)) {
            res.unexpected.add(what + " -> " + out.status + " " + out.body);
        }
    }

    record Outcome(int status, String reportId, String body) {
    }

    private Outcome send(String base, String bearer, String method, String path, byte[] body, String idemKey,
            Result res) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout)
                .header("Authorization", "Bearer " + bearer)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (idemKey != null) {
            b.header("Idempotency-Key", idemKey);
        }
        long t0 = System.nanoTime();
        res.sent.incrementAndGet();
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            res.latencyMs.incrementAndGet((int) Math.min(ms, 10_000));
            res.byStatus.computeIfAbsent(r.statusCode(), k -> new AtomicLong()).incrementAndGet();
            String text = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
            if (r.statusCode() >= 400) {
                String ct = r.headers().firstValue("Content-Type").orElse("");
                if (!ct.startsWith("application/problem+json") || text.contains("\tat ")
                        || text.contains("Exception")) {
                    res.unexpected.add(method + " " + path + " -> " + r.statusCode() + " not a clean problem: "
                            + ct + " " + text);
                }
            }
            if (r.statusCode() == 503) {
                res.max503Ms.accumulateAndGet(ms, Math::max);
                res.first503At.compareAndSet(-1, t0);
                res.last503At.set(System.nanoTime());
            }
            String id = null;
            if (r.statusCode() == 201) {
                JsonNode n = JSON.readTree(r.body());
                id = n.get("id").asText();
            }
            return new Outcome(r.statusCode(), id, text.length() > 300 ? text.substring(0, 300) : text);
        } catch (HttpTimeoutException e) {
            res.timeouts.incrementAndGet();
            return new Outcome(-1, null, e.toString());
        } catch (IOException e) {
            res.transportErrors.incrementAndGet();
            return new Outcome(-1, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, null, e.toString());
        }
    }

    // ------------------------------------------------------------------ after the run

    /**
     * Re-sends every report post that got no 201, with its key, until each is answered 201 (a new report,
     * or the first one replayed when its write had committed before the answer was lost). At most
     * {@code rounds} rounds, one second apart. Returns how many were replays (committed, answer lost).
     */
    long settle(String base, String planId, Result res, int rounds) throws InterruptedException {
        long replays = 0;
        for (int round = 0; round < rounds && !res.unsettled.isEmpty(); round++) {
            for (Post post : List.copyOf(res.unsettled.values())) {
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/plans/" + planId + "/reports"))
                        .timeout(requestTimeout).header("Authorization", "Bearer " + post.actor().bearer())
                        .header("Content-Type", "application/json").header("Idempotency-Key", post.key())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(post.body())).build();
                try {
                    HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() == 201) {
                        res.acknowledged.add(JSON.readTree(r.body()).get("id").asText());
                        res.unsettled.remove(post.key());
                        if (r.headers().firstValue("Idempotent-Replayed").isPresent()) {
                            replays++;
                        }
                    } else if (r.statusCode() < 500) {
                        res.unexpected.add("settle " + post.key() + " -> " + r.statusCode());
                        res.unsettled.remove(post.key());
                    }
                } catch (IOException e) {
                    // still down: next round
                }
            }
            if (!res.unsettled.isEmpty()) {
                Thread.sleep(1000);
            }
        }
        return replays;
    }

    /** The ids of every report stored for the plan, read page by page over the API. */
    Set<String> storedReportIds(String base, String adminBearer, String planId) throws Exception {
        Set<String> ids = new java.util.HashSet<>();
        long total;
        int offset = 0;
        do {
            HttpResponse<byte[]> r = call(base, adminBearer, "GET", "/api/v1/plans/" + planId + "/reports?limit=500"
                    + "&offset=" + offset, null, null, 200);
            JsonNode page = JSON.readTree(r.body());
            total = page.get("total").asLong();
            for (JsonNode i : page.get("items")) {
                ids.add(i.get("id").asText());
            }
            offset += 500;
        } while (offset < total);
        return ids;
    }

    /** Whether the server's audit chain verifies. */
    JsonNode verifyAudit(String base, String adminBearer) throws Exception {
        return JSON.readTree(call(base, adminBearer, "GET", "/api/v1/audit/verify", null, null, 200).body());
    }

    /** {@code LoadGenerator BASE_URL ADMIN_TOKEN [RATE] [SECONDS] [THREADS]}. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LoadGenerator BASE_URL ADMIN_TOKEN [RATE_PER_S=100] [SECONDS=60] [THREADS=16]");
            System.exit(2);
        }
        String base = args[0];
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 100;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        LoadGenerator g = new LoadGenerator(Duration.ofSeconds(15));
        String planId = "load-" + System.currentTimeMillis();
        List<Actor> actors = g.setUp(base, args[1], planId);
        Result r = g.run(base, new Options(planId, rate, Duration.ofSeconds(seconds), threads, 1), actors);
        g.settle(base, planId, r, 30);
        Set<String> stored = g.storedReportIds(base, args[1], planId);
        boolean ok = stored.equals(r.acknowledged) && r.serverErrors() == 0 && r.unexpected.isEmpty();
        System.out.println(r + "\nstored=" + stored.size() + " acknowledged=" + r.acknowledged.size()
                + " audit=" + g.verifyAudit(base, args[1]) + " ok=" + ok);
        System.exit(ok ? 0 : 1);
    }
}
