package org.plantrack.persistence.jdbc.webhook;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * The outbox retention scenarios on PostgreSQL (a fresh schema per test), from {@code PLANTRACK_TEST_PG_URL},
 * {@code PLANTRACK_TEST_PG_USER} and {@code PLANTRACK_TEST_PG_PASSWORD} ({@code eval "$(bash .ci/pg-start)"}).
 * Skipped without them, except under {@code CI=true}, where that fails.
 */
class WebhookPurgePostgresIT extends WebhookPurgeScenarios {
    static final String URL = System.getenv("PLANTRACK_TEST_PG_URL");
    static final String USER = System.getenv("PLANTRACK_TEST_PG_USER");
    static final String PASSWORD = System.getenv("PLANTRACK_TEST_PG_PASSWORD");
    static final List<String> SCHEMAS = new ArrayList<>();

    String url;

    @BeforeEach
    void freshSchema() throws SQLException {
        if (URL == null || URL.isBlank()) {
            String msg = "PostgreSQL tests need PLANTRACK_TEST_PG_URL, PLANTRACK_TEST_PG_USER and "
                    + "PLANTRACK_TEST_PG_PASSWORD (run: eval \"$(bash .ci/pg-start)\")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true but no PostgreSQL server is configured: " + msg);
            }
            Assumptions.abort("skipped: " + msg);
        }
        String schema = "whp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        SCHEMAS.add(schema);
        url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @AfterAll
    static void dropSchemas() throws SQLException {
        if (URL == null || URL.isBlank()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            for (String s : SCHEMAS) {
                c.createStatement().execute("DROP SCHEMA " + s + " CASCADE");
            }
        }
        SCHEMAS.clear();
    }

    @Override
    JdbcPlanStore open() {
        return JdbcPlanStore.open(url, USER, PASSWORD);
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }
}
