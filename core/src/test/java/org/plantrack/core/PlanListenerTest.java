package org.plantrack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Principal;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.WarningLevel;
import org.plantrack.core.event.PlanEvent;
import org.plantrack.core.event.ReportRecorded;
import org.plantrack.core.event.StatusChanged;
import org.plantrack.core.model.EvaluationSettings;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Unit;
import org.plantrack.core.spi.PlanListener;
import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.store.ReportQuery;

class PlanListenerTest {
    private static final Principal ADMIN = Principal.admin("admin");
    private final List<PlanEvent> events = new ArrayList<>();
    private InMemoryPlanStore store;
    private PlanTracker tracker;

    private final PlanListener recorder = new PlanListener() {
        @Override
        public void reportRecorded(ReportRecorded event) {
            events.add(event);
        }

        @Override
        public void statusChanged(StatusChanged event) {
            events.add(event);
        }
    };

    private final PlanListener broken = new PlanListener() {
        @Override
        public void reportRecorded(ReportRecorded event) {
            throw new IllegalStateException("listener defect");
        }
    };

    @BeforeEach
    void setUp() {
        store = InMemoryPlanStore.create();
        tracker = PlanTracker.builder().store(store).listener(broken).listener(recorder)
                .clock(Clock.fixed(Instant.parse("2017-07-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"))).build();
        tracker.saveUnit(ADMIN, new Unit("yanping", "延平区科协", null));
        tracker.saveUnit(ADMIN, new Unit("shunchang", "顺昌县科协", null));
        tracker.createPlan(ADMIN, PlanTrackerTest.nanping());
    }

    private List<StatusChanged> changes() {
        return events.stream().filter(e -> e instanceof StatusChanged).map(e -> (StatusChanged) e).toList();
    }

    @Test
    void aReportThatChangesTheStatusIsToldWithBeforeAndAfter() {
        tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 120));
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(ReportRecorded.class);
        StatusChanged c = changes().get(0);
        assertThat(c.targetId()).isEqualTo("2.4.3");
        assertThat(c.before().status()).isEqualTo(Status.BEHIND);
        assertThat(c.after().status()).isEqualTo(Status.ON_TRACK);
        assertThat(c.cause()).isEqualTo("report");
        assertThat(c.asOf()).isEqualTo(LocalDate.of(2017, 7, 1));
    }

    @Test
    void noStatusChangeNoEvent() {
        tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 120));
        events.clear();
        tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 130));
        assertThat(events).hasSize(1).first().isInstanceOf(ReportRecorded.class);
    }

    @Test
    void aThrowingListenerDoesNotBreakTheWrite() {
        ProgressReport r = tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.1", LocalDate.of(2017, 6, 30), 10));
        assertThat(store.findReport(r.id())).isPresent();
        assertThat(events).isNotEmpty();
    }

    @Test
    void correctionsAndBatchesAreTold() {
        ProgressReport r = tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 120));
        events.clear();
        tracker.correct(ADMIN, r.id(), ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 20));
        assertThat(events.get(0).type()).isEqualTo("report.corrected");
        assertThat(changes()).singleElement().satisfies(c -> assertThat(c.after().status()).isEqualTo(Status.BEHIND));
        events.clear();
        tracker.reportAll(ADMIN, List.of(ReportRequest.set("np-2017", "2.4.1", LocalDate.of(2017, 6, 30), 200),
                ReportRequest.set("np-2017", "2.4.2", LocalDate.of(2017, 6, 30), 10)));
        assertThat(changes()).extracting(StatusChanged::targetId).containsExactly("2.4.1", "2.4.2");
    }

    @Test
    void thePassageOfTimeIsFoundByAScheduledCheck() {
        tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 190));
        events.clear();
        List<StatusChanged> found = tracker.checkStatusChanges(ADMIN, "np-2017", LocalDate.of(2017, 12, 31),
                LocalDate.of(2018, 1, 1));
        assertThat(found).extracting(StatusChanged::targetId).contains("2.4.3", "3.1.1", "2.4.1");
        assertThat(found).allSatisfy(c -> assertThat(c.after().status()).isEqualTo(Status.OVERDUE))
                .allSatisfy(c -> assertThat(c.cause()).isEqualTo("time"));
        assertThat(changes()).isEqualTo(found);
        assertThat(tracker.checkStatusChanges(ADMIN, "np-2017", LocalDate.of(2018, 1, 1), LocalDate.of(2018, 1, 2)))
                .isEmpty();
    }

    @Test
    void yellowTurningRedUnderSupervision() {
        Plan v1 = tracker.plan(ADMIN, "np-2017");
        tracker.updatePlan(ADMIN, v1.withSettings(EvaluationSettings.defaults().withPreset(org.plantrack.core.model.Preset.CN_SUPERVISION)));
        tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 40));
        events.clear();
        List<StatusChanged> found = tracker.checkStatusChanges(ADMIN, "np-2017", LocalDate.of(2017, 12, 31),
                LocalDate.of(2018, 1, 1));
        StatusChanged engineers = found.stream().filter(c -> c.targetId().equals("2.4.3")).findFirst().orElseThrow();
        assertThat(engineers.before().warning()).isEqualTo(WarningLevel.YELLOW);
        assertThat(engineers.after().warning()).isEqualTo(WarningLevel.RED);
    }

    @Test
    void aPlanEditThatChangesAStatusIsTold() {
        tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 120));
        events.clear();
        Plan v = tracker.plan(ADMIN, "np-2017");
        tracker.editTarget(ADMIN, "np-2017", v.version(),
                v.findTarget("2.4.3").orElseThrow().toBuilder().goal(120.0).build());
        assertThat(changes()).singleElement().satisfies(c -> {
            assertThat(c.cause()).isEqualTo("plan");
            assertThat(c.after().status()).isEqualTo(Status.ACHIEVED);
        });
        assertThat(store.countReports(ReportQuery.plan("np-2017"))).isEqualTo(1);
    }
}
