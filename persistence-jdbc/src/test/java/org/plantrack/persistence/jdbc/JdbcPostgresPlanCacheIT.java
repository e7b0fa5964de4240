package org.plantrack.persistence.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The plan cache scenarios on PostgreSQL (a fresh schema per test; every store of a test has its own
 * pool on that schema, as two servers would). Skipped without {@code PLANTRACK_TEST_PG_URL}, except
 * under {@code CI=true}, where that fails.
 */
class JdbcPostgresPlanCacheIT extends PlanCacheScenarios {
    private String url;

    @BeforeEach
    void freshSchema() {
        url = PgSupport.freshSchemaUrl();
    }

    @Override
    JdbcPlanStore open(int planCacheSize) {
        return JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD, JdbcPlanStore.DEFAULT_CONNECTION_TIMEOUT,
                planCacheSize);
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, PgSupport.USER, PgSupport.PASSWORD);
    }

    @AfterAll
    static void dropSchemas() {
        PgSupport.dropSchemas();
    }
}
