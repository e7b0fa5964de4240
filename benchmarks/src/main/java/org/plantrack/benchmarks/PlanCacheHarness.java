package org.plantrack.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.plantrack.adapter.rest.PlantrackServer;
import org.plantrack.adapter.rest.ServerConfig;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.persistence.jdbc.JdbcPlanStore;
import org.plantrack.persistence.jdbc.internal.PlanCodec;

/**
 * The decoded-plan cache of {@link JdbcPlanStore}: the same reads with the cache on and off, in the
 * same run, on the same database.
 *
 * <p>The database holds N generated plans ({@link Portfolio}, ≈41 targets, a year of reports each). Two
 * stores are open on it, each with its own pool: one with the default cache (256 plans, more than N, so
 * every read after the first of a plan finds it cached and the database still says it is current), one
 * with the cache off (every read decodes, as before the cache). For each query a random plan is picked and
 * both stores are asked, alternating which goes first; the first 20% are not recorded (warm-up). Figures:
 *
 * <ol>
 * <li>{@code findPlan(id)} — one plan read;</li>
 * <li>{@code PlanTracker.evaluate(plan, 2017-09-30)} — the status request's work: read the plan, read its
 * reports as of the date, evaluate;</li>
 * <li>{@code findPlan(id)} with a cache of N/2 plans, so about half the reads miss, against the cache off;</li>
 * <li>the database side of the freshness check alone, raw JDBC on one connection, five query shapes in
 * rotation: the full row with the document read (what a read without cache asks), the full row with the
 * document not read, the row with {@code CASE WHEN version = ? THEN NULL ELSE document END} (what the store
 * asks when a plan is cached), the version alone, and the cache query in a transaction (setAutoCommit(false),
 * commit: how the store ran every read before one-statement reads went to auto-commit); and
 * {@code PlanCodec.decode} alone.</li>
 * </ol>
 *
 * <p>Then, on H2 only, the status endpoint over HTTP: two Plantrack servers in this JVM on the same H2 file,
 * one store with the cache and one without, loaded in turn by {@link LoadGenerator} in a child JVM (as in
 * {@link RestHarness}), rounds alternating which server goes first, after one unrecorded pass over both.
 *
 * <p>PostgreSQL is used too when {@code PLANTRACK_TEST_PG_URL}, {@code _USER}, {@code _PASSWORD} are set; its
 * {@code public} schema is dropped and recreated.
 *
 * <pre>java -cp ... org.plantrack.benchmarks.PlanCacheHarness [plans=100] [queries=2000] [restSeconds=5] [restRounds=5] [threads=8]</pre>
 * {@code restSeconds=0} leaves out the HTTP figure.
 */
public final class PlanCacheHarness {
    static final Principal WHO = Principal.system();

    private PlanCacheHarness() {
    }

