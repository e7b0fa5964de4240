package org.plantrack.persistence.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server for integration tests, from {@code PLANTRACK_TEST_PG_URL},
 * {@code PLANTRACK_TEST_PG_USER}, {@code PLANTRACK_TEST_PG_PASSWORD} (see {@code .ci/pg-start}).
 * Without them the PostgreSQL tests are skipped with a message, except when {@code CI=true}: then
 * they fail, so that CI never skips them silently. Each store gets a fresh schema.
 */
public final class PgSupport {
    public static final String URL = System.getenv("PLANTRACK_TEST_PG_URL");
    public static final String USER = System.getenv("PLANTRACK_TEST_PG_USER");
    public static final String PASSWORD = System.getenv("PLANTRACK_TEST_PG_PASSWORD");
    /** A command taking {@code stop|start} that controls the test server (exported by pg-start). */
    static final String CTL = System.getenv("PLANTRACK_TEST_PG_CTL");

    private static final List<String> SCHEMAS = new ArrayList<>();

    private PgSupport() {
    }

    /** Skips (or, under CI=true, fails) the calling test when no PostgreSQL server is configured. */
    static void requireServer() {
        if (URL != null && !URL.isBlank()) {
            return;
        }
        String msg = "PostgreSQL tests need PLANTRACK_TEST_PG_URL, PLANTRACK_TEST_PG_USER and "
                + "PLANTRACK_TEST_PG_PASSWORD (run: eval \"$(bash .ci/pg-start)\")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true but no PostgreSQL server is configured: " + msg);
        }
        Assumptions.abort("skipped: " + msg);
    }

    /** Skips (or fails under CI) a test that must stop and start the server. */
    static void requireControl() {
        requireServer();
        if (CTL == null || CTL.isBlank()) {
            String msg = "PLANTRACK_TEST_PG_CTL (a stop|start command, exported by .ci/pg-start) is not set";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true but " + msg);
            }
            Assumptions.abort("skipped: " + msg);
        }
    }

    /** A new empty schema; returns a URL whose connections use it. */
    public static String freshSchemaUrl() {
        requireServer();
        String schema = "pt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        sql("CREATE SCHEMA " + schema);
        synchronized (SCHEMAS) {
            SCHEMAS.add(schema);
        }
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the schemas made by {@link #freshSchemaUrl()}. */
    public static void dropSchemas() {
        if (URL == null || URL.isBlank()) {
            return;
        }
        synchronized (SCHEMAS) {
            for (String s : SCHEMAS) {
                try {
                    sql("DROP SCHEMA " + s + " CASCADE");
                } catch (RuntimeException e) {
                    // the server may be down after a fault test; the data directory is temporary anyway
                }
            }
            SCHEMAS.clear();
        }
    }

    /** Runs statements on the test database as the test user. */
    static void sql(String... statements) {
        sqlOn(URL, statements);
    }

    static void sqlOn(String url, String... statements) {
        try (Connection c = DriverManager.getConnection(url, USER, PASSWORD); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + url + ": " + e.getMessage(), e);
        }
    }

    /** Runs the server control command ({@code stop} or {@code start}) and waits for it. */
    static void control(String action) throws Exception {
        Process p = new ProcessBuilder(CTL, action).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(CTL + " " + action + " failed: " + out);
        }
    }
}
