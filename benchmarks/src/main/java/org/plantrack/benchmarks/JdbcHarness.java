package org.plantrack.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.store.AuditAction;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.persistence.jdbc.JdbcPlanStore;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * JDBC figures, each against raw JDBC in the same database and run:
 *
 * <ol>
 * <li><b>Ingest</b>: progress reports per second through {@code PlanStore.appendReports} (batches of 1,000,
 * one transaction each, with its audit event) against raw JDBC batch inserts of the same rows into an
 * identical table ({@code bench_raw_report}: same columns, keys, foreign key and indexes) in the same
 * database, over a connection with the same URL settings (H2: {@code WRITE_DELAY=0;LOCK_TIMEOUT=10000};
 * PostgreSQL: {@code reWriteBatchedInserts=true}), one transaction per batch. Batches alternate: even
 * batches Plantrack first, odd batches raw first.</li>
 * <li><b>As-of status query</b> of one plan from a database seeded with N plans (≈1,160 reports each; PostgreSQL
 * seeded with COPY, H2 with raw batch inserts): Plantrack = {@code PlanTracker.evaluate(plan, asOf)}
 * (read the plan, read its reports as of the date, map them, evaluate); baseline = the same two SELECTs
 * over raw JDBC, every column read, nothing mapped or evaluated. Alternating; median and p99.</li>
 * </ol>
 *
 * <p>PostgreSQL is used when {@code PLANTRACK_TEST_PG_URL}, {@code _USER}, {@code _PASSWORD} are set
 * ({@code eval "$(bash .ci/pg-start)"}); its {@code public} schema is dropped and recreated.
 *
 * <pre>java -cp ... org.plantrack.benchmarks.JdbcHarness [ingestPlans=25] [h2AsOfPlans=100] [pgAsOfPlans=500] [queries=300]</pre>
 */
public final class JdbcHarness {
    static final int BATCH = 1000;
    static final LocalDate AS_OF = LocalDate.of(2017, 9, 30);
    static final String COLUMNS = "id, plan_id, target_id, as_of, report_value, report_mode, note, evidence, reporter,"
            + " recorded_at_us, supersedes, audit_seq";

    /** The stored form of an empty evidence list (as the store writes it). */
    static final String NO_EVIDENCE = org.plantrack.persistence.jdbc.internal.PlanCodec.encodeStrings(List.of());

    private JdbcHarness() {
    }

    public static void main(String[] args) throws Exception {
        int ingestPlans = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        int h2AsOfPlans = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int pgAsOfPlans = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int queries = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        Stats.banner("JDBC ingest and as-of query");
        Path dir = Files.createTempDirectory("plantrack-bench-h2");
        String h2 = "jdbc:h2:file:" + dir.resolve("bench");
        run("H2 file", h2, "sa", "", h2 + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0", ingestPlans, h2AsOfPlans, queries, false);
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
            String raw = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
            run("PostgreSQL", pgUrl, user, password, raw, ingestPlans, pgAsOfPlans, queries, true);
        }
        deleteTree(dir);
        System.out.println("load average after: " + Stats.load());
    }

    static void run(String db, String storeUrl, String user, String password, String rawUrl, int ingestPlans,
            int asOfPlans, int queries, boolean postgres) throws Exception {
        System.out.println("--- " + db);
        try (JdbcPlanStore store = JdbcPlanStore.open(storeUrl, user, password);
                Connection raw = DriverManager.getConnection(rawUrl, user, password)) {
            store.listPlans(); // migrations
            try (Statement st = raw.createStatement()) {
                String coll = postgres ? " COLLATE \"C\"" : "";
                st.execute("CREATE TABLE bench_raw_report (id VARCHAR(64)" + coll + " NOT NULL, plan_id VARCHAR(64)" + coll
                        + " NOT NULL, target_id VARCHAR(64)" + coll + " NOT NULL, as_of DATE NOT NULL,"
                        + " report_value DOUBLE PRECISION NOT NULL, report_mode VARCHAR(8) NOT NULL, note VARCHAR(20000),"
                        + " evidence VARCHAR(100000) NOT NULL, reporter VARCHAR(20000) NOT NULL,"
                        + " recorded_at_us BIGINT NOT NULL, supersedes VARCHAR(64)" + coll + ", audit_seq BIGINT NOT NULL,"
                        + " CONSTRAINT bench_raw_report_pk PRIMARY KEY (id), CONSTRAINT bench_raw_report_plan_fk"
                        + " FOREIGN KEY (plan_id) REFERENCES plantrack_plan (id))");
                st.execute("CREATE INDEX bench_raw_report_target_as_of ON bench_raw_report (plan_id, target_id, as_of)");
                st.execute("CREATE INDEX bench_raw_report_plan_as_of ON bench_raw_report (plan_id, as_of)");
            }
            ingest(store, raw, ingestPlans);
            asOf(store, raw, asOfPlans, queries, postgres);
        }
    }

