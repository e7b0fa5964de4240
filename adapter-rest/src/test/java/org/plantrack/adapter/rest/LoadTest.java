package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Load and a crash on the embedded H2 file, with the server in its own JVM (the production logging) and
 * the load generator in this one, over loopback. Short form in {@code mvn verify} (seconds); the long form
 * with {@code -Dplantrack.long=true} (see {@code adapter-rest/bench/load.sh} and docs/reliability.md).
 */
class LoadTest {
    static final boolean LONG = Boolean.getBoolean("plantrack.long");
    static final Path OUT = Path.of("target", "reliability");

    /** The stated rate: requests per second the run must hold. */
    static final double RATE = LONG ? 150 : 60;
    static final Duration DURATION = Duration.ofSeconds(LONG ? 120 : 6);
    static final int THREADS = 16;

    @Test
    void h2HoldsTheRateWithNoServerErrorAndStoresExactlyTheAcknowledgedReports() throws Exception {
        String db = Fixtures.h2("load");
        Path log = OUT.resolve("h2-load-server.log");
        Files.deleteIfExists(log);
        try (ServerProcess server = ServerProcess.start(db, true, log)) {
            String admin = server.demoToken();
            LoadGenerator g = new LoadGenerator(Duration.ofSeconds(15));
            String planId = "load-h2";
            List<LoadGenerator.Actor> actors = g.setUp(server.base(), admin, planId);
            LoadGenerator.Result r = g.run(server.base(),
                    new LoadGenerator.Options(planId, RATE, DURATION, THREADS, 7), actors);
            Set<String> stored = g.storedReportIds(server.base(), admin, planId);
            JsonNode audit = g.verifyAudit(server.base(), admin);
            record("h2-load", r, ", \"stored\":" + stored.size() + ", \"audit\":" + audit);

            assertThat(r.serverErrors()).as("5xx answers; %s", r).isZero();
            assertThat(r.unexpected).as("unexpected answers").isEmpty();
            assertThat(r.transportErrors.get() + r.timeouts.get()).as("lost connections and timeouts").isZero();
            assertThat(r.achievedRate()).as("held rate, %s", r).isGreaterThanOrEqualTo(RATE * 0.9);
            assertThat(r.unsettled).isEmpty();
            assertThat(r.created.get()).as("201 answers").isEqualTo(r.acknowledged.size()).isPositive();
            assertThat(stored).as("stored reports = acknowledged reports").isEqualTo(r.acknowledged);
            assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();

            // log lines cannot be forged from a request; bearer secrets never reach the log
            Api raw = new Api(server.port(), null);
            raw.get("/api/v1/plans/x%0D%0AFORGED%20GET%20/api/v1/plans%20200");
            raw.get("/nosuch%0AFORGED%1B%5B2J%C2%85FORGED%E2%80%A8FORGED?q=%0D%0AFORGED");
            raw.as("pt_zz." + "S3CRET-in-header%0D%0AFORGED").get("/api/v1/plans");
            raw.get("/api/v1/plans", "X-Request-Id", "rid-ok", "User-Agent", "FORGED\u0085x");
            Thread.sleep(300);
            assertLogClean(server.logText(), actors, admin);
        }
    }

    @Test
    void killMinus9DuringWritesLosesNoAcknowledgedReportAndKeepsTheAuditChain() throws Exception {
        String db = Fixtures.h2("crash");
        Path log = OUT.resolve("h2-crash-server.log");
        Files.deleteIfExists(log);
        LoadGenerator g = new LoadGenerator(Duration.ofSeconds(15));
        String planId = "crash-h2";
        String admin;
        List<LoadGenerator.Actor> actors;
        LoadGenerator.Result r;
        long killedAfterMs;
        try (ServerProcess first = ServerProcess.start(db, true, log)) {
            admin = first.demoToken();
            actors = g.setUp(first.base(), admin, planId);
            Duration runFor = LONG ? Duration.ofSeconds(60) : Duration.ofSeconds(6);
            CompletableFuture<LoadGenerator.Result> load = CompletableFuture.supplyAsync(() -> {
                try {
                    return g.run(first.base(), new LoadGenerator.Options(planId, RATE, runFor, THREADS, 11), actors);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            long t0 = System.nanoTime();
            Thread.sleep(runFor.toMillis() / 2);
            first.kill9();
            killedAfterMs = (System.nanoTime() - t0) / 1_000_000;
            r = load.get(runFor.toSeconds() + 60, TimeUnit.SECONDS);
        }
        assertThat(r.created.get()).as("writes acknowledged before the kill").isPositive();
        assertThat(r.transportErrors.get()).as("requests after the kill found no server").isPositive();
        try (ServerProcess second = ServerProcess.start(db, false, log)) {
            long unsettledAfterKill = r.unsettled.size();
            long replays = g.settle(second.base(), planId, r, 30);
            Set<String> stored = g.storedReportIds(second.base(), admin, planId);
            JsonNode audit = g.verifyAudit(second.base(), admin);
            record("h2-kill9", r, ", \"killedAfterMs\":" + killedAfterMs + ", \"unsettledAfterKill\":"
                    + unsettledAfterKill + ", \"replaysOnSettle\":" + replays + ", \"stored\":" + stored.size()
                    + ", \"audit\":" + audit);
            assertThat(r.serverErrors()).as("5xx answers; %s", r).isZero();
            assertThat(r.unexpected).isEmpty();
            assertThat(r.unsettled).as("every unanswered report settled after the restart").isEmpty();
            assertThat(stored).as("stored reports = acknowledged reports (none lost, none twice)")
                    .isEqualTo(r.acknowledged);
            assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();
            assertLogClean(second.logText(), actors, admin);
        }
    }

    static void assertLogClean(String log, List<LoadGenerator.Actor> actors, String admin) {
        assertThat(log).contains("plantrack.request");
        List<String> secrets = new ArrayList<>();
        secrets.add(admin.substring(admin.indexOf('.') + 1));
        for (LoadGenerator.Actor a : actors) {
            secrets.add(a.bearer().substring(a.bearer().indexOf('.') + 1));
        }
        secrets.add("S3CRET-in-header");
        for (String s : secrets) {
            assertThat(log).as("a bearer secret in the server log").doesNotContain(s);
        }
        for (String line : log.split("\n")) {
            // a request's text stays inside its one line, which starts with the time (library stack traces
            // may follow an event on lines of their own, but never carry request text)
            if (line.contains("FORGED")) {
                assertThat(line).as("request text on a line of its own").matches("^\\d{4}-\\d\\d-\\d\\dT.*");
            }
            assertThat(line).doesNotContain("\r").doesNotContain("\u0085").doesNotContain("\u2028")
                    .doesNotContain("\u001b");
        }
    }

    static void record(String name, LoadGenerator.Result r, String extras) throws java.io.IOException {
        String all = r.toString();
        String figures = all.substring(0, all.length() - 1) + extras + "}";
        Files.createDirectories(OUT);
        String line = "{\"scenario\":\"" + name + "\",\"long\":" + LONG + ",\"rate\":" + RATE + ",\"result\":"
                + figures + "}";
        Files.writeString(OUT.resolve(name + ".json"), line + "\n", StandardCharsets.UTF_8);
        System.out.println("[reliability] " + line);
    }
}
