package org.plantrack.persistence.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plantrack.persistence.jdbc.internal.AuditKeys;

/**
 * {@link AuditTamperScenarios} on PostgreSQL. Its append-only triggers refuse the tampering, so the tamperer
 * here is someone who can disable them (a database owner or superuser): verify must still find every change.
 */
class AuditTamperPostgresIT extends AuditTamperScenarios {
    private String url;

    @BeforeEach
    void freshSchema() {
        url = PgSupport.freshSchemaUrl();
    }

    @Override
    JdbcPlanStore open() {
        return JdbcPlanStore.open(url, PgSupport.USER, PgSupport.PASSWORD);
    }

    @Override
    Connection raw() throws SQLException {
        return DriverManager.getConnection(url, PgSupport.USER, PgSupport.PASSWORD);
    }

    @Override
    void tamper(String... statements) {
        List<String> all = new ArrayList<>(List.of("ALTER TABLE plantrack_audit DISABLE TRIGGER USER",
                "ALTER TABLE plantrack_report DISABLE TRIGGER USER"));
        all.addAll(List.of(statements));
        all.add("ALTER TABLE plantrack_audit ENABLE TRIGGER USER");
        all.add("ALTER TABLE plantrack_report ENABLE TRIGGER USER");
        PgSupport.sqlOn(url, all.toArray(String[]::new));
    }

    @Override
    void forgetKeys() throws Exception {
        String metadataUrl;
        try (Connection c = raw()) {
            metadataUrl = c.getMetaData().getURL();
        }
        java.nio.file.Files.delete(AuditKeys.locate(metadataUrl, null).file());
    }

    @Test
    void deletedLastEvents() throws Exception {
        deletingTheLastEventsAndMovingTheHeadIsFoundByTheAnchorAndTheOrphanedReports();
    }

    @Test
    void rehashedEvent() throws Exception {
        anEventRehashedWithThePublicAlgorithmFailsTheKeyedHash();
    }

    @Test
    void eventPastTheHead() throws Exception {
        anEventInsertedPastTheHeadIsReportedWithItsNumber();
    }

    @Test
    void editedReportValue() throws Exception {
        aReportsValueEditedInTheDatabaseIsFound();
    }

    @Test
    void editedReportReporter() throws Exception {
        aReportsReporterEditedInTheDatabaseIsFound();
    }

    @Test
    void headBehindRepaired() throws Exception {
        aHeadBehindItsEventsIsFoundOnOpenAndByVerifyAndRepaired();
    }

    @Test
    void oldFormatStoreUpgrades() throws Exception {
        anOldUnkeyedTrailStillVerifiesAfterTheUpgrade();
    }

    @AfterAll
    static void dropSchemas() {
        PgSupport.dropSchemas();
    }
}
