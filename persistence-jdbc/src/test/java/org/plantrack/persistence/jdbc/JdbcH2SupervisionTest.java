package org.plantrack.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.plantrack.core.supervision.EvidenceFile;
import org.plantrack.core.supervision.SupervisionSettings;
import org.plantrack.core.supervision.TaskRecord;

/** The supervision cycle on H2 files: a restart keeps everything; two stores let one step win; a lost connection stores nothing. */
class JdbcH2SupervisionTest {

    @Test
    void aTaskRecordEvidenceAndSettingsReadBackTheSameAfterTheStoreIsReopened() {
        Path file = H2Files.fresh("supervision-restart");
        TaskRecord written;
        EvidenceFile.Content evidence;
        SupervisionSettings settings;
        try (JdbcPlanStore store = JdbcPlanStore.open(H2Files.url(file), "sa", "")) {
            SupervisionScenarios.fill(store);
            written = SupervisionScenarios.record(store);
            evidence = store.findEvidence("p1", "ev-1").orElseThrow();
            settings = store.supervisionSettings("p1").orElseThrow();
            assertThat(written.transitions()).hasSize(2);
            assertThat(written.reports()).hasSize(1);
            assertThat(written.reviews()).hasSize(1);
        }
        try (JdbcPlanStore again = JdbcPlanStore.open(H2Files.url(file), "sa", "")) {
            assertThat(SupervisionScenarios.record(again)).isEqualTo(written);
            assertThat(again.taskRecords("p1")).containsOnlyKeys("1.1");
            assertThat(again.findEvidence("p1", "ev-1")).contains(evidence);
            assertThat(again.findEvidence("p1", "ev-1").orElseThrow().bytes()).isEqualTo(SupervisionScenarios.PDF);
            assertThat(again.evidenceFiles("p1", "1.1")).containsExactly(evidence.file());
            assertThat(again.supervisionSettings("p1")).contains(settings);
            assertThat(again.findReport(written.reports().get(0).figureReportId(0))).isPresent();
            assertThat(again.verifyAuditTrail().problems()).isEmpty();
        }
    }

    @Test
    void twoStoresOnOneFileLetOneStepWin() throws Exception {
        Path file = H2Files.fresh("supervision-two");
        SupervisionScenarios.twoStoresOnOneDatabaseLetOneStepWin(() -> JdbcPlanStore.open(H2Files.url(file), "sa", ""));
    }

    @Test
    void aWriteWhoseConnectionIsLostStoresNothingAndTheChainVerifies() {
        SupervisionScenarios.aWriteWhoseConnectionIsLostStoresNothing(
                () -> JdbcPlanStore.open(H2Files.url(H2Files.fresh("supervision-lost")), "sa", ""));
    }
}
