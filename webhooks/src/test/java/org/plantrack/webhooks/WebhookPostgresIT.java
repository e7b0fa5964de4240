package org.plantrack.webhooks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.plantrack.persistence.jdbc.JdbcPlanStore;
import org.plantrack.persistence.jdbc.PgSupport;

/**
 * The webhook scenarios on PostgreSQL (a fresh schema per test, {@link PgSupport}): skipped without
 * {@code PLANTRACK_TEST_PG_URL}, except under {@code CI=true}, where that fails.
 */
class WebhookPostgresIT extends WebhookScenarios {
    String url;

    @BeforeEach
    void freshSchema() {
        url = PgSupport.freshSchemaUrl();
    }

    @AfterAll
    static void dropSchemas() {
        PgSupport.dropSchemas();
    }

    @Override
    JdbcPlanStore open() {
        return JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD);
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, PgSupport.USER, PgSupport.PASSWORD);
    }
}
