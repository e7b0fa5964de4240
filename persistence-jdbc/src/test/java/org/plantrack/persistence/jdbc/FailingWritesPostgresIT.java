package org.plantrack.persistence.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@link FailingWriteStress} on PostgreSQL: the chain head stays on the last event, writes keep succeeding. */
class FailingWritesPostgresIT {

    @AfterAll
    static void dropSchemas() {
        PgSupport.dropSchemas();
    }

    @Test
    void refusedWritesNeverMoveTheChainHeadBackOnPostgres() throws Exception {
        String url = PgSupport.freshSchemaUrl();
        try (JdbcPlanStore store = JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD);
                Connection c = DriverManager.getConnection(url, PgSupport.USER, PgSupport.PASSWORD)) {
            FailingWriteStress.Outcome outcome = FailingWriteStress.run(store, 400, 20_000);
            FailingWriteStress.assertChainWhole(store, c, outcome);
        }
    }
}
