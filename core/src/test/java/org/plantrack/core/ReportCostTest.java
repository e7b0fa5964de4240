package org.plantrack.core;

import org.plantrack.core.store.AuditAction;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Principal;
import org.plantrack.core.event.StatusChanged;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.spi.PlanListener;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.InMemoryPlanStore;

/**
 * A report's cost does not grow with the reports already on its target (issue 14 §3): counted in rows read from
 * the store, not timed.
 */
class ReportCostTest {
    private static final Principal ADMIN = Principal.admin("admin");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-07-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final LocalDate TODAY = LocalDate.of(2017, 7, 1);

    private final List<StatusChanged> changes = new ArrayList<>();
    private final PlanListener recorder = new PlanListener() {
        @Override
        public void statusChanged(StatusChanged event) {
            changes.add(event);
        }
    };

    @Test
    void rowsReadPerReportDoNotGrowWithTheReportsOnTheTarget() {
        InMemoryPlanStore memory = InMemoryPlanStore.create();
        CountingPlanStore store = new CountingPlanStore(memory);
        PlanTracker tracker = PlanTracker.builder().store(store).clock(CLOCK).listener(recorder).build();
        tracker.createPlan(ADMIN, PlanTrackerTest.nanping());
        seedInto(memory, "2.4.1", 10);
        seedInto(memory, "2.4.3", 3_000);
        // the first report on a target after a start may read its reports once
        tracker.report(ADMIN, ReportRequest.add("np-2017", "2.4.1", TODAY, 1));
        tracker.report(ADMIN, ReportRequest.add("np-2017", "2.4.3", TODAY, 1));
        long[] few = new long[5];
        long[] many = new long[5];
        for (int i = 0; i < 5; i++) {
            long s = store.rowsRead();
            tracker.report(ADMIN, ReportRequest.add("np-2017", "2.4.1", TODAY, 1));
            few[i] = store.rowsRead() - s;
            s = store.rowsRead();
            tracker.report(ADMIN, ReportRequest.add("np-2017", "2.4.3", TODAY, 1));
            many[i] = store.rowsRead() - s;
        }
        assertThat(many).as("rows read per report on a target with 3,000 reports (vs 10: %s)",
                java.util.Arrays.toString(few)).isEqualTo(few);
        assertThat(java.util.Arrays.stream(few).max().getAsLong()).as("rows read per report").isLessThanOrEqualTo(1);
    }

    @Test
    void aReportFromAnotherWriterIsSeenBeforeTheCacheIsUsed() {
        InMemoryPlanStore memory = InMemoryPlanStore.create();
        PlanTracker tracker = PlanTracker.builder().store(memory).clock(CLOCK).listener(recorder).build();
        PlanTracker other = PlanTracker.builder().store(memory).clock(CLOCK).build(); // another server or the CLI
        tracker.createPlan(ADMIN, PlanTrackerTest.nanping());
        tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 29), 120)); // ON_TRACK
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.after().reportCount()).isEqualTo(1));
        other.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 10)); // BEHIND, unseen
        changes.clear();
        tracker.report(ADMIN, ReportRequest.add("np-2017", "2.4.3", TODAY, 100)); // 110 of 200: BEHIND → ON_TRACK
        assertThat(other.evaluate(ADMIN, "np-2017", TODAY).target("2.4.3").orElseThrow().reportCount())
                .isEqualTo(3);
        // before = the other writer's BEHIND (2 reports), after = with this one (3 reports): as read from the store
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.before().reportCount()).isEqualTo(2);
            assertThat(c.before().current()).isEqualTo(10.0);
            assertThat(c.after().reportCount()).isEqualTo(3);
            assertThat(c.after().current()).isEqualTo(110.0);
        });
    }

    private static void seedInto(InMemoryPlanStore memory, String targetId, int n) {
        List<ProgressReport> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(new ProgressReport(targetId + "-seed-" + i, "np-2017", targetId,
                    LocalDate.of(2017, 1, 1).plusDays(i % 180), i % 10 == 0 ? 5 : 0.01,
                    i % 10 == 0 ? ReportMode.SET : ReportMode.ADD, null, List.of(), "seed", CLOCK.instant(), null));
        }
        memory.appendReports(batch, AuditRecord.ok(CLOCK.instant(), "seed", AuditAction.of("report.batch"), "np-2017", null, null,
                n + " reports"));
    }
}
