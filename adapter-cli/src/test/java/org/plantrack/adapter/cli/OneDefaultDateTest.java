package org.plantrack.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plantrack.adapter.rest.PlantrackServer;
import org.plantrack.adapter.rest.ServerConfig;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.event.StatusChanged;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.spi.PlanListener;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * One question, one answer: the status of a plan without a date, asked through the facade, the CLI and
 * the REST API on one H2 file store on one day, is evaluated as of the same date with the same statuses —
 * today clamped to the plan's period ({@link PlanTracker#defaultAsOf}). Before the date was decided in
 * core, the CLI clamped it and REST did not: on a 2017 plan in 2026 the API showed targets OVERDUE that
 * the CLI showed otherwise. The {@code status.changed} event a report causes carries the same date.
 */
class OneDefaultDateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "on {0} the default date is {1}")
    @CsvSource({"2026-12-03T09:00:00Z, 2017-12-31", "2017-07-15T02:00:00Z, 2017-07-15",
            "2016-11-20T02:00:00Z, 2017-01-01"})
    void facadeCliAndRestAnswerAsOfTheSameDayWithTheSameStatuses(String now, String expected) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "one-date", UUID.randomUUID().toString()))
                .toAbsolutePath();
        String db = dir.resolve("db").toString();
        Clock clock = Clock.fixed(Instant.parse(now), ZONE);
        List<StatusChanged> changes = new ArrayList<>();
        try (JdbcPlanStore store = JdbcPlanStore.fromSetting(db)) {
            Cli.seed(store);
            // progress reported in 2017 (on the seed's day, 15 July 2017)
            try (PlanTracker in2017 = PlanTracker.builder().store(store).clock(Cli.CLOCK).build()) {
                in2017.report(Principal.system(), ReportRequest.set("np-test", "1.1.2", LocalDate.of(2017, 6, 30), 60));
            }
            PlanTracker tracker = PlanTracker.builder().store(store).clock(clock).listener(new PlanListener() {
                @Override
                public void statusChanged(StatusChanged event) {
                    changes.add(event);
                }
            }).build();

            // the facade
            PlanEvaluation facade = tracker.evaluate(Principal.system(), "np-test", null);
            assertThat(facade.asOf()).isEqualTo(LocalDate.parse(expected));
            assertThat(tracker.defaultAsOf(tracker.plan(Principal.system(), "np-test")))
                    .isEqualTo(LocalDate.parse(expected));
            Map<String, String> byFacade = new TreeMap<>();
            facade.targets().forEach(t -> byFacade.put(t.targetId(), t.status().name()));

            // the CLI, on the same file, on the same day
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CliEnvironment env = new CliEnvironment(new PrintWriter(out), new PrintWriter(err), Map.of(), false,
                    false, "tester", clock, StoreOpener.standard(), dir);
            int exit = Main.run(env, "--db", db, "status", "np-test", "--format", "json");
            assertThat(exit).as(err.toString()).isZero();
            JsonNode cli = JSON.readTree(out.toString());
            assertThat(cli.get("asOf").asText()).isEqualTo(expected);
            Map<String, String> byCli = new TreeMap<>();
            cli.get("targets").forEach(t -> byCli.put(t.get("id").asText(), t.get("status").asText()));

            // the REST API, on the same store, on the same day
            String bearer = tracker.createToken(Principal.system(), Role.VIEWER, Set.of(), "one-date").bearer();
            try (PlantrackServer server = PlantrackServer.start(ServerConfig.builder().store(store).host("127.0.0.1")
                    .port(0).demo(false).clock(clock).build())) {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + server.port() + "/api/v1/plans/np-test/status"))
                        .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                JsonNode rest = JSON.readTree(r.body());
                assertThat(rest.get("asOf").asText()).isEqualTo(expected);
                Map<String, String> byRest = new TreeMap<>();
                rest.get("targets").forEach(t -> byRest.put(t.get("targetId").asText(), t.get("status").asText()));

                assertThat(byCli).as("CLI").isEqualTo(byFacade);
                assertThat(byRest).as("REST").isEqualTo(byFacade);
            }

            // a report's status change is dated the same day as the status is shown
            LocalDate reportDay = LocalDate.parse(now.substring(0, 10)).isBefore(LocalDate.of(2017, 1, 1))
                    ? null : LocalDate.of(2017, 7, 1);
            if (reportDay != null) {
                tracker.report(Principal.system(), ReportRequest.set("np-test", "1.1.2", reportDay, 200));
                assertThat(changes).isNotEmpty().allSatisfy(c -> assertThat(c.asOf()).isEqualTo(LocalDate.parse(expected)));
            }
            tracker.close();
        }
    }
}
