package org.plantrack.benchmarks;

import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.plantrack.adapter.rest.PlantrackServer;
import org.plantrack.adapter.rest.ServerConfig;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.store.AuditAction;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * REST figures: requests per second and p50/p99 latency of {@code GET /api/v1/plans/{id}/status?asOf=} and
 * {@code POST /api/v1/plans/{id}/reports} on the Plantrack server, against a bare Javalin app (same
 * Javalin, same JVM) whose endpoints answer a fixed JSON body of the same size, in the same run.
 *
 * <p>The Plantrack server runs on an H2 file store (as {@code plantrack serve} does by default; each
 * POST is a committed, audited write with {@code WRITE_DELAY=0}), with the demo token and the rate
 * limit raised out of the way. The status plan is a generated plan (≈41 targets) holding a year of
 * reports (≈1,160; ≈900 as of 30 September); POSTs go to a second plan. The load comes from a second
 * process: {@link LoadGenerator} as a child JVM on loopback. Figures alternate: bare GET, Plantrack GET,
 * bare POST, Plantrack POST, repeated {@code rounds} times after one unrecorded pass over all four (server
 * warm-up); each figure's median over the rounds is printed. The machine's load average during this
 * harness includes its own client threads.
 * Server and client share the machine's cores.
 *
 * <pre>java -cp ... org.plantrack.benchmarks.RestHarness [seconds=5] [rounds=2] [threads=8] [warmupSeconds=3]</pre>
 */
public final class RestHarness {
    private RestHarness() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        double warmup = args.length > 3 ? Double.parseDouble(args[3]) : 3;
        Stats.banner("REST (server and bare Javalin in this JVM; load from a child JVM)");
        Path dir = Files.createTempDirectory("plantrack-bench-rest");
        JdbcPlanStore store = JdbcPlanStore.open("jdbc:h2:file:" + dir.resolve("rest"), "sa", "");
        Random rnd = new Random(11);
        long[] ids = new long[1];
        Plan statusPlan = Portfolio.plan(rnd, 0);
        Plan postPlan = Portfolio.plan(rnd, 1);
        store.insertPlan(statusPlan, AuditRecord.ok(Instant.now(), "bench", AuditAction.of("plan.create"), statusPlan.id(), null, null, null));
        store.insertPlan(postPlan, AuditRecord.ok(Instant.now(), "bench", AuditAction.of("plan.create"), postPlan.id(), null, null, null));
        List<ProgressReport> year = Portfolio.reports(rnd, statusPlan, ids);
        store.appendReports(year, AuditRecord.ok(Instant.now(), "bench", AuditAction.of("report.batch"), statusPlan.id(), null, null, null));
        // no plan was empty before the demo check ran, so create the demo token ourselves through the server's own path
        PlantrackServer server = PlantrackServer.start(ServerConfig.builder().host("127.0.0.1").port(0).store(store)
                .demo(false).rateLimit(1e9, 1_000_000_000).build());
        String token = server.tracker().createToken(org.plantrack.core.access.Principal.system(),
                org.plantrack.core.access.Role.ADMIN, java.util.Set.of(), "bench").bearer();
        String base = "http://127.0.0.1:" + server.port();
        String statusUrl = base + "/api/v1/plans/" + statusPlan.id() + "/status?asOf=2017-09-30";
        String postUrl = base + "/api/v1/plans/" + postPlan.id() + "/reports";
        String target = postPlan.targets().get(0).id();
        String postBody = "{\"targetId\":\"" + target + "\",\"asOf\":\"2017-06-30\",\"value\":1,\"mode\":\"ADD\","
                + "\"note\":\"bench {n}\"}";

        HttpClient probe = HttpClient.newHttpClient();
        HttpResponse<byte[]> st = probe.send(HttpRequest.newBuilder(URI.create(statusUrl))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> po = probe.send(HttpRequest.newBuilder(URI.create(postUrl))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(postBody.replace("{n}", "probe"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (st.statusCode() != 200 || po.statusCode() / 100 != 2) {
            throw new IllegalStateException("probe failed: status " + st.statusCode() + ", post " + po.statusCode() + " "
                    + new String(po.body(), StandardCharsets.UTF_8));
        }
        byte[] statusBody = st.body();
        byte[] postAnswer = po.body();
        int postStatus = po.statusCode();
        Javalin bare = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.get("/bare/status", ctx -> ctx.contentType("application/json").result(statusBody));
            c.routes.post("/bare/reports", ctx -> {
                ctx.body(); // read the request like the real endpoint does
                ctx.status(postStatus).contentType("application/json").result(postAnswer);
            });
        });
        bare.start("127.0.0.1", 0);
        String bareBase = "http://127.0.0.1:" + bare.port();
        System.out.printf("status body %,d bytes, POST answer %,d bytes (HTTP %d); %d client threads, %.0f s warm-up +"
                + " %.0f s per figure, %d rounds%n", statusBody.length, postAnswer.length, postStatus, threads, warmup,
                seconds, rounds);

        String[] names = {"GET status: bare Javalin", "GET status: Plantrack", "POST report: bare Javalin",
                "POST report: Plantrack"};
        String[][] calls = {
            {bareBase + "/bare/status", "GET", "", ""},
            {statusUrl, "GET", token, ""},
            {bareBase + "/bare/reports", "POST", "", postBody},
            {postUrl, "POST", token, postBody},
        };
        Map<Integer, List<Map<String, Double>>> results = new HashMap<>();
        for (String[] call : calls) { // a first pass, not recorded, so that the server's JIT is warm on every path
            load(call, threads, 0, warmup);
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < calls.length; i++) {
                Map<String, Double> m = load(calls[i], threads, warmup, seconds);
                results.computeIfAbsent(i, k -> new ArrayList<>()).add(m);
                System.out.printf(Locale.ROOT, "  round %d %-28s rps %9.0f  p50 %7.2f ms  p99 %7.2f ms  errors %.0f%n",
                        r + 1, names[i], m.get("rps"), m.get("p50ms"), m.get("p99ms"), m.get("errors"));
            }
        }
        System.out.printf("%-28s %12s %10s %10s %12s%n", "figure (median of rounds)", "requests/s", "p50 ms", "p99 ms",
                "vs bare rps");
        for (int i = 0; i < calls.length; i++) {
            double rps = med(results.get(i), "rps");
            double bareRps = med(results.get(i - i % 2), "rps");
            System.out.printf(Locale.ROOT, "%-28s %12.0f %10.2f %10.2f %12.2f%n", names[i], rps, med(results.get(i), "p50ms"),
                    med(results.get(i), "p99ms"), rps / bareRps);
        }
        bare.stop();
        server.close();
        store.close();
        JdbcHarness.deleteTree(dir);
        System.out.println("load average after: " + Stats.load());
    }

    static double med(List<Map<String, Double>> runs, String key) {
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = runs.get(i).get(key);
        }
        return Stats.median(v);
    }

    /** Runs {@link LoadGenerator} in a child JVM and parses its RESULT line. */
    static Map<String, Double> load(String[] call, int threads, double warmup, double seconds) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), LoadGenerator.class.getName(), call[0], call[1],
                Integer.toString(threads), Double.toString(warmup), Double.toString(seconds), call[2]));
        if (!call[3].isEmpty()) {
            cmd.add(call[3]);
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String result = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException("load generator failed: " + String.join(" ", cmd));
        }
        Map<String, Double> m = new HashMap<>();
        for (String kv : result.substring(7).split(" ")) {
            String[] f = kv.split("=");
            m.put(f[0], Double.parseDouble(f[1]));
        }
        return m;
    }
}
