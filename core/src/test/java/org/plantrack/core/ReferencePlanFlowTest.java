package org.plantrack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Principal;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.WarningLevel;
import org.plantrack.core.exchange.PlanJson;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.importing.ImportResult;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Unit;
import org.plantrack.core.report.ReportFormat;
import org.plantrack.core.store.InMemoryPlanStore;

/** The whole year of the 2017 Nanping plan through the facade: import, assign, report, evaluate, report. */
class ReferencePlanFlowTest {
    private static final Principal ADMIN = Principal.admin("office");

    static String referenceText() throws IOException {
        try (InputStream in = ReferencePlanFlowTest.class.getResourceAsStream(
                "/org/plantrack/core/importing/nanping-cast-2017-workplan.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aYearOfTheReferencePlan() throws IOException {
        PlanTracker tracker = PlanTracker.builder().store(InMemoryPlanStore.create())
                .clock(Clock.fixed(Instant.parse("2017-10-08T01:00:00Z"), ZoneId.of("Asia/Shanghai"))).build();
        ImportResult imported = tracker.importPlan(ADMIN, referenceText(), ImportOptions.withPlanId("np-2017"));
        Plan plan = imported.plan();
        assertThat(plan.version()).isEqualTo(1);
        assertThat(plan.sections()).hasSize(5);
        assertThat(plan.tasks()).hasSize(18);
        assertThat(imported.warnings()).anySatisfy(w -> {
            assertThat(w.line()).isEqualTo(15);
            assertThat(w.targetId()).isEqualTo("2.2.1");
        });

        tracker.saveUnit(ADMIN, new Unit("yanping", "延平区科协", null));
        tracker.assignUnits(ADMIN, "np-2017", 1, "2.4", "yanping", List.of());
        Principal clerk = Principal.reporter("yanping-clerk", Set.of("yanping"));
        tracker.report(clerk, ReportRequest.set("np-2017", "2.4.1", LocalDate.of(2017, 3, 31), 80));
        tracker.report(clerk, ReportRequest.set("np-2017", "2.4.1", LocalDate.of(2017, 6, 30), 150));
        tracker.report(clerk, ReportRequest.add("np-2017", "2.4.2", LocalDate.of(2017, 6, 30), 3));
        tracker.report(clerk, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 9, 30), 60)
                .withNote("前三季度培训60名"));
        tracker.report(ADMIN, ReportRequest.set("np-2017", "3.1.1", LocalDate.of(2017, 9, 1), 1).withNote("科技馆已开工"));

        PlanEvaluation q3 = tracker.evaluate(ADMIN, "np-2017", LocalDate.of(2017, 10, 8), org.plantrack.core.model.Preset.CN_SUPERVISION);
        assertThat(q3.target("2.4.1").orElseThrow().status()).isEqualTo(Status.ON_TRACK);
        assertThat(q3.target("2.4.2").orElseThrow().status()).isEqualTo(Status.BEHIND);
        assertThat(q3.target("2.4.2").orElseThrow().warning()).isEqualTo(WarningLevel.YELLOW);
        assertThat(q3.target("2.4.3").orElseThrow().reason().zh()).contains("完成率 30%");
        assertThat(q3.target("3.1.1").orElseThrow().status()).isEqualTo(Status.ACHIEVED);
        assertThat(q3.target("2.2.1").orElseThrow().status()).isEqualTo(Status.NOT_EVALUABLE);
        assertThat(q3.unit("yanping").orElseThrow().targets()).isEqualTo(3);
        assertThat(q3.plan().targets()).isEqualTo(plan.targets().size());

        PlanEvaluation april = tracker.evaluate(ADMIN, "np-2017", LocalDate.of(2017, 4, 1));
        assertThat(april.target("2.4.1").orElseThrow().current()).isEqualTo(80.0);

        String md = new String(tracker.renderReport(ADMIN, "np-2017", LocalDate.of(2017, 10, 8), org.plantrack.core.model.Preset.CN_SUPERVISION,
                ReportFormat.MARKDOWN, Locale.SIMPLIFIED_CHINESE), StandardCharsets.UTF_8);
        assertThat(md).contains("南科協〔2017〕12號").contains("|2.4.2|").contains("黄");
        String summary = tracker.yearEndSummary(ADMIN, "np-2017", LocalDate.of(2017, 10, 8));
        assertThat(summary).contains("最新进展：科技馆已开工").contains("待补充目标值或人工评估");

        Plan current = tracker.plan(ADMIN, "np-2017");
        assertThat(PlanJson.read(PlanJson.write(current))).isEqualTo(current);
        assertThat(tracker.verifyAuditTrail(ADMIN).intact()).isTrue();
        assertThat(tracker.auditTrail(ADMIN, "np-2017", 0, 100)).extracting(e -> e.action().id())
                .startsWith("plan.import", "plan.update");
    }
}
