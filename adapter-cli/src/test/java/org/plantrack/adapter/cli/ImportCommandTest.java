package org.plantrack.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantrack.core.store.InMemoryPlanStore;

/** {@code plantrack import} on the reference plan (南科协〔2017〕12号), in UTF-8 and in GB18030. */
class ImportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Cli cli;
    String reference;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(InMemoryPlanStore.create(), dir);
        try (InputStream in = getClass().getResourceAsStream("/nanping-cast-2017-workplan.txt")) {
            reference = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("plan.txt"), reference);
    }

    @Test
    void importPrintsTheStructureTheWarningsAndThePlanId() {
        Cli.Result r = cli.run("import", "plan.txt", "--id", "np-2017");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Read plan.txt as UTF-8.").contains("南科協〔2017〕12號")
                .contains("Imported plan np-2017").contains("plantrack status np-2017");
        assertThat(r.out()).containsPattern("plan\\.txt:15:\\d+: DAMAGED_NUMBER");
        assertThat(r.out()).containsPattern("2\\.4\\.1 +count +200 家");
        assertThat(cli.store.findPlan("np-2017")).isPresent();
    }

    @Test
    void dryRunStoresNothing() {
        Cli.Result r = cli.run("import", "plan.txt", "--dry-run");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Dry run: nothing stored");
        assertThat(cli.store.listPlans()).isEmpty();
    }

    @Test
    void gbkTextIsDecodedAndSaidSo() throws Exception {
        Files.write(dir.resolve("gbk.txt"), reference.getBytes(Charset.forName("GB18030")));
        Cli.Result r = cli.run("import", "gbk.txt", "--id", "np-gbk", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("decodedAs").asText()).isEqualTo("GB18030");
        assertThat(j.get("stored").asBoolean()).isTrue();
        assertThat(j.get("plan").get("documentNumber").asText()).isEqualTo("南科協〔2017〕12號");
        assertThat(j.get("warnings")).anySatisfy(w -> {
            assertThat(w.get("code").asText()).isEqualTo("DAMAGED_NUMBER");
            assertThat(w.get("targetId").asText()).isNotEmpty();
        });
    }

    @Test
    void importingTheSamePlanTwiceIsAConflictUnlessIfAbsent() {
        assertThat(cli.run("import", "plan.txt", "--id", "np-2017").exit()).isZero();
        Cli.Result again = cli.run("import", "plan.txt", "--id", "np-2017");
        assertThat(again.exit()).isEqualTo(ExitCode.CONFLICT);
        assertThat(again.err()).contains("plan 'np-2017' exists already").contains("--if-absent")
                .contains("--id NEW-ID").contains("plantrack show");
        Cli.Result ifAbsent = cli.run("import", "plan.txt", "--id", "np-2017", "--if-absent");
        assertThat(ifAbsent.exit()).isZero();
        assertThat(ifAbsent.out()).isEqualTo("Plan id: np-2017\n");
    }

    @Test
    void aMissingFileIsNotFound() {
        Cli.Result r = cli.run("import", "nope.txt");
        assertThat(r.exit()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(r.err()).isEqualTo("plantrack: file 'nope.txt' does not exist\n");
    }

    @Test
    void theFullFlowOnTheReferencePlan() throws Exception {
        cli.run("import", "plan.txt", "--id", "np-2017");
        Files.writeString(dir.resolve("p.csv"), "plan,target,as_of,value,mode,note\n"
                + "np-2017,2.4.1,2017-03-31,60,set,一季度\n"
                + "np-2017,2.4.3,2017-06-30,120,set,上半年\n"
                + "np-2017,2.1.1,2017-05-20,1,add,第一批次\n");
        assertThat(cli.run("progress", "import", "p.csv").exit()).isZero();
        JsonNode s = JSON.readTree(cli.run("status", "np-2017", "--as-of", "2017-06-30", "--format", "json").out());
        JsonNode t = null;
        for (JsonNode n : s.get("targets")) {
            if (n.get("id").asText().equals("2.4.3")) {
                t = n;
            }
        }
        assertThat(t).isNotNull();
        assertThat(t.get("current").asDouble()).isEqualTo(120.0);
        assertThat(t.get("status").asText()).isIn("ON_TRACK", "ACHIEVED");
        assertThat(cli.run("summary", "np-2017", "--as-of", "2017-12-31").out()).contains("2017");
        assertThat(cli.run("audit", "np-2017", "--verify").exit()).isZero();
    }
}
