package org.plantrack.persistence.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The report cache scenarios on PostgreSQL (a fresh schema per test; each store its own pool, as two servers).
 * Skipped without {@code PLANTRACK_TEST_PG_URL}, except under {@code CI=true}, where that fails.
 */
class JdbcPostgresReportCacheIT extends ReportCacheScenarios {
    private String url;

    @BeforeEach
    void freshSchema() {
        url = PgSupport.freshSchemaUrl();
    }

    @Override
    JdbcPlanStore open() {
        return JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD);
    }

    @AfterAll
    static void dropSchemas() {
        PgSupport.dropSchemas();
    }
}
