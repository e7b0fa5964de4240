package org.plantrack.core;

import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.AccessDeniedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Principal;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.model.Unit;
import org.plantrack.core.report.ReportFormat;
import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.store.ReportQuery;

/**
 * Every rendered output gives a unit reporter no more of other units' reports than the report routes do:
 * on the reference plan, a reporter of 延平区科协 (task 2.4) sees neither the note nor the reporter of a report
 * on 顺昌县科协's target 3.1.1 anywhere.
 */
class OutputScopeTest {
    private static final Principal ADMIN = Principal.admin("office");
    private static final Principal YANPING = Principal.reporter("yanping-clerk", Set.of("yanping"));
    private static final Principal SHUNCHANG = Principal.reporter("shunchang-clerk", Set.of("shunchang"));
    private static final LocalDate AS_OF = LocalDate.of(2017, 10, 8);

    private PlanTracker tracker;

    @BeforeEach
    void referencePlanWithTwoUnitsReporting() throws IOException {
        tracker = PlanTracker.builder().store(InMemoryPlanStore.create())
                .clock(Clock.fixed(Instant.parse("2017-10-08T01:00:00Z"), ZoneId.of("Asia/Shanghai"))).build();
        tracker.importPlan(ADMIN, ReferencePlanFlowTest.referenceText(), ImportOptions.withPlanId("np-2017"));
        tracker.saveUnit(ADMIN, new Unit("yanping", "延平区科协", null));
        tracker.saveUnit(ADMIN, new Unit("shunchang", "顺昌县科协", null));
        tracker.assignUnits(ADMIN, "np-2017", 1, "2.4", "yanping", List.of());
        tracker.assignUnits(ADMIN, "np-2017", 2, "3.1", "shunchang", List.of());
        tracker.report(YANPING, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 9, 30), 60)
                .withNote("前三季度培训60名"));
        tracker.report(SHUNCHANG, ReportRequest.set("np-2017", "3.1.1", LocalDate.of(2017, 9, 1), 1)
                .withNote("科技馆已开工，顺昌内部进度"));
    }

    @Test
    void theYearEndSummaryQuotesOnlyNotesTheReporterMaySee() {
        String other = tracker.reports(ADMIN, ReportQuery.plan("np-2017").target("3.1.1")).get(0).id();
        assertThat(tracker.findReport(YANPING, other)).as("the report routes hide it").isEmpty();

        String mine = tracker.yearEndSummary(YANPING, "np-2017", AS_OF);
        assertThat(mine).contains("最新进展：前三季度培训60名").doesNotContain("顺昌内部进度");
        // the evaluation itself (open to every token) is unchanged: 3.1.1 is still counted as done
        assertThat(mine).contains("全力推進南平市科技館年內開工建設（已完成）");

        assertThat(tracker.yearEndSummary(SHUNCHANG, "np-2017", AS_OF))
                .contains("最新进展：科技馆已开工，顺昌内部进度").doesNotContain("前三季度培训60名");
        assertThat(tracker.yearEndSummary(ADMIN, "np-2017", AS_OF))
                .contains("前三季度培训60名").contains("顺昌内部进度");
        assertThat(tracker.yearEndSummary(Principal.viewer("leader"), "np-2017", AS_OF))
                .contains("前三季度培训60名").contains("顺昌内部进度");
    }

    @Test
    void statusReportsInEveryFormatCarryNoReportContent() {
        for (ReportFormat f : ReportFormat.values()) {
            for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                String text = new String(tracker.renderReport(YANPING, "np-2017", AS_OF, null, f, l),
                        StandardCharsets.UTF_8);
                assertThat(text).as(f + " " + l).doesNotContain("顺昌内部进度").doesNotContain("shunchang-clerk");
            }
        }
    }

    @Test
    void theAuditTrailIsForAdminsAndViewersAsOverHttp() {
        assertThatThrownBy(() -> tracker.auditTrail(YANPING, null, 0, 100))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("yanping-clerk").hasMessageContaining("REPORTER");
        assertThatThrownBy(() -> tracker.verifyAuditTrail(YANPING)).isInstanceOf(AccessDeniedException.class);
        assertThat(tracker.auditTrail(Principal.viewer("leader"), null, 0, 100)).isNotEmpty();
        assertThat(tracker.verifyAuditTrail(ADMIN).intact()).isTrue();
    }

    @Test
    void theBurnUpAndTheSourceSentenceComeFromTheFacadeWithTheReportersScope() {
        org.plantrack.core.evaluation.BurnUp mine = tracker.burnUp(YANPING, "np-2017", "2.4.3", null);
        assertThat(mine.asOf()).as("the default date").isEqualTo(AS_OF);
        assertThat(mine.points()).anySatisfy(p -> {
            assertThat(p.date()).isEqualTo(LocalDate.of(2017, 9, 30));
            assertThat(p.actual()).isEqualTo(60.0);
        });
        assertThat(mine.points()).allSatisfy(p -> assertThat(p.expected()).isNotNull());
        assertThat(mine.points().get(mine.points().size() - 1).actual()).as("after the as-of date").isNull();
        assertThatThrownBy(() -> tracker.burnUp(YANPING, "np-2017", "3.1.1", AS_OF))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("3.1.1");
        assertThat(tracker.burnUp(ADMIN, "np-2017", "3.1.1", AS_OF).points()).isNotEmpty();

        org.plantrack.core.model.TargetSource source = tracker.targetSource(YANPING, "np-2017", "2.4.3");
        assertThat(source.taskId()).isEqualTo("2.4");
        assertThat(source.sentence().substring(source.matchStart(), source.matchEnd()))
                .isEqualTo(tracker.plan(ADMIN, "np-2017").findTarget("2.4.3").orElseThrow().description());
        assertThatThrownBy(() -> tracker.targetSource(ADMIN, "np-2017", "9.9.9"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("9.9.9");
    }
}
