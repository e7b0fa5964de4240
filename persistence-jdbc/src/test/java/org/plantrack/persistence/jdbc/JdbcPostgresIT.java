package org.plantrack.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.plantrack.core.store.StoreFixtures.T0;
import static org.plantrack.core.store.StoreFixtures.ok;
import static org.plantrack.core.store.StoreFixtures.plainReport;
import static org.plantrack.core.store.StoreFixtures.smallPlan;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.StoreUnavailableException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.store.AuditVerification;
import org.plantrack.core.store.ReportQuery;

/** PostgreSQL-only guarantees: append-only triggers, several servers on one database, a server outage. */
class JdbcPostgresIT {

    @AfterAll
    static void dropSchemas() {
        PgSupport.dropSchemas();
    }

    @Test
    void migrationsAreRecordedInPlantracksOwnHistoryTable() throws SQLException {
        String url = PgSupport.freshSchemaUrl();
        try (JdbcPlanStore store = JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD);
                Connection c = DriverManager.getConnection(url, PgSupport.USER, PgSupport.PASSWORD);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, script, success FROM plantrack_schema_history "
                        + "WHERE version IS NOT NULL ORDER BY installed_rank")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3));
            }
            assertThat(rows).contains("1 V1__plantrack_schema.sql true", "2 V2__append_only_triggers.sql true");
        }
        // opening again applies nothing and works
        try (JdbcPlanStore again = JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD)) {
            assertThat(again.listPlans()).isEmpty();
        }
    }

    @Test
    void triggersRejectUpdateDeleteAndTruncateOfReportsAndAuditEvents() throws SQLException {
        String url = PgSupport.freshSchemaUrl();
        try (JdbcPlanStore store = JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD)) {
            store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
            store.appendReport(plainReport("r1", "p", "t1", LocalDate.of(2017, 3, 1), T0), ok("report.add", "p", "r1"));
            try (Connection c = DriverManager.getConnection(url, PgSupport.USER, PgSupport.PASSWORD)) {
                for (String sql : List.of("UPDATE plantrack_report SET report_value = 99 WHERE id = 'r1'",
                        "DELETE FROM plantrack_report WHERE id = 'r1'",
                        "TRUNCATE plantrack_report CASCADE",
                        "UPDATE plantrack_audit SET actor = 'mallory' WHERE seq = 1",
                        "DELETE FROM plantrack_audit",
                        "TRUNCATE plantrack_audit")) {
                    assertThatThrownBy(() -> {
                        try (Statement st = c.createStatement()) {
                            st.execute(sql);
                        }
                    }).as(sql).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
                }
            }
            assertThat(store.findReport("r1").orElseThrow().value()).isEqualTo(1.0);
            assertThat(store.verifyAuditTrail().intact()).isTrue();
        }
    }

    @Test
    void deletingTheLastEventBehindTheStoresBackIsDetected() {
        String url = PgSupport.freshSchemaUrl();
        try (JdbcPlanStore store = JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD)) {
            store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
            store.appendAudit(ok("plan.export", "p", null));
            PgSupport.sqlOn(url, "ALTER TABLE plantrack_audit DISABLE TRIGGER plantrack_audit_append_only",
                    "DELETE FROM plantrack_audit WHERE seq = 2",
                    "ALTER TABLE plantrack_audit ENABLE TRIGGER plantrack_audit_append_only");
            AuditVerification v = store.verifyAuditTrail();
            assertThat(v.intact()).isFalse();
            assertThat(v.problems()).singleElement().asString().contains("removed");
        }
    }

    /** Two stores with two pools over one database behave like two servers sharing it. */
    @Test
    void twoStoresWritingConcurrentlyLoseNothingAndRejectTheStaleEdit() throws Exception {
        String url = PgSupport.freshSchemaUrl();
        try (JdbcPlanStore a = JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD);
                JdbcPlanStore b = JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD)) {
            a.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
            int threads = 6;
            int perThread = 40;
            ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                JdbcPlanStore store = t % 2 == 0 ? a : b;
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String id = "s" + thread + "-" + i;
                        store.appendReport(plainReport(id, "p", "t1", LocalDate.of(2017, 5, 1), T0),
                                ok("report.add", "p", id));
                    }
                    return null;
                }));
            }
            AtomicInteger wins = new AtomicInteger();
            AtomicInteger conflicts = new AtomicInteger();
            for (JdbcPlanStore store : List.of(a, b)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    Plan edit = smallPlan("p").withState(org.plantrack.core.model.PlanState.ARCHIVED);
                    try {
                        store.updatePlan(edit, 1, ok("plan.update", "p", "p"));
                        wins.incrementAndGet();
                    } catch (ConflictException e) {
                        assertThat(e).hasMessageContaining("stored version is 2");
                        conflicts.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(wins).hasValue(1);
            assertThat(conflicts).hasValue(1);
            assertThat(a.countReports(ReportQuery.plan("p"))).isEqualTo((long) threads * perThread);
            assertThat(b.findPlan("p").orElseThrow().version()).isEqualTo(2);
            AuditVerification v = b.verifyAuditTrail();
            assertThat(v.problems()).isEmpty();
            assertThat(v.eventsChecked()).isEqualTo(1L + threads * perThread + 1);
        }
    }

    /** Two PlanTrackers, each over its own store and pool, as two servers would run: no report lost, one edit wins. */
    @Test
    void twoTrackersOverOneDatabaseLoseNoReportAndRejectTheStaleEdit() throws Exception {
        String url = PgSupport.freshSchemaUrl();
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2017-07-01T02:00:00Z"),
                java.time.ZoneId.of("Asia/Shanghai"));
        org.plantrack.core.access.Principal admin = org.plantrack.core.access.Principal.admin("office");
        try (JdbcPlanStore sa = JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD);
                JdbcPlanStore sb = JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD)) {
            org.plantrack.core.PlanTracker a = org.plantrack.core.PlanTracker.builder().store(sa).clock(clock).build();
            org.plantrack.core.PlanTracker b = org.plantrack.core.PlanTracker.builder().store(sb).clock(clock).build();
            Plan v1 = a.createPlan(admin, smallPlan("p"));
            int threads = 4;
            int perThread = 25;
            ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                org.plantrack.core.PlanTracker tracker = t % 2 == 0 ? a : b;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        tracker.report(admin, org.plantrack.core.ReportRequest.add("p", "t1", LocalDate.of(2017, 5, 1), 1));
                    }
                    return null;
                }));
            }
            AtomicInteger wins = new AtomicInteger();
            AtomicInteger conflicts = new AtomicInteger();
            for (org.plantrack.core.PlanTracker tracker : List.of(a, b)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        tracker.updatePlan(admin, v1.withSettings(
                                org.plantrack.core.model.EvaluationSettings.defaults().withPreset(org.plantrack.core.model.Preset.CN_SUPERVISION)));
                        wins.incrementAndGet();
                    } catch (ConflictException e) {
                        conflicts.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(wins).hasValue(1);
            assertThat(conflicts).hasValue(1);
            assertThat(b.countReports(admin, ReportQuery.plan("p"))).isEqualTo((long) threads * perThread);
            assertThat(a.evaluate(admin, "p", LocalDate.of(2017, 7, 1)).target("t1").orElseThrow().current())
                    .isEqualTo(threads * perThread);
            assertThat(a.verifyAuditTrail(admin).intact()).isTrue();
        }
    }

    /**
     * The server is stopped while a writer runs: calls fail quickly with StoreUnavailableException
     * naming the database; after a restart the same store works again and every acknowledged report is there.
     */
    @Test
    void serverStoppedMidRunFailsFastAndRecoversWithNothingAcknowledgedLost() throws Exception {
        PgSupport.requireControl();
        String url = PgSupport.freshSchemaUrl();
        try (JdbcPlanStore store = JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD)) {
            store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            List<StoreUnavailableException> failures = Collections.synchronizedList(new ArrayList<>());
            List<Long> failureMillis = Collections.synchronizedList(new ArrayList<>());
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                int i = 0;
                while (running.get()) {
                    String id = "w" + i++;
                    ProgressReport r = plainReport(id, "p", "t1", LocalDate.of(2017, 6, 1), T0);
                    long t0 = System.nanoTime();
                    try {
                        store.appendReport(r, ok("report.add", "p", id));
                        acknowledged.add(id);
                    } catch (StoreUnavailableException e) {
                        failures.add(e);
                        failureMillis.add((System.nanoTime() - t0) / 1_000_000);
                    } catch (Throwable e) {
                        unexpected.set(e);
                        return;
                    }
                }
            }, "writer");
            writer.start();
            waitFor(() -> acknowledged.size() >= 20, 30_000);
            PgSupport.control("stop");
            try {
                waitFor(() -> failures.size() >= 3, 30_000);
                assertThatThrownBy(store::listPlans).isInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining("store unavailable")
                        .hasMessageContaining("jdbc:postgresql://");
            } finally {
                PgSupport.control("start");
            }
            int before = acknowledged.size();
            waitFor(() -> acknowledged.size() >= before + 20, 60_000);
            running.set(false);
            writer.join(30_000);
            assertThat(unexpected.get()).as("unexpected failure of the writer").isNull();
            assertThat(failures).isNotEmpty();
            assertThat(failures.get(0)).hasMessageContaining("store unavailable");
            long slowest = failureMillis.stream().mapToLong(Long::longValue).max().orElse(0);
            System.out.printf("PostgreSQL outage: %d calls failed (slowest %d ms), %d acknowledged%n",
                    failures.size(), slowest, acknowledged.size());
            assertThat(slowest).as("a failing call must not hang beyond the timeouts").isLessThan(30_000);
            for (String id : acknowledged) {
                assertThat(store.findReport(id)).as("acknowledged report " + id).isPresent();
            }
            assertThat(store.verifyAuditTrail().problems()).isEmpty();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("condition not met within " + millis + " ms");
            }
            Thread.sleep(20);
        }
    }
}
