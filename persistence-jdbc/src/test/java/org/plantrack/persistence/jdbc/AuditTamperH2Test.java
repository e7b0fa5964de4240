package org.plantrack.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plantrack.core.store.AuditVerification;

/** {@link AuditTamperScenarios} on an H2 file, which has no append-only triggers: plain SQL does the tampering. */
class AuditTamperH2Test extends AuditTamperScenarios {
    private Path file;

    @BeforeEach
    void freshFile() {
        file = H2Files.fresh("tamper");
    }

    @Override
    JdbcPlanStore open() {
        return JdbcPlanStore.open(H2Files.url(file), "sa", "");
    }

    @Override
    Connection raw() throws SQLException {
        return DriverManager.getConnection(H2Files.url(file), "sa", "");
    }

    @Override
    void tamper(String... statements) {
        try (Connection c = raw(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    void forgetKeys() throws Exception {
        Files.delete(keyFile());
    }

    private Path keyFile() {
        return Path.of(file + ".audit-key");
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

    @Test
    void theKeyFileLiesBesideTheStoreReadableOnlyByItsOwner() throws Exception {
        try (JdbcPlanStore store = open()) {
            fill(store);
        }
        assertThat(keyFile()).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile()))).isEqualTo("rw-------");
        assertThat(Files.readString(keyFile())).contains("Keep this file").doesNotContain("plantrack_audit");
    }

    @Test
    void aVerifierWithoutTheKeySaysSoInsteadOfIntact() throws Exception {
        try (JdbcPlanStore store = open()) {
            fill(store);
        }
        Path moved = Path.of(file + ".moved-key");
        Files.move(keyFile(), moved);
        try (JdbcPlanStore store = open()) {
            AuditVerification v = store.verifyAuditTrail();
            assertThat(v.intact()).isFalse();
            assertThat(v.problems()).isEmpty();
            assertThat(v.status()).isEqualTo(AuditVerification.Status.UNVERIFIABLE);
            assertThat(v.unchecked()).singleElement().asString().startsWith("events 1–5 are hashed with audit key")
                    .contains("does not hold");
        }
        assertThat(keyFile()).doesNotExist(); // not replaced by a useless new key
        Files.move(moved, keyFile());
        try (JdbcPlanStore store = open()) {
            assertThat(store.verifyAuditTrail().intact()).isTrue();
        }
    }

    @Test
    void aRotatedKeyIsKeptBesideTheOldOneAndEveryEventStillVerifiesAfterReopening() throws Exception {
        try (JdbcPlanStore store = open()) {
            fill(store);
            store.rotateAuditKey(ok("audit.key", null, null, null));
            store.appendReport(report("r4", 4, "bob"), ok("report.add", "p", "r4", "value 4"));
        }
        assertThat(Files.readAllLines(keyFile()).stream().filter(l -> !l.startsWith("#"))).hasSize(2)
                .anySatisfy(l -> assertThat(l).endsWith(" 1")).anySatisfy(l -> assertThat(l).endsWith(" 6"));
        try (JdbcPlanStore store = open()) {
            AuditVerification v = store.verifyAuditTrail();
            assertThat(v.problems()).isEmpty();
            assertThat(v.intact()).isTrue();
            assertThat(v.eventsChecked()).isEqualTo(7);
        }
    }
}
