package org.plantrack.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.AuditVerification;
import org.plantrack.core.store.ReportQuery;

/**
 * A writer process killed with SIGKILL mid-run loses nothing it acknowledged and leaves no batch
 * half-written. The child JVM runs the production jars on the <em>module path</em> (test code on the
 * class path), so this also proves the module works as a named module, Flyway migrations included.
 */
class JdbcCrashTest {

    @Test
    void killedWriterLosesNothingAcknowledgedAndLeavesNoHalfBatch() throws Exception {
        Path file = H2Files.fresh("crash");
        String url = H2Files.url(file);
        Process child = startChild(url, Path.of(file + ".child-stderr.txt"));
        List<String> printed = new ArrayList<>();
        String moduleLine;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            moduleLine = out.readLine();
            String line;
            while (printed.size() < 150 && (line = out.readLine()) != null) {
                printed.add(line);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        String err = java.nio.file.Files.readString(Path.of(file + ".child-stderr.txt"));
        assertThat(moduleLine).as("first line of the child; its stderr:\n" + err)
                .isEqualTo("module org.plantrack.persistence.jdbc");
        assertThat(printed).as("ids printed by the child; its stderr:\n" + err).hasSizeGreaterThanOrEqualTo(150);

        long t0 = System.nanoTime();
        try (JdbcPlanStore store = JdbcPlanStore.open(url, "sa", "")) {
            System.out.printf("H2 file reopened %d ms after the writer was killed%n",
                    (System.nanoTime() - t0) / 1_000_000);
            for (String id : printed) {
                assertThat(store.findReport(id)).as("acknowledged report " + id).isPresent();
            }
            List<ProgressReport> all = store.reports(ReportQuery.plan("p"));
            List<AuditEvent> trail = store.auditTrail(null, 0, Integer.MAX_VALUE);
            long batches = trail.stream().filter(e -> e.action().id().equals("report.import")).count();
            long singles = trail.stream().filter(e -> e.action().id().equals("report.add")).count();
            assertThat(all).as("every stored report belongs to a whole write").hasSize((int) (singles + 3 * batches));
            for (AuditEvent e : trail) {
                if (e.action().id().equals("report.import")) {
                    for (int k = 0; k < 3; k++) {
                        assertThat(store.findReport(e.subject() + "-" + k)).as("batch " + e.subject()).isPresent();
                    }
                }
            }
            AuditVerification v = store.verifyAuditTrail();
            assertThat(v.problems()).isEmpty();
            assertThat(v.eventsChecked()).isEqualTo(1 + singles + batches);
        }
    }

    /** {@code java} with the production jars on the module path and everything else on the class path. */
    static Process startChild(String url, Path stderr) throws Exception {
        return startChild(stderr, "org.plantrack.crashchild.CrashChild", url);
    }

    /** As {@link #startChild(String, Path)}, running {@code mainClass} (on the class path) with {@code args}. */
    static Process startChild(Path stderr, String mainClass, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> modulePath = new ArrayList<>();
        List<String> classPath = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            String name = entry.replace('\\', '/');
            boolean production = name.endsWith("persistence-jdbc/target/classes")
                    || name.endsWith("core/target/classes")
                    || (name.contains("plantrack-core") && !name.contains("-tests"))
                    || name.contains("/HikariCP-") || name.contains("/flyway-") || name.contains("/h2-")
                    || name.contains("/postgresql-") || name.contains("/slf4j-api-");
            (production ? modulePath : classPath).add(entry);
        }
        List<String> cmd = new ArrayList<>(List.of(java, "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "--module-path", String.join(File.pathSeparator, modulePath),
                "--add-modules", "org.plantrack.persistence.jdbc",
                "-cp", String.join(File.pathSeparator, classPath),
                mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
    }
}
