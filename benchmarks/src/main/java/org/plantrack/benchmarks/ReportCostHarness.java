package org.plantrack.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.plantrack.adapter.rest.PlantrackServer;
import org.plantrack.adapter.rest.ServerConfig;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.store.AuditAction;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.persistence.jdbc.JdbcPlanStore;
import org.plantrack.webhooks.Webhooks;

/**
 * The cost of one progress report against the number of reports already on its target (issue 14 §3).
 *
 * <p>One H2 file store (as {@code plantrack serve} uses by default). Two plans from {@link Portfolio}; in each,
 * one count target per size (by default 0, 1,000, 4,000 and 12,000 reports, seeded with
 * {@code appendReports} in batches of 1,000, dated over the year before the clock's day). The clock is fixed
 * at 2017-10-15 (Asia/Shanghai), so the targets are evaluated against their pace as in the middle of a year.
 *
 * <ol>
 * <li><b>facade</b>: {@code PlanTracker.report} on plan 0, the tracker built as the server builds it (the
 * webhook {@code status.changed} listener registered, so status changes are computed after each report);</li>
 * <li><b>HTTP</b>: {@code POST /api/v1/plans/{id}/reports} on plan 1, a {@link PlantrackServer} in this JVM
 * on the same store, one client sending one request at a time (kept-alive connection), admin bearer.</li>
 * </ol>
 *
 * <p>Between the two, the store's {@code countReports} of each facade target alone is timed the same way: the
 * query the tracker's report cache checks itself with (see {@code PlanTracker.Builder.reportCache}).
 *
 * <p>Each round posts one {@code ADD} report to every target, sizes in an order rotated round by round, so
 * the empty target — the baseline — is measured in the same run, interleaved; the first 20% of the rounds
 * are not recorded (warm-up). Printed per size: p50 and p90 milliseconds per report and the p50 ratio to
 * the empty target.
 *
 * <pre>java -cp ... org.plantrack.benchmarks.ReportCostHarness [rounds=300] [sizes=0,1000,4000,12000] [http=true]</pre>
 */
