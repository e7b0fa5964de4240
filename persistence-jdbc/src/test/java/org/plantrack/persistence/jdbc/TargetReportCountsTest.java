package org.plantrack.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plantrack.core.store.StoreFixtures.T0;
import static org.plantrack.core.store.StoreFixtures.ok;
import static org.plantrack.core.store.StoreFixtures.plainReport;
import static org.plantrack.core.store.StoreFixtures.smallPlan;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.store.ReportQuery;

/**
 * A target's report count is kept with every insert ({@code plantrack_target_reports}, migration V7) and
 * agrees with the reports stored: after single reports, batches, a refused batch, and for a database whose
 * reports were written before the count existed.
 */
class TargetReportCountsTest {

    @Test
    void theKeptCountAgreesWithTheReportsStored() {
        Path file = H2Files.fresh("counts");
        try (JdbcPlanStore store = JdbcPlanStore.open(H2Files.url(file), "sa", "")) {
            store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
            store.appendReport(plainReport("a", "p", "t1", LocalDate.of(2017, 2, 1), T0), ok("report.add", "p", "a"));
            List<ProgressReport> batch = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                batch.add(plainReport("b" + i, "p", i % 3 == 0 ? "t2" : "t1", LocalDate.of(2017, 3, 1), T0));
            }
            store.appendReports(batch, ok("report.add", "p", "batch"));
            // a refused batch (one id repeats a stored one) counts nothing
            try {
                store.appendReports(List.of(plainReport("c", "p", "t1", LocalDate.of(2017, 4, 1), T0),
                        plainReport("a", "p", "t1", LocalDate.of(2017, 4, 1), T0)), ok("report.add", "p", "c"));
            } catch (ConflictException expected) {
                assertThat(expected).hasMessageContaining("report 'a' exists already");
            }
            assertThat(store.countReports(ReportQuery.plan("p").target("t1"))).isEqualTo(5);
            assertThat(store.countReports(ReportQuery.plan("p").target("t2"))).isEqualTo(3);
            assertThat(store.countReports(ReportQuery.plan("p").target("t3"))).isZero();
            assertThat(store.countReports(ReportQuery.plan("p").target("t1").upTo(LocalDate.of(2017, 2, 1))))
                    .isEqualTo(1);
            assertThat(store.countReports(ReportQuery.plan("p"))).isEqualTo(8);
        }
    }

    @Test
    void reportsWrittenBeforeTheCountExistedAreCountedByTheMigration() throws Exception {
        Path file = H2Files.fresh("counts-old");
        try (JdbcPlanStore store = JdbcPlanStore.open(H2Files.url(file), "sa", "")) {
            store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
            for (int i = 0; i < 5; i++) {
                store.appendReport(plainReport("r" + i, "p", "t1", LocalDate.of(2017, 2, 1), T0),
                        ok("report.add", "p", "r" + i));
            }
        }
        // as if the store had been written by a build before migration V7
        try (Connection c = DriverManager.getConnection(H2Files.url(file), "sa", "");
                Statement st = c.createStatement()) {
            // and so before the later ones (V8: the supervision tables), which Flyway would not apply V7 under
            for (String table : List.of("plantrack_task_head", "plantrack_task_transition", "plantrack_task_report",
                    "plantrack_task_review", "plantrack_task_override", "plantrack_evidence_file",
                    "plantrack_supervision_settings", "plantrack_target_reports")) {
                st.execute("DROP TABLE " + table);
            }
            st.execute("DELETE FROM \"plantrack_schema_history\" WHERE \"version\" IN ('7', '8')");
        }
        try (JdbcPlanStore store = JdbcPlanStore.open(H2Files.url(file), "sa", "")) {
            assertThat(store.countReports(ReportQuery.plan("p").target("t1"))).isEqualTo(5);
            store.appendReport(plainReport("r5", "p", "t1", LocalDate.of(2017, 2, 1), T0), ok("report.add", "p", "r5"));
            assertThat(store.countReports(ReportQuery.plan("p").target("t1"))).isEqualTo(6);
        }
    }
}
