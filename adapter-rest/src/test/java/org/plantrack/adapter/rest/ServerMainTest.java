package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The main class as a user runs it: a separate JVM on the module path, one request, then SIGTERM;
 * the request is logged in one line without the token or raw control characters, and the process ends.
 */
class ServerMainTest {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)/");

    @Test
    void startsServesAndStopsOnSigterm() throws Exception {
        String modulePath = System.getProperty("jdk.module.path");
        assertThat(modulePath).as("tests run on the module path").isNotBlank();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-p", modulePath, "-m",
                "org.plantrack.adapter.rest/org.plantrack.adapter.rest.PlantrackServer",
                "--port", "0", "--host", "127.0.0.1", "--db", "mem", "--demo").start();
        List<String> err = new ArrayList<>();
        List<String> out = new ArrayList<>();
        BlockingQueue<Integer> port = new LinkedBlockingQueue<>();
        Thread errReader = drain(p.getErrorStream(), err, port);
        Thread outReader = drain(p.getInputStream(), out, null);
        try {
            Integer listening = null;
            for (int i = 0; i < 600 && listening == null && p.isAlive(); i++) {
                listening = port.poll(100, TimeUnit.MILLISECONDS);
            }
            assertThat(listening).as("server log: %s", err).isNotNull();
            Api anonymous = new Api(listening, null);
            assertThat(anonymous.get("/health").status()).isEqualTo(200);
            String secret = "pt_abc.very-secret-value";
            assertThat(anonymous.as(secret).get("/api/v1/plans/x%0Ainjected").status()).isEqualTo(401);
        } finally {
            p.destroy(); // SIGTERM
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        errReader.join(5000);
        outReader.join(5000);
        String log = String.join("\n", err);
        assertThat(p.exitValue()).as("exit after SIGTERM; log: %s", log).isEqualTo(143);
        // The shutdown hook's "Plantrack stopped" line is not asserted: a JVM forked from Surefire here
        // does not run its hooks on SIGTERM (it does when started from a shell; see docs/rest.md).
        assertThat(log).contains("GET /health 200");
        assertThat(log).doesNotContain("very-secret-value");
        assertThat(err).noneMatch(l -> l.startsWith("injected"));
        assertThat(log).doesNotContain("Exception");
        for (String line : out) {
            assertThat(line).as("standard output carries only the demo token notice")
                    .matches("(Demo admin token .*|  export TOKEN=pt_.*)");
        }
    }

    private static Thread drain(java.io.InputStream in, List<String> lines, BlockingQueue<Integer> port) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (port != null) {
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            port.add(Integer.parseInt(m.group(1)));
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