public final class ReportCostHarness {
    static final Principal ADMIN = Principal.system();
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2017, 10, 15);

    private ReportCostHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int[] sizes = args.length > 1 ? parseSizes(args[1]) : new int[] {0, 1000, 4000, 12000};
        boolean http = args.length <= 2 || Boolean.parseBoolean(args[2]);
        Stats.banner("Report cost against the reports already on the target (H2 file)");
        Path dir = Files.createTempDirectory("plantrack-bench-reportcost");
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
        try (JdbcPlanStore store = JdbcPlanStore.open("jdbc:h2:file:" + dir.resolve("reportcost"), "sa", "")) {
            Random rnd = new Random(14);
            Plan facadePlan = Portfolio.plan(rnd, 0);
            Plan httpPlan = Portfolio.plan(rnd, 1);
            List<String> facadeTargets = seed(store, facadePlan, sizes);
            List<String> httpTargets = seed(store, httpPlan, sizes);
            PlanTracker tracker = PlanTracker.builder().store(store).clock(clock)
                    .listener(Webhooks.of(store, clock).orElseThrow().statusListener()).build();
            double[][] facade = new double[sizes.length][];
            double[][] overHttp = http ? new double[sizes.length][] : null;
            System.out.println("--- facade: PlanTracker.report (load average " + Stats.load() + ")");
            run(rounds, sizes.length, (i, n) -> tracker.report(ADMIN, ReportRequest.add(facadePlan.id(),
                    facadeTargets.get(i), TODAY, 1).withNote("bench " + n)), facade);
            print(sizes, facade);
            System.out.println("--- the store's count of the target's reports alone (the cache's check), same rounds");
            double[][] count = new double[sizes.length][];
            run(rounds, sizes.length, (i, n) -> store.countReports(
                    org.plantrack.core.store.ReportQuery.plan(facadePlan.id()).target(facadeTargets.get(i))), count);
            print(sizes, count);
            if (http) {
                PlantrackServer server = PlantrackServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                        .store(store).clock(clock).demo(false).rateLimit(1e9, 1_000_000_000).build());
                try {
                    String token = server.tracker().createToken(ADMIN, Role.ADMIN, java.util.Set.of(), "bench").bearer();
                    String url = "http://127.0.0.1:" + server.port() + "/api/v1/plans/" + httpPlan.id() + "/reports";
                    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    System.out.println("--- HTTP: POST /api/v1/plans/{id}/reports (load average " + Stats.load() + ")");
                    run(rounds, sizes.length, (i, n) -> {
                        String body = "{\"targetId\":\"" + httpTargets.get(i) + "\",\"asOf\":\"" + TODAY
                                + "\",\"value\":1,\"mode\":\"ADD\",\"note\":\"bench " + n + "\"}";
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            throw new IllegalStateException("POST answered " + r.statusCode() + ": " + r.body());
                        }
                    }, overHttp);
                    print(sizes, overHttp);
                } finally {
                    server.close();
                }
            }
        }
        JdbcHarness.deleteTree(dir);
        System.out.println("load average after: " + Stats.load());
    }

    @FunctionalInterface
    interface Post {
        void post(int target, int n) throws Exception;
    }

    /** Rounds of one post per target, in an order rotated by round; the first 20% are left out. */
    static void run(int rounds, int targets, Post post, double[][] out) throws Exception {
        List<List<Double>> ms = new ArrayList<>();
        for (int i = 0; i < targets; i++) {
            ms.add(new ArrayList<>());
        }
        int warmUp = rounds / 5;
        int n = 0;
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < targets; k++) {
                int i = (k + round) % targets;
                long s = System.nanoTime();
                post.post(i, n++);
                double t = (System.nanoTime() - s) / 1e6;
                if (round >= warmUp) {
                    ms.get(i).add(t);
                }
            }
        }
        for (int i = 0; i < targets; i++) {
            out[i] = Stats.toArray(ms.get(i));
        }
    }

    static void print(int[] sizes, double[][] ms) {
        double base = Stats.median(ms[0]);
        System.out.println(String.format(Locale.ROOT, "%12s %8s %10s %10s %12s", "reports", "posts", "p50 ms",
                "p90 ms", "p50 / first"));
        for (int i = 0; i < sizes.length; i++) {
            double p50 = Stats.median(ms[i]);
            System.out.println(String.format(Locale.ROOT, "%,12d %8d %10.3f %10.3f %12.2f", sizes[i], ms[i].length,
                    p50, Stats.percentile(ms[i], 90), p50 / base));
        }
    }

    /** Stores {@code plan} and seeds one count target per size with that many reports; returns the target ids. */
    static List<String> seed(JdbcPlanStore store, Plan plan, int[] sizes) {
        store.insertPlan(plan, audit("plan.create", plan.id()));
        List<Target> counts = plan.targets().stream().filter(t -> t.kind() == TargetKind.COUNT).toList();
        if (counts.size() < sizes.length) {
            throw new IllegalStateException("plan " + plan.id() + " has only " + counts.size() + " count targets");
        }
        List<String> ids = new ArrayList<>();
        LocalDate start = plan.period().start();
        int days = (int) (TODAY.toEpochDay() - start.toEpochDay());
        Instant recorded = Instant.parse("2017-01-01T00:00:00Z");
        for (int i = 0; i < sizes.length; i++) {
            Target t = counts.get(i);
            ids.add(t.id());
            List<ProgressReport> batch = new ArrayList<>();
            for (int k = 0; k < sizes[i]; k++) {
                LocalDate asOf = start.plusDays((long) k * days / Math.max(1, sizes[i]));
                batch.add(new ProgressReport("seed-" + plan.id() + "-" + t.id() + "-" + k, plan.id(), t.id(), asOf,
                        k % 50 == 0 ? k / 10.0 : 1, k % 50 == 0 ? ReportMode.SET : ReportMode.ADD, null, List.of(),
                        "bench", recorded.plusSeconds(k), null));
                if (batch.size() == 1000) {
                    store.appendReports(batch, audit("report.batch", plan.id()));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                store.appendReports(batch, audit("report.batch", plan.id()));
            }
        }
        return ids;
    }

    static AuditRecord audit(String action, String planId) {
        return AuditRecord.ok(Instant.now(), "bench", AuditAction.of(action), planId, null, null, null);
    }

    static int[] parseSizes(String s) {
        String[] f = s.split(",");
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = Integer.parseInt(f[i].trim());
        }
        return out;
    }
}
