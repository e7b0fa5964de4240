package org.plantrack.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The supervision cycle on a real PostgreSQL server: a lost connection stores nothing; records are append-only. */
class JdbcPostgresSupervisionIT {

    @Test
    void aWriteWhoseConnectionIsLostStoresNothingAndTheChainVerifies() {
        SupervisionScenarios.aWriteWhoseConnectionIsLostStoresNothing(
                () -> JdbcPlanStore.open(PgSupport.freshSchemaUrl(), PgSupport.USER, PgSupport.PASSWORD));
    }

    @Test
    void twoStoresOnOneDatabaseLetOneStepWin() throws Exception {
        String url = PgSupport.freshSchemaUrl();
        SupervisionScenarios.twoStoresOnOneDatabaseLetOneStepWin(
                () -> JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD));
    }

    /** Supervision records cannot be changed or deleted in the database, whoever tries (migration V9). */
    @Test
    void supervisionRecordsAreAppendOnlyInTheDatabase() throws Exception {
        String url = PgSupport.freshSchemaUrl();
        try (JdbcPlanStore store = JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD)) {
            SupervisionScenarios.fill(store);
        }
        for (String sql : List.of("UPDATE plantrack_task_transition SET note = 'x'",
                "DELETE FROM plantrack_task_report", "UPDATE plantrack_task_review SET approved = TRUE",
                "DELETE FROM plantrack_evidence_file", "UPDATE plantrack_supervision_settings SET review_required = FALSE",
                "TRUNCATE plantrack_task_transition")) {
            try (Connection c = DriverManager.getConnection(url, PgSupport.USER, PgSupport.PASSWORD);
                    Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("supervision records are append-only");
            }
        }
        try (JdbcPlanStore store = JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD)) {
            assertThat(SupervisionScenarios.record(store).transitions()).hasSize(2);
            assertThat(store.verifyAuditTrail().problems()).isEmpty();
        }
    }

    @AfterAll
    static void dropSchemas() {
        PgSupport.dropSchemas();
    }
}
