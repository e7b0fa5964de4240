package org.plantrack.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.TaskSupervision;
import org.plantrack.core.access.Principal;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.StoreFixtures;
import org.plantrack.core.supervision.Evidence;
import org.plantrack.core.supervision.EvidenceFile;
import org.plantrack.core.supervision.Figure;
import org.plantrack.core.supervision.ReportingCalendar;
import org.plantrack.core.supervision.SelfAssessment;
import org.plantrack.core.supervision.SupervisionSettings;
import org.plantrack.core.supervision.TaskRecord;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskReportRequest;
import org.plantrack.core.supervision.TaskState;

/**
 * The supervision cycle through the facade on an H2 file, with the tracker's report cache on: assign, acknowledge,
 * report with a figure and evidence (pending review), return, resubmit, approve (the figure then counts in the
 * evaluation), request completion, close; then the store is reopened and reads the same record.
 */
class JdbcH2SupervisionFlowTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-07-15T02:00:00Z"), ZoneOffset.UTC);
    private static final Principal ADMIN = Principal.admin("office-1");
    private static final Principal UNIT = Principal.reporter("tk-yanping", Set.of("yanping-kx"));

    private static PlanTracker tracker(JdbcPlanStore store) {
        return PlanTracker.builder().store(store).clock(CLOCK).reportCache(1000).build();
    }

    @Test
    void aWholeCycleOnTheFacadeCountsTheApprovedFigureAndSurvivesARestart() {
        Path file = H2Files.fresh("supervision-flow");
        TaskRecord before;
        try (JdbcPlanStore store = JdbcPlanStore.open(H2Files.url(file), "sa", "")) {
            PlanTracker tracker = tracker(store);
            for (String u : List.of("nanping-kx", "yanping-kx", "shaowu-kx")) {
                tracker.saveUnit(ADMIN, new Unit(u, u, null));
            }
            tracker.createPlan(ADMIN, StoreFixtures.fullPlan("p"));
            TaskSupervision sup = tracker.supervision();
            sup.configure(ADMIN, "p", new SupervisionSettings(true, ReportingCalendar.monthly(25)));
            sup.assign(ADMIN, "p", "1.1", null, null, null, "请认真办理");
            sup.acknowledge(UNIT, "p", "1.1", null);
            byte[] pdf = "%PDF-1.4\n% 签到表\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
            EvidenceFile file1 = sup.uploadEvidence(UNIT, "p", "1.1", "签到表.pdf", pdf);
            double current = tracker.evaluate(ADMIN, "p", LocalDate.of(2017, 7, 31)).target("1.1.1").orElseThrow()
                    .current();

            TaskReport first = sup.submitReport(UNIT, new TaskReportRequest("p", "1.1", null, null, "举办培训班3期",
                    "参训积极性不高", "再办2期", SelfAssessment.ON_SCHEDULE, List.of(Evidence.file(file1.id())),
                    List.of(new Figure("1.1.1", 60, ReportMode.ADD))));
            assertThat(sup.reviewQueue(ADMIN, "p")).containsExactly(first);
            sup.review(ADMIN, "p", first.id(), false, "缺少照片");
            TaskReport second = sup.submitReport(UNIT, new TaskReportRequest("p", "1.1", null, null,
                    "举办培训班3期，附照片", null, null, SelfAssessment.ON_SCHEDULE,
                    List.of(Evidence.file(file1.id())), List.of(new Figure("1.1.1", 60, ReportMode.ADD))));
            assertThat(second.supersedes()).isEqualTo(first.id());
            // pending: the figure does not count yet
            assertThat(tracker.evaluate(ADMIN, "p", LocalDate.of(2017, 7, 31)).target("1.1.1").orElseThrow().current())
                    .isEqualTo(current);
            sup.review(ADMIN, "p", second.id(), true, null);
            assertThat(tracker.evaluate(ADMIN, "p", LocalDate.of(2017, 7, 31)).target("1.1.1").orElseThrow().current())
                    .isEqualTo(current + 60);
            assertThat(store.findReport(second.figureReportId(0))).isPresent();
            // approving twice is refused and stores nothing
            assertThatThrownBy(() -> sup.review(ADMIN, "p", second.id(), true, null))
                    .isInstanceOf(ConflictException.class);
            sup.requestCompletion(UNIT, "p", "1.1", "已完成");
            sup.close(ADMIN, "p", "1.1", "办结");
            before = sup.record(ADMIN, "p", "1.1");
            assertThat(before.state()).contains(TaskState.CLOSED);
            assertThat(before.reports()).extracting(TaskReport::id).containsExactly(first.id(), second.id());
            assertThat(before.reviews()).hasSize(2);
            assertThat(store.verifyAuditTrail().problems()).isEmpty();
        }
        try (JdbcPlanStore again = JdbcPlanStore.open(H2Files.url(file), "sa", "")) {
            PlanTracker tracker = tracker(again);
            assertThat(tracker.supervision().record(ADMIN, "p", "1.1")).isEqualTo(before);
            assertThat(again.verifyAuditTrail().problems()).isEmpty();
        }
    }
}