    static AuditRecord audit(String action, String planId) {
        return AuditRecord.ok(Instant.now(), "bench", AuditAction.of(action), planId, null, null, null);
    }

    static void ingest(JdbcPlanStore store, Connection raw, int plans) throws SQLException {
        Random rnd = new Random(7);
        long[] ids = new long[1];
        List<ProgressReport> all = new ArrayList<>();
        for (int i = 0; i < plans; i++) {
            Plan p = Portfolio.plan(rnd, 1_000_000 + i);
            store.insertPlan(p, audit("plan.create", p.id()));
            all.addAll(Portfolio.reports(rnd, p, ids));
        }
        all.sort(Comparator.comparing(ProgressReport::asOf)); // reports arrive by date, across plans
        raw.setAutoCommit(false);
        List<Double> tp = new ArrayList<>();
        List<Double> tr = new ArrayList<>();
        int batches = all.size() / BATCH;
        for (int b = 0; b < batches; b++) {
            List<ProgressReport> batch = all.subList(b * BATCH, (b + 1) * BATCH);
            for (int k = 0; k < 2; k++) {
                if ((b + k) % 2 == 0) {
                    long s = System.nanoTime();
                    store.appendReports(batch, audit("report.batch", null));
                    tp.add((System.nanoTime() - s) / 1e9);
                } else {
                    long s = System.nanoTime();
                    rawInsert(raw, batch);
                    tr.add((System.nanoTime() - s) / 1e9);
                }
            }
        }
        raw.setAutoCommit(true);
        int warm = Math.min(3, batches / 4); // the first batches include JIT warm-up; they are left out
        double[] p = Stats.toArray(tp.subList(warm, tp.size()));
        double[] r = Stats.toArray(tr.subList(warm, tr.size()));
        double sumP = 0;
        double sumR = 0;
        for (double v : p) {
            sumP += v;
        }
        for (double v : r) {
            sumR += v;
        }
        System.out.printf("ingest: %d batches of %,d reports each side (first %d left out as warm-up)%n", batches, BATCH,
                warm);
        System.out.printf("  %-40s %12s %12s %14s %14s%n", "", "median ms", "p99 ms", "reports/s (med)",
                "reports/s (all)");
        System.out.printf("  %-40s %12.1f %12.1f %,14.0f %,14.0f%n", "raw JDBC batch insert, 1 tx/batch",
                Stats.median(r) * 1e3, Stats.percentile(r, 99) * 1e3, BATCH / Stats.median(r), r.length * BATCH / sumR);
        System.out.printf("  %-40s %12.1f %12.1f %,14.0f %,14.0f%n", "PlanStore.appendReports",
                Stats.median(p) * 1e3, Stats.percentile(p, 99) * 1e3, BATCH / Stats.median(p), p.length * BATCH / sumP);
        System.out.printf("  ratio Plantrack / raw (median batch): %.2f (goal >= 0.70: %s)%n",
                Stats.median(r) / Stats.median(p), Stats.median(r) / Stats.median(p) >= 0.7 ? "met" : "NOT met");
    }

