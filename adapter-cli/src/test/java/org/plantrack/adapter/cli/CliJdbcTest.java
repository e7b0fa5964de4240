package org.plantrack.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plantrack.persistence.jdbc.JdbcPlanStore;
import org.plantrack.webhooks.WebhookDelivery;
import org.plantrack.webhooks.WebhookDispatcher;
import org.plantrack.webhooks.Webhooks;

/**
 * The CLI over the real default kind of store, an H2 file (in target/), opened by the standard
 * opener from {@code --db} and {@code PLANTRACK_DB} exactly as a user's command line does.
 */
class CliJdbcTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    Path dir;
    String db;

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createDirectories(Path.of("target", "cli-test-db", UUID.randomUUID().toString())).toAbsolutePath();
        db = dir.resolve("db").toString();
        try (JdbcPlanStore store = JdbcPlanStore.fromSetting(db)) {
            Cli.seed(store);
        }
    }

    record Result(int exit, String out, String err) {
    }

    /** A plain JDBC connection to the store, with the password Plantrack keeps in {@code <db>.credentials}. */
    static Connection connect(String db) throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(Path.of(db + ".credentials"))) {
            p.load(in);
        }
        return DriverManager.getConnection(JdbcPlanStore.jdbcUrlFor(db), p.getProperty("user"),
                p.getProperty("password"));
    }

    Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment e = new CliEnvironment(new PrintWriter(out), new PrintWriter(err), env, false, false,
                "tester", Cli.CLOCK, StoreOpener.standard(), dir);
        int code = Main.run(e, args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void eachCommandOpensTheFileStoreAgainAndSeesEarlierWrites() throws Exception {
        Files.writeString(dir.resolve("p.csv"), "plan,target,as_of,value,mode\n"
                + "np-test,1.1.2,2017-03-31,60,set\n"
                + "np-test,2.1.1,2017-06-30,150,add\n");
        Result imp = run(Map.of(), "--db", db, "progress", "import", "p.csv");
        assertThat(imp.exit()).as(imp.err()).isZero();
        assertThat(imp.err()).isEmpty();

        Result add = run(Map.of("PLANTRACK_DB", db), "progress", "add", "np-test", "1.1.2", "40", "--as-of",
                "2017-06-30");
        assertThat(add.exit()).as(add.err()).isZero();

        JsonNode status = JSON.readTree(run(Map.of("PLANTRACK_DB", db), "status", "np-test", "--as-of", "2017-06-30",
                "--format", "json").out());
        JsonNode t = status.get("targets").get(1);
        assertThat(t.get("id").asText()).isEqualTo("1.1.2");
        assertThat(t.get("current").asDouble()).isEqualTo(100.0);
        assertThat(t.get("reportCount").asInt()).isEqualTo(2);

        Result verify = run(Map.of(), "--db", db, "audit", "np-test", "--verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(run(Map.of(), "--db", db, "audit", "np-test").out()).contains("report.batch").contains("report.add");
    }

    @Test
    void aTokenMadeByTheCliIsStoredInTheFile() throws Exception {
        JsonNode t = JSON.readTree(run(Map.of(), "--db", db, "token", "create", "--role", "viewer", "--label", "dashboard",
                "--format", "json").out());
        JsonNode list = JSON.readTree(run(Map.of(), "--db", db, "token", "list", "--format", "json").out());
        assertThat(list.get(0).get("id").asText()).isEqualTo(t.get("id").asText());
        assertThat(list.get(0).get("role").asText()).isEqualTo("VIEWER");
    }

    @Test
    void aStoreThatCannotBeOpenedIsExitFive() {
        Result r = run(Map.of(), "--db", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "plans");
        assertThat(r.exit()).isEqualTo(ExitCode.STORE_UNAVAILABLE);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).startsWith("plantrack: ");
    }

    @Test
    void webhooksAddedListedDeadLettersRedeliveredAndRemoved() throws Exception {
        // port 9 (discard) on the loopback interface: nothing listens, connections are refused at once
        Result add = run(Map.of(), "--db", db, "webhook", "add", "http://127.0.0.1:9/hooks", "--events",
                "report.recorded,status.changed", "--format", "json");
        assertThat(add.exit()).as(add.err()).isZero();
        JsonNode created = JSON.readTree(add.out());
        String id = created.get("id").asText();
        assertThat(created.get("secret").asText()).startsWith("whsec_");
        assertThat(created.get("events").toString()).isEqualTo("[\"report.recorded\",\"status.changed\"]");

        Result table = run(Map.of(), "--db", db, "webhook", "add", "http://127.0.0.1:9/other");
        assertThat(table.out()).contains("(events: all).").containsPattern("Signing secret \\(shown only now\\): whsec_\\S+");
        String second = table.out().substring("Added webhook ".length(), table.out().indexOf(' ', "Added webhook ".length()));

        Result list = run(Map.of(), "--db", db, "webhook", "list");
        assertThat(list.out()).contains(id).contains("report.recorded,status.changed").contains(second)
                .doesNotContain("whsec_");
        assertThat(run(Map.of(), "--db", db, "webhook", "list", "--format", "json").out()).doesNotContain("secret");

        assertThat(run(Map.of(), "--db", db, "progress", "add", "np-test", "1.1.2", "150", "--as-of", "2017-06-30")
                .exit()).isZero();
        JsonNode pending = JSON.readTree(run(Map.of(), "--db", db, "webhook", "deliveries", "--format", "json").out());
        assertThat(pending).extracting(d -> d.get("webhookId").asText() + " " + d.get("event").asText() + " "
                + d.get("state").asText()).contains(id + " report.recorded PENDING", id + " status.changed PENDING",
                second + " report.recorded PENDING");

        try (JdbcPlanStore store = JdbcPlanStore.fromSetting(db)) {
            WebhookDispatcher d = WebhookDispatcher.builder(Webhooks.of(store).orElseThrow()).maxAttempts(1)
                    .connectTimeout(java.time.Duration.ofMillis(500)).build();
            while (d.deliverDue() > 0) {
                // every attempt fails at once: connection refused, or no such host
            }
        }
        Result failed = run(Map.of(), "--db", db, "webhook", "deliveries", "--failed");
        assertThat(failed.exit()).as(failed.err()).isZero();
        assertThat(failed.out()).contains("DEAD").contains("cannot connect to 127.0.0.1:9");
        JsonNode dead = JSON.readTree(run(Map.of(), "--db", db, "webhook", "deliveries", "--failed", "--format", "json")
                .out());
        assertThat(dead.size()).as(dead.toString()).isEqualTo(4);
        Result again = run(Map.of(), "--db", db, "webhook", "redeliver", dead.get(0).get("id").asText());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("is pending again");

        Result remove = run(Map.of(), "--db", db, "webhook", "remove", id);
        assertThat(remove.out()).isEqualTo("Removed webhook " + id + " (http://127.0.0.1:9/hooks).\n");
        assertThat(run(Map.of(), "--db", db, "webhook", "list").out()).doesNotContain(id);
        assertThat(run(Map.of(), "--db", db, "webhook", "list", "--all").out()).contains(id);
        assertThat(run(Map.of(), "--db", db, "webhook", "remove", "wh_nope").exit()).isEqualTo(ExitCode.NOT_FOUND);
        Result bad = run(Map.of(), "--db", db, "webhook", "add", "http://127.0.0.1:9/", "--events", "report.added");
        assertThat(bad.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(bad.err()).contains("report.added").contains("report.recorded");
        assertThat(run(Map.of(), "--db", db, "audit", "np-test", "--verify").exit()).isZero();
    }

    @Test
    void webhookPurgeRemovesDeliveredRowsBeforeADateAndDeadLettersOnlyWithDead() throws Exception {
        // port 9 (discard) on the loopback interface: nothing listens, every attempt fails at once
        String accepting = JSON.readTree(run(Map.of(), "--db", db, "webhook", "add", "http://127.0.0.1:9/accepting",
                "--format", "json").out()).get("id").asText();
        assertThat(run(Map.of(), "--db", db, "webhook", "add", "http://127.0.0.1:9/hooks").exit()).isZero();
        assertThat(run(Map.of(), "--db", db, "progress", "add", "np-test", "1.1.2", "150", "--as-of", "2017-06-30")
                .exit()).isZero();
        try (JdbcPlanStore store = JdbcPlanStore.fromSetting(db)) {
            // one attempt each on 1 June 2017 by the dispatcher's clock: all dead
            WebhookDispatcher d = WebhookDispatcher.builder(Webhooks.of(store).orElseThrow()).maxAttempts(1)
                    .clock(Clock.fixed(Instant.parse("2017-06-01T08:00:00Z"), ZoneOffset.UTC))
                    .connectTimeout(Duration.ofMillis(500)).build();
            while (d.deliverDue() > 0) {
                // until nothing is due
            }
        }
        // the first subscription's receiver "accepted" its events at that moment (no HTTP server here)
        long delivered;
        try (Connection c = connect(db);
                PreparedStatement ps = c.prepareStatement("UPDATE plantrack_webhook_delivery SET delivery_state = "
                        + "'DELIVERED', last_status = 204, last_error = NULL, delivered_at_us = last_attempt_us "
                        + "WHERE webhook_id = ?")) {
            ps.setString(1, accepting);
            delivered = ps.executeUpdate();
        }
        long dead;
        try (JdbcPlanStore store = JdbcPlanStore.fromSetting(db)) {
            Map<WebhookDelivery.State, Long> counts = Webhooks.of(store).orElseThrow().counts();
            assertThat(counts.get(WebhookDelivery.State.DELIVERED)).isEqualTo(delivered);
            assertThat(counts.get(WebhookDelivery.State.PENDING)).isZero();
            dead = counts.get(WebhookDelivery.State.DEAD);
        }
        assertThat(delivered).isPositive();
        assertThat(dead).isPositive();

        Result none = run(Map.of(), "--db", db, "webhook", "purge", "--before", "2017-06-01");
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(none.out()).isEqualTo("Purged the outbox of what finished before 2017-06-01T00:00Z: "
                + "0 delivered (dead letters kept; --dead removes them).\n");

        Result purged = run(Map.of(), "--db", db, "webhook", "purge", "--before", "2017-06-02");
        assertThat(purged.exit()).as(purged.err()).isZero();
        assertThat(purged.err()).isEmpty();
        assertThat(purged.out()).isEqualTo("Purged the outbox of what finished before 2017-06-02T00:00Z: "
                + delivered + " delivered (dead letters kept; --dead removes them).\n");
        JsonNode left = JSON.readTree(run(Map.of(), "--db", db, "webhook", "deliveries", "--format", "json").out());
        assertThat(left).extracting(n -> n.get("state").asText()).hasSize((int) dead).containsOnly("DEAD");

        Result withDead = run(Map.of(), "--db", db, "webhook", "purge", "--before", "2017-07-15", "--dead",
                "--format", "json");
        assertThat(withDead.exit()).as(withDead.err()).isZero();
        JsonNode json = JSON.readTree(withDead.out());
        assertThat(json.get("before").asText()).isEqualTo("2017-07-15T00:00Z");
        assertThat(json.get("includeDead").asBoolean()).isTrue();
        assertThat(json.get("delivered").asLong()).isZero();
        assertThat(json.get("dead").asLong()).isEqualTo(dead);
        assertThat(JSON.readTree(run(Map.of(), "--db", db, "webhook", "deliveries", "--format", "json").out()))
                .isEmpty();

        try (JdbcPlanStore store = JdbcPlanStore.fromSetting(db)) {
            assertThat(store.auditTrail(null, 0, 1000)).filteredOn(e -> e.action().id().equals("webhook.purge"))
                    .extracting(e -> e.actor() + " " + e.before() + " → " + e.after()).containsExactly(
                            "tester cutoff=2017-06-01T00:00:00Z; states=DELIVERED → removed DELIVERED=0; DEAD=0",
                            "tester cutoff=2017-06-02T00:00:00Z; states=DELIVERED → removed DELIVERED=" + delivered
                                    + "; DEAD=0",
                            "tester cutoff=2017-07-15T00:00:00Z; states=DELIVERED DEAD → removed DELIVERED=0; DEAD="
                                    + dead);
        }
        assertThat(run(Map.of(), "--db", db, "audit", "np-test", "--verify").exit()).isZero();
    }

    @Test
    void webhookPurgeRefusesABadOrFutureDateWithOneLine() {
        Result bad = run(Map.of(), "--db", db, "webhook", "purge", "--before", "2017-13-01");
        assertThat(bad.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).isEqualTo("plantrack: Invalid value for option '--before': a date as YYYY-MM-DD "
                + "(e.g. 2017-06-30), found '2017-13-01' (see 'plantrack webhook purge --help')\n");

        Result future = run(Map.of(), "--db", db, "webhook", "purge", "--before", "2017-07-16", "--dead");
        assertThat(future.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(future.err()).isEqualTo("plantrack: Invalid value for option '--before': a date not after today "
                + "(2017-07-15), found '2017-07-16' (see 'plantrack webhook purge --help')\n");

        Result missing = run(Map.of(), "--db", db, "webhook", "purge", "--dead");
        assertThat(missing.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err().lines().count()).isEqualTo(1);
        assertThat(missing.err()).contains("--before");
        try (JdbcPlanStore store = JdbcPlanStore.fromSetting(db)) {
            assertThat(store.auditTrail(null, 0, 1000)).noneMatch(e -> e.action().id().equals("webhook.purge"));
        }
    }

    @Test
    void statusOnAFileThatIsNotAnH2DatabaseSaysSoAtOnceWithExitCode5() throws Exception {
        Path bad = dir.resolve("not-a-store");
        byte[] junk = new byte[16_384];
        new java.util.Random(3).nextBytes(junk);
        Files.write(Path.of(bad + ".mv.db"), junk);
        long t0 = System.nanoTime();
        Result r = run(Map.of(), "--db", bad.toString(), "status", "np-test");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.STORE_UNAVAILABLE);
        assertThat(r.err()).contains("the store file " + bad + ".mv.db is not an H2 database")
                .contains("restore it from a backup").doesNotContain("cannot be reached");
        assertThat(ms).as("milliseconds until the error").isLessThan(3_000);
    }

    @Test
    void statusOnAReadOnlyStoreSaysWhatToDoWithExitCode5() throws Exception {
        Path file = Path.of(db + ".mv.db");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        boolean immutable = false;
        if (Files.isWritable(file)) { // root writes anyway: the immutable flag makes it read-only for root too
            new ProcessBuilder("chattr", "+i", file.toString()).start().waitFor();
            immutable = true;
        }
        try {
            org.assertj.core.api.Assumptions.assumeThat(Files.isWritable(file)).isFalse();
            long t0 = System.nanoTime();
            Result r = run(Map.of(), "--db", db, "status", "np-test");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.STORE_UNAVAILABLE);
            assertThat(r.err()).contains("the store file " + file + " is read-only: make it writable (chmod u+w "
                    + file + ")");
            assertThat(ms).as("milliseconds until the error").isLessThan(3_000);
        } finally {
            if (immutable) {
                new ProcessBuilder("chattr", "-i", file.toString()).start().waitFor();
            }
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void auditAnchorVerifyAgainstItAndRepairHead() throws Exception {
        Result anchor = run(Map.of(), "--db", db, "audit", "anchor", "--out", "head.anchor");
        assertThat(anchor.exit()).as(anchor.err()).isZero();
        assertThat(Files.readString(dir.resolve("head.anchor"))).startsWith("plantrack-audit-anchor 1");
        Result add = run(Map.of(), "--db", db, "progress", "add", "np-test", "1.1.2", "40", "--as-of", "2017-06-30");
        assertThat(add.exit()).as(add.err()).isZero();
        Result ok = run(Map.of(), "--db", db, "audit", "--verify", "--anchor", "head.anchor");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Audit trail intact").contains("anchor head.anchor found");

        long anchored = Long.parseLong(Files.readAllLines(dir.resolve("head.anchor")).get(1).substring(4));
        // the head falls behind its last event (as in issue 14 §1): verify names it, repair-head mends it
        try (Connection c = connect(db);
                PreparedStatement ps = c.prepareStatement("UPDATE plantrack_audit_head SET last_seq = ?, "
                        + "last_hash = (SELECT hash FROM plantrack_audit WHERE seq = ?) WHERE id = 1")) {
            ps.setLong(1, anchored);
            ps.setLong(2, anchored);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        Result behind = run(Map.of(), "--db", db, "audit", "--verify");
        assertThat(behind.exit()).isEqualTo(ExitCode.INTEGRITY);
        assertThat(behind.out()).contains("event " + (anchored + 1) + " lies past the chain head " + anchored);
        Result repair = run(Map.of(), "--db", db, "audit", "repair-head");
        assertThat(repair.exit()).as(repair.err()).isZero();
        assertThat(repair.out()).contains("head " + anchored + " → head " + (anchored + 1));
        Result again = run(Map.of(), "--db", db, "audit", "--verify", "--anchor", "head.anchor");
        assertThat(again.exit()).as(again.out()).isZero();

        // deleting the events after the anchor, head moved to match: only the anchor can tell
        try (Connection c = connect(db);
                java.sql.Statement st = c.createStatement()) {
            st.execute("DELETE FROM plantrack_report WHERE audit_seq >= " + anchored);
            st.execute("DELETE FROM plantrack_audit WHERE seq >= " + anchored);
            st.execute("UPDATE plantrack_audit_head SET last_seq = " + (anchored - 1) + ", last_hash = (SELECT hash "
                    + "FROM plantrack_audit WHERE seq = " + (anchored - 1) + ") WHERE id = 1");
        }
        Result cut = run(Map.of(), "--db", db, "audit", "--verify", "--anchor", "head.anchor");
        assertThat(cut.exit()).isEqualTo(ExitCode.INTEGRITY);
        assertThat(cut.out()).contains("event " + anchored + ": the anchor records event " + anchored);
    }
}
