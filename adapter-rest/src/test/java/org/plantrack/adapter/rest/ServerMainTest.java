package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server's main class takes its settings from the environment alone (the command line is
 * {@code plantrack serve}'s): an argument, or a bad variable, ends it with exit 2 and one line naming it.
 * That it starts and serves from the environment is shown by every {@link ServerProcess} test.
 */
class ServerMainTest {

    private static Process run(Map<String, String> env, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-p", System.getProperty("jdk.module.path"),
                "-m", "org.plantrack.adapter.rest/org.plantrack.adapter.rest.PlantrackServer"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("PLANTRACK_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p;
    }

    @Test
    void anArgumentIsRefusedWithAPointerToPlantrackServe() throws Exception {
        Process p = run(Map.of("PLANTRACK_DB", "mem"), "--port", "8080");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(2);
        assertThat(err).contains("'--port'").contains("plantrack serve --help");
    }

    @Test
    void aBadVariableIsNamedAndTheServerDoesNotStart() throws Exception {
        Process p = run(Map.of("PLANTRACK_DB", "mem", "PLANTRACK_PORT", "seventy"));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(2);
        assertThat(err).isEqualTo("plantrack: invalid value for PLANTRACK_PORT: a port between 0 and 65535, "
                + "found 'seventy'\n");
    }
}
