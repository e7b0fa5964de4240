package org.plantrack.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.TargetEvaluation;

/** The examples as a user runs them: their output and results. */
class ExamplesTest {

    @Test
    void embedInMemoryPrintsEveryTargetsStatus() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PlanEvaluation e = EmbedInMemory.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(e.plan().targets()).isGreaterThanOrEqualTo(15);
        assertThat(e.target("2.4.3").orElseThrow().status()).isEqualTo(Status.AT_RISK);
        assertThat(out).contains("2.4.3  AT_RISK       完成率 40%，按序时进度应达 50%，低于序时进度的 90%");
        assertThat(out).contains("2.2.1  NOT_EVALUABLE 目标值未知");
        assertThat(out).contains("plan: BEHIND");
    }

    @Test
    void supervisionCyclePrintsEveryTasksStatus() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        org.plantrack.core.supervision.TaskBoard b = SupervisionCycle.run(new PrintStream(buf, true,
                StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(b.tasks()).hasSize(18).noneSatisfy(t -> assertThat(t.status()).isEqualTo(Status.NOT_EVALUABLE));
        assertThat(out).contains("待复核: 1");
        assertThat(out).contains("2.4  办理中   ");
        assertThat(out).contains("1.2  已交办   未开始  已交办，待签收（完成时限 2017-12-31）");
        assertThat(out).contains("待复核 0");
    }

    @Test
    void installPluginsFindsTheRuleAndTheListenerOfThisModule() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        TargetEvaluation museum;
        System.setOut(capture); // the listener found by ServiceLoader prints to standard output
        try {
            museum = PluginsAndListeners.run(capture);
        } finally {
            System.setOut(previous);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(museum.status()).isEqualTo(Status.AT_RISK);
        assertThat(museum.ruleId()).isEqualTo("example.milestone-quiet");
        assertThat(out).contains("3.1.1 AT_RISK by rule example.milestone-quiet: 距完成时限 2017-12-31 不足 30 天");
        assertThat(out).contains("np-2017 2.4.3: BEHIND → ON_TRACK (report)");
        assertThat(out).contains("np-2017 3.1.1: NOT_STARTED → AT_RISK (time)");
    }

    @Test
    void guiceWiresTheJdbcStoreAndTheTrackerOverAnH2File(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path db = dir.resolve("plantrack");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PlanEvaluation e = GuiceJdbcExample.run(db, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("imported np-2017 into JdbcPlanStore[jdbc:h2:file:" + db.toAbsolutePath());
        assertThat(out).contains("2.4.3  AT_RISK       完成率 40%").contains("reports stored for 2.4.3: 1");
        assertThat(e.target("2.4.3").orElseThrow().status()).isEqualTo(Status.AT_RISK);
        assertThat(java.nio.file.Files.exists(dir.resolve("plantrack.mv.db"))).isTrue();

        // a second run (a new injector, as after a restart) finds the plan in the file
        buf.reset();
        GuiceJdbcExample.run(db, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(buf.toString(StandardCharsets.UTF_8)).startsWith("found np-2017 in ")
                .contains("reports stored for 2.4.3: 2");
    }

    @Test
    void theWebhookExamplesReceiverGetsSignedReportAndStatusEvents(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        java.util.List<String> received = WebhookExample.run(dir.resolve("plantrack"),
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(received).hasSize(2).allMatch(l -> l.startsWith("valid  "));
        assertThat(received).anyMatch(l -> l.contains("\"type\":\"report.recorded\"") && l.contains("\"targetId\":\"2.4.3\""));
        assertThat(received).anyMatch(l -> l.contains("\"type\":\"status.changed\"") && l.contains("\"status\":\"ACHIEVED\""));
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("deliveries: {PENDING=0, DELIVERED=2, DEAD=0, CANCELLED=0}");
    }
}
