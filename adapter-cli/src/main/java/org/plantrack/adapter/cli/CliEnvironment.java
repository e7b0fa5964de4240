package org.plantrack.adapter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the command line reads from its surroundings, so that tests can run it in-process
 * with captured output, a fixed clock and their own store.
 *
 * @param out            standard output
 * @param err            standard error
 * @param env            environment variables ({@code PLANTRACK_DB}, {@code NO_COLOR})
 * @param stdoutTerminal whether standard output is a terminal (colours)
 * @param stderrTerminal whether standard error is a terminal (progress bars)
 * @param user           the operator's name; the CLI acts as {@code Principal.admin(user)}
 * @param clock          the clock for "today" and recorded-at times
 * @param stores         opens the store named by {@code --db} / {@code PLANTRACK_DB}
 * @param workDir        the directory relative file names are resolved against
 */
public record CliEnvironment(PrintWriter out, PrintWriter err, Map<String, String> env, boolean stdoutTerminal,
        boolean stderrTerminal, String user, Clock clock, StoreOpener stores, Path workDir) {

    public CliEnvironment {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(workDir, "workDir");
    }

    /** The real surroundings of a process: System.out/err, the environment, the system clock. */
    public static CliEnvironment system() {
        java.nio.charset.Charset cs = java.nio.charset.StandardCharsets.UTF_8;
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), cs), false);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(
                new java.io.FileOutputStream(java.io.FileDescriptor.err), cs), true);
        boolean console = System.console() != null;
        String user = System.getProperty("user.name", "operator");
        if (user.isBlank()) {
            user = "operator";
        }
        return new CliEnvironment(out, err, System.getenv(), tty("plantrack.stdout.tty", console),
                tty("plantrack.stderr.tty", console), user, Clock.systemDefaultZone(), StoreOpener.standard(),
                Path.of("").toAbsolutePath());
    }

    private static boolean tty(String property, boolean fallback) {
        String v = System.getProperty(property);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }

    /** Whether colours may be used on standard output: a terminal, and {@code NO_COLOR} not set. */
    public boolean colour() {
        String noColor = env.get("NO_COLOR");
        return stdoutTerminal && (noColor == null || noColor.isEmpty());
    }

    /** A copy with another store opener. */
    public CliEnvironment withStores(StoreOpener s) {
        return new CliEnvironment(out, err, env, stdoutTerminal, stderrTerminal, user, clock, s, workDir);
    }
}
