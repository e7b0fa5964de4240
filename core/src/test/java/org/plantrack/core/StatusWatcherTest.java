package org.plantrack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Principal;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.event.StatusChanged;
import org.plantrack.core.model.Unit;
import org.plantrack.core.spi.PlanListener;
import org.plantrack.core.store.InMemoryPlanStore;

class StatusWatcherTest {
    private static final Principal ADMIN = Principal.admin("admin");

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final List<StatusChanged> heard = new CopyOnWriteArrayList<>();
    private final MovableClock clock = new MovableClock(Instant.parse("2017-12-31T04:00:00Z"));
    private final PlanTracker tracker = PlanTracker.builder().store(InMemoryPlanStore.create()).clock(clock)
            .listener(new PlanListener() {
                @Override
                public void statusChanged(StatusChanged event) {
                    heard.add(event);
                }
            }).build();

    private void plan() {
        tracker.saveUnit(ADMIN, new Unit("yanping", "延平区科协", null));
        tracker.saveUnit(ADMIN, new Unit("shunchang", "顺昌县科协", null));
        tracker.createPlan(ADMIN, PlanTrackerTest.nanping());
        tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 12, 20), 150));
        heard.clear();
    }

    @Test
    void aNewDayTurnsUnfinishedTargetsOverdue() {
        plan();
        StatusWatcher watcher = new StatusWatcher(tracker);
        assertThat(watcher.check()).isEmpty(); // same day
        clock.set(Instant.parse("2017-12-31T17:00:00Z")); // 2018-01-01 01:00 in Shanghai
        List<StatusChanged> changes = watcher.check();
        assertThat(changes).extracting(StatusChanged::targetId).contains("2.4.3", "3.1.1");
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.after().status()).isEqualTo(Status.OVERDUE);
            assertThat(c.cause()).isEqualTo("time");
        });
        assertThat(heard).isEqualTo(changes);
        assertThat(watcher.lastChecked()).isEqualTo(LocalDate.of(2018, 1, 1));
        assertThat(watcher.check()).isEmpty();
    }

    @Test
    void theBackgroundCheckNoticesTheDayChange() throws InterruptedException {
        plan();
        try (StatusWatcher watcher = new StatusWatcher(tracker).start(Duration.ofMillis(20))) {
            clock.set(Instant.parse("2018-01-01T02:00:00Z"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (heard.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(heard).isNotEmpty();
            assertThat(watcher.lastChecked()).isEqualTo(LocalDate.of(2018, 1, 1));
        }
    }
}
