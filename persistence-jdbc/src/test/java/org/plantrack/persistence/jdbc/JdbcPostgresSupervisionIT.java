package org.plantrack.persistence.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The supervision cycle on a real PostgreSQL server: a write whose connection is lost stores nothing. */
class JdbcPostgresSupervisionIT {

    @Test
    void aWriteWhoseConnectionIsLostStoresNothingAndTheChainVerifies() {
        SupervisionScenarios.aWriteWhoseConnectionIsLostStoresNothing(
                () -> JdbcPlanStore.open(PgSupport.freshSchemaUrl(), PgSupport.USER, PgSupport.PASSWORD));
    }

    @AfterAll
    static void dropSchemas() {
        PgSupport.dropSchemas();
    }
}
