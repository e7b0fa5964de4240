package org.plantrack.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code ./plantrack} as a process, as a user would, after Maven has packaged the module.
 * Standard output and error are pipes here, never terminals.
 */
class LauncherIT {
    static Path root;
    static Path launcher;

    /** What one process did. */
    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void locate() throws IOException {
        root = Path.of(System.getProperty("plantrack.root", "..")).toAbsolutePath().normalize();
        launcher = root.resolve("plantrack");
        assertThat(launcher).isExecutable();
        // Maven has just built everything: tell the launcher so, or it would start a build of its own.
        Path stamp = root.resolve("adapter-cli/target/lib/.plantrack-built");
        if (!Files.exists(stamp)) {
            Files.createFile(stamp);
        }
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now()));
    }

    static Run run(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        pb.environment().remove("NO_COLOR");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("plantrack-out", ".txt");
        Path err = Files.createTempFile("plantrack-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("plantrack %s finished", cmd).isTrue();
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    @Test
    void serveStartsTheServerOverTheSameStoreAndStopsOnSigterm() throws Exception {
        Path db = Files.createTempDirectory("plantrack-serve").resolve("db");
        Run imported = run(Map.of(), "--db", db.toString(), "import",
                root.resolve("adapter-cli/src/test/resources/nanping-cast-2017-workplan.txt").toString(), "--id",
                "np-2017");
        assertThat(imported.exit()).as(imported.err()).isZero();
        Run token = run(Map.of(), "--db", db.toString(), "token", "create", "--role", "viewer", "--format", "json");
        String bearer = token.out().replaceAll("(?s).*\"bearer\" *: *\"([^\"]+)\".*", "$1");
        Path err = Files.createTempFile("plantrack-serve-err", ".txt");
        Process p = new ProcessBuilder(launcher.toString(), "--db", db.toString(), "serve", "--port", "0")
                .directory(root.toFile()).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String port = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (port == null && System.nanoTime() < deadline && p.isAlive()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("listening on http://[^:]+:(\\d+)/")
                        .matcher(Files.readString(err, StandardCharsets.UTF_8));
                port = m.find() ? m.group(1) : null;
                Thread.sleep(200);
            }
            assertThat(port).as("the server announced its port: %s", Files.readString(err)).isNotNull();
            java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI
                    .create("http://127.0.0.1:" + port + "/api/v1/plans").toURL().openConnection();
            c.setRequestProperty("Authorization", "Bearer " + bearer);
            assertThat(c.getResponseCode()).isEqualTo(200);
            String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(body).contains("\"id\":\"np-2017\"").doesNotContain("nanping-2017");
            // The CLI shares the store with the running server (AUTO_SERVER), reading commands included.
            Run status = run(Map.of(), "--db", db.toString(), "status", "np-2017", "--format", "json");
            assertThat(status.exit()).as(status.err()).isZero();
            assertThat(status.out()).contains("\"planId\" : \"np-2017\"");
            p.toHandle().destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(err, StandardCharsets.UTF_8)).contains("Plantrack stopped")
                    .doesNotContain(bearer.substring(bearer.indexOf('.') + 1));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void serveLogsOneLinePerRequestWithoutTheTokenAndPrintsOnlyTheDemoNotice() throws Exception {
        Path err = Files.createTempFile("plantrack-serve-demo-err", ".txt");
        Path out = Files.createTempFile("plantrack-serve-demo-out", ".txt");
        Process p = new ProcessBuilder(launcher.toString(), "--db", "mem", "serve", "--port", "0", "--host",
                "127.0.0.1").directory(root.toFile()).redirectError(err.toFile()).redirectOutput(out.toFile()).start();
        try {
            String port = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (port == null && System.nanoTime() < deadline && p.isAlive()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("listening on http://[^:]+:(\\d+)/")
                        .matcher(Files.readString(err, StandardCharsets.UTF_8));
                port = m.find() ? m.group(1) : null;
                Thread.sleep(200);
            }
            assertThat(port).as("the server announced its port: %s", Files.readString(err)).isNotNull();
            assertThat(get(port, "/health", null)).isEqualTo(200);
            // a made-up token and a path with an encoded line break: refused, and logged on one line without either
            assertThat(get(port, "/api/v1/plans/x%0Ainjected", "pt_abc.very-secret-value")).isEqualTo(401);
            p.toHandle().destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        } finally {
            p.destroyForcibly();
        }
        String log = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(log).contains("GET /health 200").contains("Plantrack stopped").doesNotContain("very-secret-value")
                .doesNotContain("Exception");
        assertThat(log.lines()).noneMatch(l -> l.startsWith("injected"));
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).as("standard output carries only the demo token")
                .isNotEmpty().allMatch(l -> l.matches("(Demo admin token .*|  export TOKEN=pt_.*)"));
    }

    @Test
    void serveNamesABadOptionOrVariableAndDoesNotStart() throws Exception {
        Run port = run(Map.of("PLANTRACK_DB", "mem"), "serve", "--port", "70000");
        assertThat(port.exit()).as(port.err()).isEqualTo(2);
        assertThat(port.err()).contains("--port").contains("'70000'");
        assertThat(port.err().lines().count()).isEqualTo(1);
        Run env = run(Map.of("PLANTRACK_DB", "mem", "PLANTRACK_AUTH_FAILURE_BURST", "many"), "serve");
        assertThat(env.exit()).as(env.err()).isEqualTo(2);
        assertThat(env.err()).contains("PLANTRACK_AUTH_FAILURE_BURST").contains("'many'");
        Run retention = run(Map.of("PLANTRACK_DB", "mem"), "serve", "--webhook-retention-days", "0");
        assertThat(retention.exit()).as(retention.err()).isEqualTo(2);
        assertThat(retention.err()).contains("--webhook-retention-days").contains("'0'");
    }

    private static int get(String port, String path, String bearer) throws IOException {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI
                .create("http://127.0.0.1:" + port + path).toURL().openConnection();
        if (bearer != null) {
            c.setRequestProperty("Authorization", "Bearer " + bearer);
        }
        int code = c.getResponseCode();
        c.disconnect();
        return code;
    }

    @Test
    void helpAndVersionRunThroughTheLauncher() throws Exception {
        Run help = run(Map.of(), "--help");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).contains("import").contains("status").contains("Exit codes:");
        assertThat(help.err()).isEmpty();
        Run version = run(Map.of(), "--version");
        assertThat(version.out()).startsWith("plantrack 0.");
    }

    @Test
    void exitCodesAndOneLineErrorsFromTheProcess() throws Exception {
        Run unknown = run(Map.of(), "frobnicate");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err().lines().count()).isEqualTo(1);
        Run badDate = run(Map.of("PLANTRACK_DB", "mem"), "status", "x", "--as-of", "30/06/2017");
        assertThat(badDate.exit()).isEqualTo(2);
        Run missing = run(Map.of("PLANTRACK_DB", "mem"), "show", "no-such-plan");
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).isEqualTo("plantrack: plan 'no-such-plan' does not exist\n");
        Run missingFile = run(Map.of("PLANTRACK_DB", "mem"), "progress", "import", "no-such.csv");
        assertThat(missingFile.exit()).isEqualTo(3);
    }

    @Test
    void completionScriptIsValidBash() throws Exception {
        Run r = run(Map.of(), "completion", "bash");
        assertThat(r.exit()).isZero();
        Path script = Files.createTempFile("plantrack-completion", ".bash");
        Files.writeString(script, r.out());
        Process check = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(new String(check.getInputStream().readAllBytes())).isZero();
        Files.delete(script);
    }

    @Test
    void theH2FileStoreKeepsWritesBetweenProcesses() throws Exception {
        Path db = root.resolve("adapter-cli/target/it-db/" + java.util.UUID.randomUUID() + "/db");
        Map<String, String> env = Map.of("PLANTRACK_DB", db.toString());
        Run add = run(env, "units", "add", "nanping-kx", "南平市科协");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.err()).as("no log noise on stderr").isEmpty();
        Run list = run(env, "units", "--format", "json");
        assertThat(list.exit()).as(list.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode units = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(list.out());
        assertThat(units.get(0).get("name").asText()).isEqualTo("南平市科协");
        assertThat(Files.exists(db.resolveSibling("db.mv.db"))).isTrue();
    }

    @Test
    void theStartUpArchiveIsRecordedAgainWhenALibraryJarChanges() throws Exception {
        Run first = run(Map.of("PLANTRACK_DB", "mem"), "plans");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(root.resolve("adapter-cli/target/plantrack-cp.jsa")).exists();
        // A rebuilt library jar (here only a newer time stamp) makes the JVM refuse the old archive;
        // -Xshare:on turns that silent fallback into an error, so this run shows the archive was recorded again.
        try (var jars = Files.list(root.resolve("adapter-cli/target/lib"))) {
            Path jar = jars.filter(p -> p.getFileName().toString().startsWith("plantrack-core-")).findFirst().orElseThrow();
            Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
        }
        Run again = run(Map.of("PLANTRACK_DB", "mem", "PLANTRACK_JAVA_OPTS", "-Xshare:on"), "plans");
        assertThat(again.exit()).as(again.err()).isZero();
    }

    @Test
    void shortCommandsAlsoRunOnTheModulePath() throws Exception {
        // The launcher runs short commands on the class path (faster start-up) and `serve` on the module
        // path; PLANTRACK_MODULE_PATH=1 runs the rest there too, which checks the module descriptors
        // (picocli and Jackson reflecting into the CLI's packages, the store's migrations as module resources).
        Path work = Files.createDirectories(root.resolve("adapter-cli/target/it-db/" + java.util.UUID.randomUUID()));
        Map<String, String> env = Map.of("PLANTRACK_DB", work.resolve("db").toString(), "PLANTRACK_MODULE_PATH", "1");
        Path plan = root.resolve("adapter-cli/src/test/resources/nanping-cast-2017-workplan.txt");
        Run imp = run(env, "import", plan.toString(), "--id", "np");
        assertThat(imp.exit()).as(imp.err()).isZero();
        Run status = run(env, "status", "np", "--as-of", "2017-06-30", "--format", "json");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.err()).isEmpty();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(status.out()).get("planId").asText())
                .isEqualTo("np");
        Run classPath = run(Map.of("PLANTRACK_DB", work.resolve("db").toString()), "status", "np", "--as-of",
                "2017-06-30", "--format", "json");
        assertThat(classPath.out()).isEqualTo(status.out());
    }

    @Test
    void theReferencePlanFromImportToReport() throws Exception {
        Path work = Files.createDirectories(root.resolve("adapter-cli/target/it-db/" + java.util.UUID.randomUUID()));
        Map<String, String> env = Map.of("PLANTRACK_DB", work.resolve("db").toString());
        Path plan = root.resolve("adapter-cli/src/test/resources/nanping-cast-2017-workplan.txt");

        Run imp = run(env, "import", plan.toString());
        assertThat(imp.exit()).as(imp.err()).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Imported plan (\\S+) ").matcher(imp.out());
        assertThat(m.find()).as(imp.out()).isTrue();
        String id = m.group(1);

        Run status = run(env, "status", id, "--as-of", "2017-06-30", "--format", "json");
        assertThat(status.exit()).as(status.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode s = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(status.out());
        assertThat(s.get("planId").asText()).isEqualTo(id);
        assertThat(s.get("targets").size()).isGreaterThan(5);

        Path csv = work.resolve("progress.csv");
        Files.writeString(csv, "plan,target,as_of,value,mode\n"
                + id + ",2.4.1,2017-03-31,60,set\n"
                + id + ",2.4.1,2017-04-31,5,add\n"
                + id + ",2.4.3,2017-06-30,-3,set\n");
        Run bad = run(env, "progress", "import", csv.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("progress.csv row 3: as_of:").contains("progress.csv row 4: value: a count of 0 or more");
        assertThat(bad.err()).as("no progress bar when stderr is not a terminal").doesNotContain("\r").doesNotContain("[#");
        Run skip = run(env, "progress", "import", csv.toString(), "--skip-invalid");
        assertThat(skip.out()).contains("Stored 1 of 3 reports");

        Path report = work.resolve("status.csv");
        Run rep = run(env, "report", id, "--format", "csv", "--as-of", "2017-06-30", "-o", report.toString());
        assertThat(rep.exit()).as(rep.err()).isZero();
        assertThat(Files.readAllBytes(report)).startsWith(0xEF, 0xBB, 0xBF);
        Run table = run(env, "status", id, "--as-of", "2017-06-30");
        assertThat(table.out()).contains("2.4.1").doesNotContain("\u001B[");
    }
}
