package org.plantrack.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

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
}
