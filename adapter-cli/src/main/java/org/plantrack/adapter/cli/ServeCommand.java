package org.plantrack.adapter.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.plantrack.adapter.rest.PlantrackServer;
import org.plantrack.adapter.rest.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
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

    @Option(names = "--host", paramLabel = "HOST", description = "Interface to listen on (default 0.0.0.0, or $PLANTRACK_HOST).")
    String host;

    @Option(names = "--no-demo", description = "Do not load the reference plan into an empty store (or $PLANTRACK_DEMO=false).")
    boolean noDemo;

    @Option(names = "--auth-failures-per-minute", paramLabel = "N", description = "Failed authentications allowed "
            + "per client address a minute (default 20, or $PLANTRACK_AUTH_FAILURES_PER_MINUTE); past it, that "
            + "address's requests without a valid token get 429.")
    Double authFailuresPerMinute;

    @Option(names = "--auth-failure-burst", paramLabel = "N", description = "Failed authentications allowed at once "
            + "(default 30, or $PLANTRACK_AUTH_FAILURE_BURST).")
    Integer authFailureBurst;

    @Option(names = "--trust-forwarded-for", description = "Take the client address from X-Forwarded-For (only "
            + "behind a reverse proxy that sets it; or $PLANTRACK_TRUST_FORWARDED_FOR=true).")
    boolean trustForwardedFor;

    @Option(names = "--webhook-retention-days", paramLabel = "N", description = "Purge delivered webhook outbox rows "
            + "older than N days, every hour (or $PLANTRACK_WEBHOOK_RETENTION_DAYS; default: keep them).")
    Integer webhookRetentionDays;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = config();
        // The server logs one line per request at INFO; the rest of the CLI stays at WARN.
        System.setProperty("org.slf4j.simpleLogger.log.plantrack.request", "info");
        System.setProperty("org.slf4j.simpleLogger.log.org.plantrack.adapter.rest", "info");
        PlantrackServer.serve(config, System.out);
        Thread.currentThread().join(); // serve until the JVM is stopped; the server's shutdown hook closes it
        return ExitCode.OK;
    }

    /**
     * The server's configuration: the defaults, then the environment ({@link ServerConfig#fromEnvironment}), then
     * these options and the global {@code --db}. A bad value is a usage error naming the option or variable.
     */
    ServerConfig config() {
        try {
            ServerConfig.Builder b = ServerConfig.fromEnvironment(root().env().env());
            ServerConfig fromEnv = b.build();
            if (port != null) {
                if (port < 0 || port > 65535) {
                    throw bad("--port", "a port between 0 and 65535", port);
                }
                b.port(port);
            }
            if (host != null) {
                b.host(host);
            }
            String db = root().dbSetting();
            if (db != null) {
                b.db(db);
            }
            if (noDemo) {
                b.demo(false);
            }
            if (authFailuresPerMinute != null && !(authFailuresPerMinute > 0 && !authFailuresPerMinute.isInfinite())) {
                throw bad("--auth-failures-per-minute", "a positive number", authFailuresPerMinute);
            }
            if (authFailureBurst != null && authFailureBurst < 1) {
                throw bad("--auth-failure-burst", "a whole number of 1 or more", authFailureBurst);
            }
            b.authFailureLimit(authFailuresPerMinute != null ? authFailuresPerMinute : fromEnv.authFailuresPerMinute(),
                    authFailureBurst != null ? authFailureBurst : fromEnv.authFailureBurst());
            if (webhookRetentionDays != null) {
                if (webhookRetentionDays < 1) {
                    throw bad("--webhook-retention-days", "a whole number of 1 or more", webhookRetentionDays);
                }
                b.webhookRetention(Duration.ofDays(webhookRetentionDays));
            }
            if (trustForwardedFor) {
                b.trustForwardedFor(true);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for " + e.getMessage(), e);
        }
    }

    private ParameterException bad(String option, String expected, Object found) {
        return new ParameterException(spec.commandLine(),
                "Invalid value for option '" + option + "': " + expected + ", found '" + found + "'");
    }
}
