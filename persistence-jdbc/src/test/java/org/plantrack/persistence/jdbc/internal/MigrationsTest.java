package org.plantrack.persistence.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.persistence.jdbc.JdbcPlanStore;
import org.plantrack.persistence.jdbc.spi.Dialect;

/** {@link MigrationDecisions} on H2 files; and what a store says when Flyway refuses a schema. */
class MigrationsTest {

    private static Path file() {
        return Path.of("target", "h2", "migrations-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    }

    private static JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + file());
        return ds;
    }

    private final MigrationDecisions decisions = new MigrationDecisions(MigrationsTest::h2, Dialect.H2);

    @Test
    void aFreshDatabaseIsMigratedThenSkipped() {
        decisions.aFreshDatabaseIsMigratedThenSkipped();
    }

    @Test
    void checksumsAreFlywaysOwn() throws Exception {
        decisions.checksumsAreFlywaysOwn();
    }

    @Test
    void anOlderDatabaseIsMigrated() throws Exception {
        decisions.anOlderDatabaseIsMigrated();
    }

    @Test
    void aNewerDatabaseIsRefused() throws Exception {
        decisions.aNewerDatabaseIsRefused();
    }

    @Test
    void aChangedMigrationIsRefused() throws Exception {
        decisions.aChangedMigrationIsRefused();
    }

    @Test
    void aFailedMigrationIsRefused() throws Exception {
        decisions.aFailedMigrationIsRefused();
    }

    @Test
    void anUnusualHistoryGoesToFlyway() throws Exception {
        decisions.anUnusualHistoryGoesToFlyway();
    }

    @Test
    void aStoreOnAChangedMigrationIsRefusedWithTheStoreError() throws Exception {
        String url = "jdbc:h2:file:" + file();
        JdbcPlanStore.open(url, "sa", "").close();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("UPDATE \"plantrack_schema_history\" SET \"checksum\" = 7 WHERE \"version\" = '3'");
        }
        assertThatThrownBy(() -> JdbcPlanStore.open(url, "sa", "")).isInstanceOf(PlantrackException.class)
                .hasMessageContaining("cannot migrate the Plantrack schema in database")
                .hasMessageContaining("checksum mismatch for migration version 3");
        assertThat(Migrations.upToDate(ds, Dialect.H2)).isFalse();
    }
}
