package org.plantrack.persistence.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private static JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        Path file = Path.of("target", "h2", "migrations-" + UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath();
        ds.setURL("jdbc:h2:file:" + file);
        return ds;
    }

    @Test
    void aCurrentSchemaIsRecognisedWithoutFlyway() throws Exception {
        JdbcDataSource ds = h2();
        assertThat(Migrations.upToDate(ds, Dialect.H2)).isFalse(); // no history table yet
        assertThat(Migrations.migrate(ds, Dialect.H2)).isEqualTo(Migrations.names(Dialect.H2).size());
        assertThat(Migrations.upToDate(ds, Dialect.H2)).isTrue();
        assertThat(Migrations.migrate(ds, Dialect.H2)).isZero();
    }

    @Test
    void aDatabaseWithoutTheNewestMigrationIsNotCurrent() throws Exception {
        JdbcDataSource ds = h2();
        Migrations.migrate(ds, Dialect.H2);
        List<String> names = Migrations.names(Dialect.H2);
        String newest = names.get(names.size() - 1);
        String version = newest.substring(newest.indexOf("/V") + 2, newest.indexOf("__"));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            // as if this database had been created before the newest migration existed
            assertThat(st.executeUpdate("DELETE FROM \"plantrack_schema_history\" WHERE \"version\" = '"
                    + version + "'")).isEqualTo(1);
        }
        assertThat(Migrations.upToDate(ds, Dialect.H2)).isFalse();
    }
}