    static void rawInsert(Connection raw, List<ProgressReport> batch) throws SQLException {
        try (PreparedStatement ps = raw.prepareStatement("INSERT INTO bench_raw_report (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ProgressReport r : batch) {
                bindReport(ps, r);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        raw.commit();
    }

    static void bindReport(PreparedStatement ps, ProgressReport r) throws SQLException {
        ps.setString(1, r.id());
        ps.setString(2, r.planId());
        ps.setString(3, r.targetId());
        ps.setObject(4, r.asOf());
        ps.setDouble(5, r.value());
        ps.setString(6, r.mode().name());
        ps.setString(7, r.note());
        ps.setString(8, NO_EVIDENCE);
        ps.setString(9, r.reporter());
        ps.setLong(10, r.recordedAt().getEpochSecond() * 1_000_000L + r.recordedAt().getNano() / 1000);
        ps.setString(11, r.supersedes());
        ps.setLong(12, 0);
    }

    static void asOf(JdbcPlanStore store, Connection raw, int plans, int queries, boolean postgres) throws Exception {
        long s0 = System.nanoTime();
        Random rnd = new Random(42);
        long firstId = 1_000_000_000L; // report ids apart from the ingest's
        long[] ids = {firstId};
        List<String> planIds = new ArrayList<>(plans);
        if (postgres) {
            CopyIn copy = null;
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < plans; i++) {
                Plan p = Portfolio.plan(rnd, i);
                store.insertPlan(p, audit("plan.create", p.id()));
                planIds.add(p.id());
                if (copy == null) {
                    copy = raw.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("COPY plantrack_report (" + COLUMNS + ") FROM STDIN");
                }
                for (ProgressReport r : Portfolio.reports(rnd, p, ids)) {
                    sb.append(r.id()).append('\t').append(r.planId()).append('\t').append(r.targetId()).append('\t')
                            .append(r.asOf()).append('\t').append(r.value()).append('\t').append(r.mode().name())
                            .append("\t\\N\t").append(NO_EVIDENCE).append('\t').append(r.reporter()).append('\t')
                            .append(r.recordedAt().getEpochSecond() * 1_000_000L).append("\t\\N\t0\n");
                }
                if (sb.length() > 1 << 20 || i == plans - 1) {
                    byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(b, 0, b.length);
                    sb.setLength(0);
                }
                if (i % 1000 == 999 || i == plans - 1) {
                    copy.endCopy();
                    copy = null;
                }
            }
            try (Statement st = raw.createStatement()) {
                st.execute("ANALYZE plantrack_report");
            }
        } else {
            raw.setAutoCommit(false);
            try (PreparedStatement ps = raw.prepareStatement("INSERT INTO plantrack_report (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < plans; i++) {
                    Plan p = Portfolio.plan(rnd, i);
                    store.insertPlan(p, audit("plan.create", p.id()));
                    planIds.add(p.id());
                    for (ProgressReport r : Portfolio.reports(rnd, p, ids)) {
                        bindReport(ps, r);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    raw.commit();
                }
            }
            raw.setAutoCommit(true);
        }
        System.out.printf("as-of query: seeded %,d plans, %,d reports in %.1f s (%s)%n", plans, ids[0] - firstId,
                (System.nanoTime() - s0) / 1e9, postgres ? "COPY" : "raw batch inserts");
        PlanTracker tracker = PlanTracker.builder().store(store).build();
        Principal who = Principal.system();
        Random pick = new Random(1);
        int warmup = Math.max(20, queries / 5);
        List<Double> tp = new ArrayList<>();
        List<Double> tb = new ArrayList<>();
        long sink = 0;
        long rows = 0;
        for (int q = -warmup; q < queries; q++) {
            String planId = planIds.get(pick.nextInt(planIds.size()));
            for (int k = 0; k < 2; k++) {
                if ((q + k) % 2 == 0) {
                    long s = System.nanoTime();
                    PlanEvaluation e = tracker.evaluate(who, planId, AS_OF);
                    double t = (System.nanoTime() - s) / 1e9;
                    sink += e.targets().size();
                    if (q >= 0) {
                        tp.add(t);
                    }
                } else {
                    long s = System.nanoTime();
                    long n = rawAsOf(raw, planId);
                    double t = (System.nanoTime() - s) / 1e9;
                    sink += n;
                    if (q >= 0) {
                        tb.add(t);
                        rows += n - 1;
                    }
                }
            }
        }
        double[] p = Stats.toArray(tp);
        double[] b = Stats.toArray(tb);
        System.out.printf("  %d queries each side after %d warm-up, random plans, as of %s, %,.0f reports per plan on average%n",
                queries, warmup, AS_OF, (double) rows / queries);
        System.out.printf("  %-58s %10s %10s%n", "", "median ms", "p99 ms");
        System.out.printf("  %-58s %10.2f %10.2f%n", "baseline: raw SELECT plan + SELECT reports as of (rows read)",
                Stats.median(b) * 1e3, Stats.percentile(b, 99) * 1e3);
        System.out.printf("  %-58s %10.2f %10.2f%n", "Plantrack: PlanTracker.evaluate (load as of + evaluate)",
                Stats.median(p) * 1e3, Stats.percentile(p, 99) * 1e3);
        System.out.printf("  ratio baseline / Plantrack (median): %.2f; checksum %d%n", Stats.median(b) / Stats.median(p),
                sink);
    }

    /** The same two reads as the store, every column of every row read and dropped; returns rows + 1. */
    static long rawAsOf(Connection raw, String planId) throws SQLException {
        long n = 0;
        try (PreparedStatement ps = raw.prepareStatement("SELECT version, codec_format, document FROM plantrack_plan WHERE id = ?")) {
            ps.setString(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n += rs.getString(3).length() > 0 ? 1 : 0;
                }
            }
        }
        try (PreparedStatement ps = raw.prepareStatement("SELECT " + COLUMNS.replace(", audit_seq", "")
                + " FROM plantrack_report WHERE plan_id = ? AND as_of <= ? ORDER BY as_of, recorded_at_us, id")) {
            ps.setString(1, planId);
            ps.setObject(2, AS_OF);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= 11; i++) {
                        rs.getObject(i);
                    }
                    n++;
                }
            }
        }
        return n;
    }

    static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