    public static void main(String[] args) throws Exception {
        int plans = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        double restSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        int restRounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        Stats.banner("Decoded-plan cache: the same reads with the cache on and off");
        Path dir = Files.createTempDirectory("plantrack-bench-plancache");
        String h2 = "jdbc:h2:file:" + dir.resolve("plancache");
        run("H2 file", h2, "sa", "", h2 + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0", plans, queries, false);
        String pgUrl = System.getenv("PLANTRACK_TEST_PG_URL");
        if (pgUrl == null || pgUrl.isBlank()) {
            System.out.println("PostgreSQL: skipped (PLANTRACK_TEST_PG_URL not set; eval \"$(bash .ci/pg-start)\")");
        } else {
            String user = System.getenv("PLANTRACK_TEST_PG_USER");
            String password = System.getenv("PLANTRACK_TEST_PG_PASSWORD");
            try (Connection c = DriverManager.getConnection(pgUrl, user, password); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA public CASCADE");
                st.execute("CREATE SCHEMA public");
            }
            run("PostgreSQL", pgUrl, user, password, pgUrl, plans, queries, true);
        }
        if (restSeconds > 0) {
            rest(h2, restSeconds, restRounds, threads);
        }
        JdbcHarness.deleteTree(dir);
        System.out.println("load average after: " + Stats.load());
    }

    static JdbcPlanStore open(String url, String user, String password, int planCacheSize, boolean postgres) {
        return JdbcPlanStore.open(url, user, password, postgres ? JdbcPlanStore.DEFAULT_CONNECTION_TIMEOUT
                : JdbcPlanStore.DEFAULT_H2_FILE_CONNECTION_TIMEOUT, planCacheSize);
    }

    static void run(String db, String url, String user, String password, String rawUrl, int plans, int queries,
            boolean postgres) throws Exception {
        System.out.println("--- " + db + " (load average " + Stats.load() + ")");
        try (JdbcPlanStore cached = open(url, user, password, JdbcPlanStore.DEFAULT_PLAN_CACHE_SIZE, postgres);
                JdbcPlanStore uncached = open(url, user, password, 0, postgres);
                JdbcPlanStore half = open(url, user, password, Math.max(1, plans / 2), postgres);
                Connection raw = DriverManager.getConnection(rawUrl, user, password)) {
            long s0 = System.nanoTime();
            Random rnd = new Random(42);
            long[] ids = {0};
            List<String> planIds = new ArrayList<>();
            long chars = 0;
            for (int i = 0; i < plans; i++) {
                Plan p = Portfolio.plan(rnd, i);
                cached.insertPlan(p, JdbcHarness.audit("plan.create", p.id()));
                List<ProgressReport> year = Portfolio.reports(rnd, p, ids);
                cached.appendReports(year, JdbcHarness.audit("report.import", p.id()));
                planIds.add(p.id());
                chars += PlanCodec.encode(p).length();
            }
            if (postgres) {
                try (Statement st = raw.createStatement()) {
                    st.execute("ANALYZE");
                }
            }
            System.out.printf("seeded %,d plans (%,d targets, %,d reports; stored document %,d characters on average)"
                    + " in %.1f s; cache sizes %d / %d / off%n", plans, cached.listPlans().stream()
                    .mapToInt(p -> p.targets().size()).sum(), ids[0], chars / plans, (System.nanoTime() - s0) / 1e9,
                    cached.planCacheSize(), half.planCacheSize());
            PlanTracker withCache = PlanTracker.builder().store(cached).build();
            PlanTracker without = PlanTracker.builder().store(uncached).build();

            System.out.printf("  %-62s %10s %10s %10s%n", "", "median ms", "p99 ms", "reads/s");
            Map<String, Plan> seen = new HashMap<>();
            int[] cachedHits = new int[2];
            pair("findPlan(id)", planIds, queries, id -> {
                Plan p = cached.findPlan(id).orElseThrow();
                cachedHits[0] += seen.put(id, p) == p ? 1 : 0; // the same instance again: not decoded
                cachedHits[1]++;
                return p.targets().size();
            }, id -> uncached.findPlan(id).orElseThrow().targets().size(), "cache on (256)", "cache off");
            System.out.printf("  (reads answered from the cache of 256: %.0f%%, warm-up included)%n",
                    100.0 * cachedHits[0] / cachedHits[1]);
            pair("PlanTracker.evaluate(id, 2017-09-30)", planIds, Math.max(100, queries / 2),
                    id -> withCache.evaluate(WHO, id, JdbcHarness.AS_OF).targets().size(),
                    id -> without.evaluate(WHO, id, JdbcHarness.AS_OF).targets().size(), "cache on (256)", "cache off");
            Map<String, Plan> last = new HashMap<>();
            int[] hits = new int[2];
            pair("findPlan(id), cache of " + half.planCacheSize() + " for " + plans + " plans", planIds, queries, id -> {
                Plan p = half.findPlan(id).orElseThrow();
                hits[0] += last.put(id, p) == p ? 1 : 0;
                hits[1]++;
                return p.targets().size();
            }, id -> uncached.findPlan(id).orElseThrow().targets().size(), "cache on (" + half.planCacheSize() + ")",
                    "cache off");
            System.out.printf("  (reads answered from the cache of %d: %.0f%%, warm-up included)%n", half.planCacheSize(),
                    100.0 * hits[0] / hits[1]);
            shapes(raw, cached, planIds, queries);
        }
    }

    /** A side of a comparison: one timed call for a plan id; returns something to keep the result alive. */
    interface Side {
        long call(String planId) throws Exception;
    }

    /** Both sides for each random plan, alternating which goes first; medians, p99 and the ratio. */
    static void pair(String what, List<String> planIds, int queries, Side on, Side off, String onName, String offName)
            throws Exception {
        Random pick = new Random(1);
        int warmup = Math.max(20, queries / 5);
        List<Double> tOn = new ArrayList<>();
        List<Double> tOff = new ArrayList<>();
        long sink = 0;
        for (int q = -warmup; q < queries; q++) {
            String id = planIds.get(pick.nextInt(planIds.size()));
            for (int k = 0; k < 2; k++) {
                boolean first = (q + k) % 2 == 0;
                long s = System.nanoTime();
                sink += first ? on.call(id) : off.call(id);
                double t = (System.nanoTime() - s) / 1e9;
                if (q >= 0) {
                    (first ? tOn : tOff).add(t);
                }
            }
        }
        double[] a = Stats.toArray(tOn);
        double[] b = Stats.toArray(tOff);
        System.out.println("  " + what + ": " + queries + " queries each side after " + warmup + " warm-up, random plans");
        System.out.printf(Locale.ROOT, "    %-60s %10.3f %10.3f %,10.0f%n", offName, Stats.median(b) * 1e3,
                Stats.percentile(b, 99) * 1e3, 1 / Stats.median(b));
        System.out.printf(Locale.ROOT, "    %-60s %10.3f %10.3f %,10.0f%n", onName, Stats.median(a) * 1e3,
                Stats.percentile(a, 99) * 1e3, 1 / Stats.median(a));
        System.out.printf(Locale.ROOT, "    time with the cache / without (median): %.2f (%.2f× as fast); checksum %d%n",
                Stats.median(a) / Stats.median(b), Stats.median(b) / Stats.median(a), sink);
    }

    /** The freshness check's query shapes on one raw connection (autocommit), in rotation; and decoding alone. */
    static void shapes(Connection raw, JdbcPlanStore store, List<String> planIds, int queries) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        Map<String, String> documents = new HashMap<>();
        for (String id : planIds) {
            try (PreparedStatement ps = raw.prepareStatement("SELECT version, document FROM plantrack_plan WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    versions.put(id, rs.getLong(1));
                    documents.put(id, rs.getString(2));
                }
            }
        }
        String[] names = {"full row, document read (no cache, before decoding)", "full row, document not read",
                "CASE WHEN version = ? THEN NULL ELSE document END (cache)", "version only", null,
                "the (cache) query in a transaction (reads before auto-commit)"};
        String full = "SELECT version, codec_format, document FROM plantrack_plan WHERE id = ?";
        String[] sql = {full, full, "SELECT version, codec_format, CASE WHEN version = ? THEN NULL ELSE document END"
                + " FROM plantrack_plan WHERE id = ?", "SELECT version FROM plantrack_plan WHERE id = ?", null, null};
        sql[5] = sql[2];
        // shape 5 is shape 2 as the store ran every read before single-statement reads went to auto-commit
        List<List<Double>> times = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            times.add(new ArrayList<>());
        }
        Random pick = new Random(2);
        int warmup = Math.max(20, queries / 5);
        long sink = 0;
        for (int q = -warmup; q < queries; q++) {
            String id = planIds.get(pick.nextInt(planIds.size()));
            long version = versions.get(id);
            for (int k = 0; k < 6; k++) {
                int shape = Math.floorMod(q + k, 6);
                long s = System.nanoTime();
                if (shape == 5) {
                    raw.setAutoCommit(false);
                }
                if (shape == 4) {
                    sink += PlanCodec.decode(documents.get(id), version).targets().size();
                } else {
                    try (PreparedStatement ps = raw.prepareStatement(sql[shape])) {
                        int p = 1;
                        if (shape == 2 || shape == 5) {
                            ps.setLong(p++, version);
                        }
                        ps.setString(p, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            sink += rs.getLong(1) == version ? 1 : 0;
                            if (shape == 0) {
                                sink += rs.getString(3).length();
                            } else if (shape == 2 || shape == 5) {
                                sink += rs.getString(3) == null ? 1 : 0;
                            }
                        }
                    }
                }
                if (shape == 5) {
                    raw.commit();
                    raw.setAutoCommit(true);
                }
                double t = (System.nanoTime() - s) / 1e9;
                if (q >= 0) {
                    times.get(shape).add(t);
                }
            }
        }
        System.out.println("  database side of the check (raw JDBC, one connection, autocommit), " + queries
                + " queries per shape in rotation:");
        for (int i : new int[] {0, 1, 2, 3, 5}) {
            double[] v = Stats.toArray(times.get(i));
            System.out.printf(Locale.ROOT, "    %-60s %10.3f %10.3f%n", names[i], Stats.median(v) * 1e3,
                    Stats.percentile(v, 99) * 1e3);
        }
        double[] d = Stats.toArray(times.get(4));
        System.out.printf(Locale.ROOT, "    %-60s %10.3f %10.3f%n", "PlanCodec.decode alone (no database)",
                Stats.median(d) * 1e3, Stats.percentile(d, 99) * 1e3);
        double[] auto = Stats.toArray(times.get(2));
        double[] tx = Stats.toArray(times.get(5));
        System.out.printf(Locale.ROOT, "    a one-statement read in auto-commit / in a transaction: %.2f (medians)%n",
                Stats.median(auto) / Stats.median(tx));
        System.out.println("    checksum " + sink);
    }

    /** Two servers on one H2 file, one store with the cache and one without; GET status under load. */
    static void rest(String h2, double seconds, int rounds, int threads) throws Exception {
        System.out.println("--- REST GET status, H2 file: two servers in this JVM on one file, cache on / off"
                + " (load average " + Stats.load() + ")");
        try (JdbcPlanStore cached = open(h2, "sa", "", JdbcPlanStore.DEFAULT_PLAN_CACHE_SIZE, false);
                JdbcPlanStore uncached = open(h2, "sa", "", 0, false)) {
            Supplier<ServerConfig.Builder> cfg = () -> ServerConfig.builder().host("127.0.0.1").port(0).demo(false)
                    .rateLimit(1e9, 1_000_000_000);
            try (PlantrackServer on = PlantrackServer.start(cfg.get().store(cached).build());
                    PlantrackServer off = PlantrackServer.start(cfg.get().store(uncached).build())) {
                String token = on.tracker().createToken(Principal.system(), Role.ADMIN, java.util.Set.of(), "bench")
                        .bearer();
                String path = "/api/v1/plans/plan-0/status?asOf=2017-09-30";
                String[] names = {"GET status: cache on (256)", "GET status: cache off"};
                String[][] calls = {
                    {"http://127.0.0.1:" + on.port() + path, "GET", token, ""},
                    {"http://127.0.0.1:" + off.port() + path, "GET", token, ""},
                };
                HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                byte[][] bodies = new byte[2][];
                for (int i = 0; i < 2; i++) {
                    HttpResponse<byte[]> r = probe.send(HttpRequest.newBuilder(URI.create(calls[i][0]))
                            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("probe of " + names[i] + " answered HTTP " + r.statusCode());
                    }
                    bodies[i] = r.body();
                }
                if (!java.util.Arrays.equals(bodies[0], bodies[1])) {
                    throw new IllegalStateException("the two servers answer differently");
                }
                double warmup = Math.min(3, seconds);
                System.out.printf("status body %,d bytes (the same from both); %d client threads, %.0f s warm-up +"
                        + " %.0f s per figure, %d rounds%n", bodies[0].length, threads, warmup, seconds, rounds);
                for (String[] call : calls) {
                    RestHarness.load(call, threads, 0, warmup); // not recorded: JIT warm-up of both paths
                }
                Map<Integer, List<Map<String, Double>>> results = new HashMap<>();
                for (int r = 0; r < rounds; r++) {
                    for (int k = 0; k < 2; k++) {
                        int i = (r + k) % 2;
                        Map<String, Double> m = RestHarness.load(calls[i], threads, warmup, seconds);
                        results.computeIfAbsent(i, x -> new ArrayList<>()).add(m);
                        System.out.printf(Locale.ROOT, "  round %d %-28s rps %9.0f  p50 %7.2f ms  p99 %7.2f ms  errors %.0f"
                                + "  (load %s)%n", r + 1, names[i], m.get("rps"), m.get("p50ms"), m.get("p99ms"),
                                m.get("errors"), Stats.load());
                    }
                }
                System.out.printf("%-28s %12s %10s %10s%n", "figure (median of rounds)", "requests/s", "p50 ms", "p99 ms");
                for (int i = 0; i < 2; i++) {
                    System.out.printf(Locale.ROOT, "%-28s %12.0f %10.2f %10.2f%n", names[i],
                            RestHarness.med(results.get(i), "rps"), RestHarness.med(results.get(i), "p50ms"),
                            RestHarness.med(results.get(i), "p99ms"));
                }
                double[] perRound = new double[rounds];
                StringBuilder each = new StringBuilder();
                for (int r = 0; r < rounds; r++) {
                    perRound[r] = results.get(0).get(r).get("rps") / results.get(1).get(r).get("rps");
                    each.append(String.format(Locale.ROOT, " %.2f", perRound[r]));
                }
                System.out.printf(Locale.ROOT, "requests/s with the cache / without: %.2f (medians); per round%s,"
                        + " median %.2f%n", RestHarness.med(results.get(0), "rps") / RestHarness.med(results.get(1), "rps"),
                        each, Stats.median(perRound));
            }
        }
    }
}
