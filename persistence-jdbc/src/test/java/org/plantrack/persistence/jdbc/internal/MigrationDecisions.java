package org.plantrack.persistence.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.plantrack.persistence.jdbc.spi.Dialect;

/**
 * When opening a store skips Flyway and when it hands the schema to Flyway, on one kind of database.
 * Each scenario takes a new empty database (or schema) from {@code fresh}. Used by {@code MigrationsTest}
 * (H2 files) and {@code MigrationsPostgresIT}.
 */
final class MigrationDecisions {
    private final Supplier<DataSource> fresh;
    private final Dialect dialect;

    MigrationDecisions(Supplier<DataSource> fresh, Dialect dialect) {
        this.fresh = fresh;
        this.dialect = dialect;
    }

    private int all() {
        return Migrations.names(dialect).size();
    }

    private DataSource migrated() {
        DataSource ds = fresh.get();
        assertThat(Migrations.migrate(ds, dialect)).isEqualTo(all());
        return ds;
    }

    private static void sql(DataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    private String newestVersion() {
        List<String> names = Migrations.names(dialect);
        String newest = names.get(names.size() - 1);
        return newest.substring(newest.indexOf("/V") + 2, newest.indexOf("__"));
    }

    /** A new database: not current; Flyway applies every migration; then current, and opening again applies none. */
    void aFreshDatabaseIsMigratedThenSkipped() {
        DataSource ds = fresh.get();
        assertThat(Migrations.upToDate(ds, dialect)).isFalse(); // no history table yet
        assertThat(Migrations.migrate(ds, dialect)).isEqualTo(all());
        assertThat(Migrations.upToDate(ds, dialect)).isTrue();
        assertThat(Migrations.migrate(ds, dialect)).isZero();
    }

    /** The checksums computed for the skip are the ones Flyway recorded. */
    void checksumsAreFlywaysOwn() throws SQLException {
        DataSource ds = migrated();
        Map<String, Integer> recorded = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT \"script\", \"checksum\" FROM \"plantrack_schema_history\""
                        + " WHERE \"type\" = 'SQL'")) {
            while (rs.next()) {
                recorded.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertThat(recorded).hasSize(all());
        for (String path : Migrations.names(dialect)) {
            String file = path.substring(path.indexOf('/') + 1);
            try (var in = Migrations.class.getResourceAsStream(
                    "/org/plantrack/persistence/jdbc/internal/migration/" + path)) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(Migrations.checksum(text)).as(file).isEqualTo(recorded.get(file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** A database from before the newest migration: not current; Flyway applies that one. */
    void anOlderDatabaseIsMigrated() throws SQLException {
        DataSource ds = migrated();
        String version = newestVersion();
        // as if this database had been created before the newest migration existed: V8 (the supervision cycle)
        // on H2, V9 (its append-only triggers) on PostgreSQL
        if (dialect == Dialect.POSTGRESQL) {
            assertThat(version).isEqualTo("9");
            sql(ds, "DELETE FROM \"plantrack_schema_history\" WHERE \"version\" = '" + version + "'",
                    "DROP FUNCTION plantrack_reject_supervision_change() CASCADE");
        } else {
            assertThat(version).isEqualTo("8");
            sql(ds, "DELETE FROM \"plantrack_schema_history\" WHERE \"version\" = '" + version + "'",
                    "DROP TABLE plantrack_task_head", "DROP TABLE plantrack_task_transition",
                    "DROP TABLE plantrack_task_report", "DROP TABLE plantrack_task_review",
                    "DROP TABLE plantrack_task_override", "DROP TABLE plantrack_evidence_file",
                    "DROP TABLE plantrack_supervision_settings");
        }
        assertThat(Migrations.upToDate(ds, dialect)).isFalse();
        assertThat(Migrations.migrate(ds, dialect)).isEqualTo(1);
        assertThat(Migrations.upToDate(ds, dialect)).isTrue();
    }

    /** A schema migrated by a newer build: not current, and refused with the versions named (Flyway only warns). */
    void aNewerDatabaseIsRefused() throws SQLException {
        DataSource ds = migrated();
        sql(ds, "INSERT INTO \"plantrack_schema_history\" VALUES (99, '99', 'from a newer build', 'SQL', "
                + "'V99__from_a_newer_build.sql', 1, 'someone', CURRENT_TIMESTAMP, 1, TRUE)");
        assertThat(Migrations.upToDate(ds, dialect)).isFalse();
        String refused = "the schema has migration 99 from a newer Plantrack build (this build knows up to version "
                + newestVersion() + "); open it with the Plantrack version that migrated it";
        assertThatThrownBy(() -> Migrations.migrate(ds, dialect)).isInstanceOf(FlywayException.class)
                .hasMessage(refused);
        // a newer build's failed attempt left the schema half-changed: refused the same way
        sql(ds, "UPDATE \"plantrack_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '99'");
        assertThatThrownBy(() -> Migrations.migrate(ds, dialect)).isInstanceOf(FlywayException.class)
                .hasMessage(refused);
    }

    /** A migration whose text changed since it was applied: not current; Flyway's validation refuses it. */
    void aChangedMigrationIsRefused() throws SQLException {
        DataSource ds = migrated();
        sql(ds, "UPDATE \"plantrack_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'");
        assertThat(Migrations.upToDate(ds, dialect)).isFalse();
        assertThatThrownBy(() -> Migrations.migrate(ds, dialect)).isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch for migration version 1");
    }

    /** A migration recorded as failed: not current; Flyway's validation refuses it. */
    void aFailedMigrationIsRefused() throws SQLException {
        DataSource ds = migrated();
        String version = newestVersion();
        sql(ds, "UPDATE \"plantrack_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '" + version + "'");
        assertThat(Migrations.upToDate(ds, dialect)).isFalse();
        assertThatThrownBy(() -> Migrations.migrate(ds, dialect)).isInstanceOf(FlywayException.class)
                .hasMessageContaining("failed migration to version " + version);
    }

    /** An unknown kind of row (here a second row for one version) is left to Flyway. */
    void anUnusualHistoryGoesToFlyway() throws SQLException {
        DataSource ds = migrated();
        sql(ds, "INSERT INTO \"plantrack_schema_history\" SELECT 98, \"version\", \"description\", \"type\", "
                + "\"script\", \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\" "
                + "FROM \"plantrack_schema_history\" WHERE \"version\" = '1'");
        assertThat(Migrations.upToDate(ds, dialect)).isFalse();
    }
}
