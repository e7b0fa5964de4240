package org.plantrack.adapter.rest;

import java.util.Map;

/** Command-line arguments of {@link PlantrackServer#main}. */
final class Cli {
    static final String USAGE = "usage: PlantrackServer [--port N] [--host H] [--db SETTING] [--demo|--no-demo]\n"
            + "  --port N       port to listen on (default 7070, or PLANTRACK_PORT; 0 = any free port)\n"
            + "  --host H       interface to listen on (default 0.0.0.0)\n"
            + "  --db SETTING   store: a JDBC URL (jdbc:postgresql://...), an H2 file path, or 'mem'\n"
            + "                 (default: PLANTRACK_DB, else the H2 file ~/.plantrack/plantrack)\n"
            + "  --demo         load the reference plan into an empty store and print an admin token (default)\n"
            + "  --no-demo      start with an empty store";

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
                case "--help":
                case "-h":
                    return null;
                default:
                    throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        return b.build();
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
