package org.plantrack.adapter.rest;

import java.util.Map;

/** Command-line arguments of {@link PlantrackServer#main}. */
final class Cli {
    static final String USAGE = "usage: PlantrackServer [--port N] [--host H] [--db SETTING] [--demo|--no-demo]\n"
            + "                       [--auth-failures-per-minute N] [--auth-failure-burst N] [--trust-forwarded-for]\n"
            + "                       [--webhook-retention-days N]\n"
            + "  --port N       port to listen on (default 7070, or PLANTRACK_PORT; 0 = any free port)\n"
            + "  --host H       interface to listen on (default 0.0.0.0)\n"
            + "  --db SETTING   store: a JDBC URL (jdbc:postgresql://...), an H2 file path, or 'mem'\n"
            + "                 (default: PLANTRACK_DB, else the H2 file ~/.plantrack/plantrack)\n"
            + "  --demo         load the reference plan into an empty store and print an admin token (default)\n"
            + "  --no-demo      start with an empty store\n"
            + "  --auth-failures-per-minute N, --auth-failure-burst N\n"
            + "                 failed authentications allowed per client address (default 20 a minute, 30 at\n"
            + "                 once; or PLANTRACK_AUTH_FAILURES_PER_MINUTE, PLANTRACK_AUTH_FAILURE_BURST);\n"
            + "                 past it the address's requests without a valid token get 429\n"
            + "  --trust-forwarded-for\n"
            + "                 the client address is the last one in X-Forwarded-For (or\n"
            + "                 PLANTRACK_TRUST_FORWARDED_FOR=true); only behind a reverse proxy that sets it\n"
            + "  --webhook-retention-days N\n"
            + "                 purge delivered webhook outbox rows older than N days every hour (or\n"
            + "                 PLANTRACK_WEBHOOK_RETENTION_DAYS; default: keep them; dead letters are kept)";

    private Cli() {
    }

    /** The configuration, or {@code null} for {@code --help}. */
    static ServerConfig parse(String[] args, Map<String, String> env) {
        ServerConfig.Builder b = ServerConfig.builder();
        if (env.get("PLANTRACK_PORT") != null) {
            b.port(port(env.get("PLANTRACK_PORT"), "PLANTRACK_PORT"));
        }
        if (env.get("PLANTRACK_DB") != null && !env.get("PLANTRACK_DB").isBlank()) {
            b.db(env.get("PLANTRACK_DB"));
        }
        ServerConfig defaults = ServerConfig.builder().build();
        double failuresPerMinute = defaults.authFailuresPerMinute();
        int failureBurst = defaults.authFailureBurst();
        String perMinute = "PLANTRACK_AUTH_FAILURES_PER_MINUTE";
        if (set(env, perMinute)) {
            failuresPerMinute = positive(env.get(perMinute), perMinute);
        }
        String burst = "PLANTRACK_AUTH_FAILURE_BURST";
        if (set(env, burst)) {
            failureBurst = count(env.get(burst), burst);
        }
        String forwarded = "PLANTRACK_TRUST_FORWARDED_FOR";
        if (set(env, forwarded)) {
            b.trustForwardedFor(bool(env.get(forwarded), forwarded));
        }
        String retention = "PLANTRACK_WEBHOOK_RETENTION_DAYS";
        if (set(env, retention)) {
            b.webhookRetention(java.time.Duration.ofDays(count(env.get(retention), retention)));
        }
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port":
                    b.port(port(value(args, ++i, a), a));
                    break;
                case "--host":
                    b.host(value(args, ++i, a));
                    break;
                case "--db":
                    b.db(value(args, ++i, a));
                    break;
                case "--demo":
                    b.demo(true);
                    break;
                case "--no-demo":
                    b.demo(false);
                    break;
                case "--auth-failures-per-minute":
                    failuresPerMinute = positive(value(args, ++i, a), a);
                    break;
                case "--auth-failure-burst":
                    failureBurst = count(value(args, ++i, a), a);
                    break;
                case "--trust-forwarded-for":
                    b.trustForwardedFor(true);
                    break;
                case "--webhook-retention-days":
                    b.webhookRetention(java.time.Duration.ofDays(count(value(args, ++i, a), a)));
                    break;
                case "--help":
                case "-h":
                    return null;
                default:
                    throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        return b.authFailureLimit(failuresPerMinute, failureBurst).build();
    }

    private static boolean set(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }

    private static double positive(String s, String where) {
        try {
            double d = Double.parseDouble(s.trim());
            if (d > 0 && !Double.isInfinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(where + ": a positive number, found '" + s + "'");
    }

    private static int count(String s, String where) {
        try {
            int n = Integer.parseInt(s.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(where + ": a whole number of 1 or more, found '" + s + "'");
    }

    private static boolean bool(String s, String where) {
        switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true":
            case "1":
            case "yes":
                return true;
            case "false":
            case "0":
            case "no":
                return false;
            default:
                throw new IllegalArgumentException(where + ": true or false, found '" + s + "'");
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int port(String s, String where) {
        try {
            int p = Integer.parseInt(s.trim());
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": a port between 0 and 65535, found '" + s + "'");
        }
    }
}
