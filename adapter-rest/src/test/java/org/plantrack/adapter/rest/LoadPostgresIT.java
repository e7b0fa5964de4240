package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Load on PostgreSQL, and PostgreSQL stopped and restarted in the middle of it: during the outage every
 * request fails fast with 503 problem+json, the same server process recovers by itself, and after the
 * unanswered reports are re-sent with their keys the stored reports equal the acknowledged ones. Needs
 * the variables of {@code .ci/pg-start}, including PLANTRACK_TEST_PG_CTL; skipped without them, except
 * under CI=true where that is a failure.
 */
class LoadPostgresIT {
    static String url;
    static String user;
    static String password;
    static String ctl;

    @BeforeAll
    static void database() {
        url = System.getenv("PLANTRACK_TEST_PG_URL");
        user = System.getenv("PLANTRACK_TEST_PG_USER");
        password = System.getenv("PLANTRACK_TEST_PG_PASSWORD");
        ctl = System.getenv("PLANTRACK_TEST_PG_CTL");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (url == null || url.isBlank() || ctl == null || ctl.isBlank()) {
            assertThat(ci).as("CI=true but PLANTRACK_TEST_PG_URL or PLANTRACK_TEST_PG_CTL is not set: run "
                    + "eval \"$(bash .ci/pg-start)\" first").isFalse();
            Assumptions.abort("PLANTRACK_TEST_PG_URL / PLANTRACK_TEST_PG_CTL not set; PostgreSQL load tests skipped");
        }
    }

    /** A URL on a fresh, empty schema (so that the server loads its demo data and prints an admin token). */
    static String freshDatabase() throws Exception {
        String schema = "load_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&user="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    static void pg(String command) throws Exception {
        Process p = new ProcessBuilder(ctl, command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pg %s finished", command).isTrue();
        assertThat(p.exitValue()).as("pg %s: %s", command, out).isZero();
    }

    @Test
    void postgresHoldsTheRateWithNoServerErrorAndStoresExactlyTheAcknowledgedReports() throws Exception {
        Path log = LoadTest.OUT.resolve("pg-load-server.log");
        Files.deleteIfExists(log);
        try (ServerProcess server = ServerProcess.start(freshDatabase(), true, log)) {
            String admin = server.demoToken();
            LoadGenerator g = new LoadGenerator(Duration.ofSeconds(15));
            List<LoadGenerator.Actor> actors = g.setUp(server.base(), admin, "load-pg");
            LoadGenerator.Result r = g.run(server.base(),
                    new LoadGenerator.Options("load-pg", LoadTest.RATE, LoadTest.DURATION, LoadTest.THREADS, 13),
                    actors);
            Set<String> stored = g.storedReportIds(server.base(), admin, "load-pg");
            JsonNode audit = g.verifyAudit(server.base(), admin);
            LoadTest.record("pg-load", r, ", \"stored\":" + stored.size() + ", \"audit\":" + audit);
            assertThat(r.serverErrors()).as("5xx answers; %s", r).isZero();
            assertThat(r.unexpected).isEmpty();
            assertThat(r.transportErrors.get() + r.timeouts.get()).isZero();
            assertThat(r.achievedRate()).as("held rate, %s", r).isGreaterThanOrEqualTo(LoadTest.RATE * 0.9);
            assertThat(r.created.get()).isEqualTo(r.acknowledged.size()).isPositive();
            assertThat(stored).isEqualTo(r.acknowledged);
            assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();
            String text = server.logText();
            LoadTest.assertLogClean(text, actors, admin);
            assertThat(text).as("the database password in the log").doesNotContain(password);
        }
    }

    @Test
    void postgresStoppedAndRestartedDuringLoadFailsFastWith503AndRecoversWithoutARestart() throws Exception {
        Path log = LoadTest.OUT.resolve("pg-outage-server.log");
        Files.deleteIfExists(log);
        Duration runFor = Duration.ofSeconds(LoadTest.LONG ? 90 : 20);
        long outageMs = LoadTest.LONG ? 20_000 : 5_000;
        try (ServerProcess server = ServerProcess.start(freshDatabase(), true, log)) {
            String admin = server.demoToken();
            LoadGenerator g = new LoadGenerator(Duration.ofSeconds(15));
            List<LoadGenerator.Actor> actors = g.setUp(server.base(), admin, "outage-pg");
            CompletableFuture<LoadGenerator.Result> load = CompletableFuture.supplyAsync(() -> {
                try {
                    return g.run(server.base(), new LoadGenerator.Options("outage-pg", LoadTest.RATE, runFor,
                            LoadTest.THREADS, 17), actors);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(runFor.toMillis() / 5);
            long stopAt = System.nanoTime();
            boolean stopped = false;
            long restartedAt;
            try {
                pg("stop");
                stopped = true;
                Thread.sleep(outageMs);
            } finally {
                if (stopped) {
                    pg("start");
                }
                restartedAt = System.nanoTime();
            }
            LoadGenerator.Result r = load.get(runFor.toSeconds() + 60, TimeUnit.SECONDS);
            long unsettled = r.unsettled.size();
            long replays = g.settle(server.base(), "outage-pg", r, 30);
            Set<String> stored = g.storedReportIds(server.base(), admin, "outage-pg");
            JsonNode audit = g.verifyAudit(server.base(), admin);
            long recoveryMs = r.firstWriteAfterOutage.get() < 0 ? -1
                    : Math.max(0, (r.firstWriteAfterOutage.get() - restartedAt) / 1_000_000);
            LoadTest.record("pg-outage", r, ", \"outageMs\":" + (restartedAt - stopAt) / 1_000_000
                    + ", \"firstWriteAfterRestartMs\":" + recoveryMs + ", \"unsettledAfterOutage\":" + unsettled
                    + ", \"replaysOnSettle\":" + replays + ", \"stored\":" + stored.size() + ", \"audit\":" + audit);

            assertThat(r.status(503)).as("requests during the outage answered 503; %s", r).isPositive();
            assertThat(r.serverErrorsOtherThan503()).as("5xx other than 503; %s", r).isZero();
            assertThat(r.unexpected).as("unexpected answers (every 503 is a clean problem)").isEmpty();
            assertThat(r.timeouts.get()).as("requests that hung past the client's 15 s").isZero();
            assertThat(r.max503Ms.get()).as("a 503 comes within the 3 s connection timeout (+ slack)")
                    .isLessThan(6_000);
            assertThat(recoveryMs).as("a write succeeded after the restart, same server process").isBetween(0L,
                    10_000L);
            assertThat(r.unsettled).as("every unanswered report settled").isEmpty();
            assertThat(stored).as("stored reports = acknowledged (none lost, none twice)").isEqualTo(r.acknowledged);
            assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();
            String text = server.logText();
            LoadTest.assertLogClean(text, actors, admin);
            assertThat(text).doesNotContain(password);
        }
    }
}
