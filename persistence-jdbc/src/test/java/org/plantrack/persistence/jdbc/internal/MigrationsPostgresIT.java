package org.plantrack.persistence.jdbc.internal;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.plantrack.persistence.jdbc.PgSupport;
import org.plantrack.persistence.jdbc.spi.Dialect;
import org.postgresql.ds.PGSimpleDataSource;

/** {@link MigrationDecisions} on PostgreSQL, each in a fresh schema (see {@link PgSupport}). */
class MigrationsPostgresIT {

    private static DataSource pg() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(PgSupport.freshSchemaUrl());
        ds.setUser(PgSupport.USER);
        ds.setPassword(PgSupport.PASSWORD);
        return ds;
    }

    private final MigrationDecisions decisions = new MigrationDecisions(MigrationsPostgresIT::pg, Dialect.POSTGRESQL);

    @AfterAll
    static void drop() {
        PgSupport.dropSchemas();
    }

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
}
