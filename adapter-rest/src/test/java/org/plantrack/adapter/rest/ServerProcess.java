package org.plantrack.adapter.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as a user runs it: {@code PlantrackServer} in its own JVM on the module path, with its
 * standard error (the production {@code logback.xml}: request log included) copied to a file.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)/");
    private static final Pattern DEMO_TOKEN = Pattern.compile("export TOKEN=(pt_\\S+)");

    private final Process process;
    private final Path log;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final CompletableFuture<String> demoToken = new CompletableFuture<>();
    private final List<Thread> drains = new ArrayList<>();

    /** As {@link #start(String, boolean, Path, java.util.Map)} without further settings. */
    static ServerProcess start(String db, boolean demo, Path log) throws IOException {
        return start(db, demo, log, java.util.Map.of());
    }

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the server's main class on 127.0.0.1, a free port and {@code db}, configured by its environment
     * ({@code PLANTRACK_*} variables, {@code settings} added); waits (at most 60 s) until it listens.
     */
    static ServerProcess start(String db, boolean demo, Path log, java.util.Map<String, String> settings)
            throws IOException {
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath == null || modulePath.isBlank()) {
            throw new IllegalStateException("the tests must run on the module path");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Duser.timezone=UTC", "-p", modulePath, "-m",
                "org.plantrack.adapter.rest/org.plantrack.adapter.rest.PlantrackServer"));
        String keyDir = System.getProperty("plantrack.audit.keyDir");
        if (keyDir != null) {
            // audit key files of server databases in target/ (as the build sets it), not the user's home
            command.add(command.indexOf("-p"), "-Dplantrack.audit.keyDir=" + keyDir);
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("PLANTRACK_"));
        pb.environment().putAll(java.util.Map.of("PLANTRACK_PORT", "0", "PLANTRACK_HOST", "127.0.0.1",
                "PLANTRACK_DB", db, "PLANTRACK_DEMO", String.valueOf(demo)));
        pb.environment().putAll(settings);
        Process p = pb.start();
        ServerProcess s = new ServerProcess(p, log);
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
        s.drains.add(s.drain(p.getErrorStream(), out, true));
        s.drains.add(s.drain(p.getInputStream(), null, false));
        try {
            s.port.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("the server did not start within 60 s; log " + log + ":\n"
                    + s.logText(), e);
        }
        return s;
    }

    private Thread drain(InputStream in, PrintWriter copy, boolean isErr) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (copy != null) {
                        copy.println(line);
                    }
                    Matcher m = (isErr ? LISTENING : DEMO_TOKEN).matcher(line);
                    if (m.find()) {
                        if (isErr) {
                            port.complete(Integer.parseInt(m.group(1)));
                        } else {
                            demoToken.complete(m.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended
            } finally {
                if (copy != null) {
                    copy.close();
                }
            }
        }, "server-drain");
        t.setDaemon(true);
        t.start();
        return t;
    }

    int port() {
        return port.join();
    }

    String base() {
        return "http://127.0.0.1:" + port();
    }

    /** The demo admin token printed on standard output (only when the store was empty and demo was on). */
    String demoToken() throws Exception {
        return demoToken.get(10, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    /** {@code kill -9}: no shutdown hook, no flush. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        joinDrains();
    }

    /** Everything the server wrote to standard error so far. */
    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void joinDrains() throws InterruptedException {
        for (Thread t : drains) {
            t.join(5000);
        }
    }

    /** SIGTERM, then SIGKILL after 20 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        joinDrains();
    }
}
