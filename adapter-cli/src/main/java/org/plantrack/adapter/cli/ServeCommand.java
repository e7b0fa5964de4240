package org.plantrack.adapter.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.plantrack.adapter.rest.PlantrackServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code plantrack serve}: starts the HTTP server (REST API, dashboard) over the same store as the
 * other commands and runs until it is stopped (Ctrl-C or SIGTERM shut it down cleanly).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the HTTP server (REST API, dashboard) over the store.")
final class ServeCommand extends Base implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "Port (default 7070, or $PLANTRACK_PORT; 0 = any free port).")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST", description = "Interface to listen on (default 0.0.0.0).")
    String host;

    @Option(names = "--no-demo", description = "Do not load the reference plan into an empty store.")
    boolean noDemo;

    @Option(names = "--auth-failures-per-minute", paramLabel = "N", description = "Failed authentications allowed "
            + "per client address a minute (default 20, or $PLANTRACK_AUTH_FAILURES_PER_MINUTE); past it, that "
            + "address's requests without a valid token get 429.")
    String authFailuresPerMinute;

    @Option(names = "--auth-failure-burst", paramLabel = "N", description = "Failed authentications allowed at once "
            + "(default 30, or $PLANTRACK_AUTH_FAILURE_BURST).")
    String authFailureBurst;

    @Option(names = "--trust-forwarded-for", description = "Take the client address from X-Forwarded-For (only "
            + "behind a reverse proxy that sets it).")
    boolean trustForwardedFor;

    @Option(names = "--webhook-retention-days", paramLabel = "N", description = "Purge delivered webhook outbox rows "
            + "older than N days, every hour (or $PLANTRACK_WEBHOOK_RETENTION_DAYS; default: keep them).")
    String webhookRetentionDays;

    @Override
    public Integer call() throws InterruptedException {
        List<String> args = new ArrayList<>();
        if (port != null) {
            args.add("--port");
            args.add(String.valueOf(port));
        }
        if (host != null) {
            args.add("--host");
            args.add(host);
        }
        String db = root().dbSetting();
        if (db != null) {
            args.add("--db");
            args.add(db);
        }
        args.add(noDemo ? "--no-demo" : "--demo");
        // passed on as written: the server's own parser checks them and names the option in its error
        pass(args, "--auth-failures-per-minute", authFailuresPerMinute);
        pass(args, "--auth-failure-burst", authFailureBurst);
        pass(args, "--webhook-retention-days", webhookRetentionDays);
        if (trustForwardedFor) {
            args.add("--trust-forwarded-for");
        }
        // The server logs one line per request at INFO; the rest of the CLI stays at WARN.
        System.setProperty("org.slf4j.simpleLogger.log.plantrack.request", "info");
        System.setProperty("org.slf4j.simpleLogger.log.org.plantrack.adapter.rest", "info");
        PlantrackServer.main(args.toArray(new String[0]));
        Thread.currentThread().join(); // serve until the JVM is stopped; the server's shutdown hook closes it
        return ExitCode.OK;
    }

    private static void pass(List<String> args, String option, String value) {
        if (value != null) {
            args.add(option);
            args.add(value);
        }
    }
}
