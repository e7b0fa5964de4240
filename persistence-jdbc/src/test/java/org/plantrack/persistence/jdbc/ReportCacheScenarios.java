package org.plantrack.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.access.Principal;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.event.StatusChanged;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.spi.PlanListener;

/**
 * The tracker's report cache with two stores on one database, each with its own pool, as two servers (or the CLI and
 * a server) have: reports written through the other store are seen before the cache is used, so every status change
 * is the one the database's reports give.
 */
abstract class ReportCacheScenarios {
    private static final Principal ADMIN = Principal.system();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-07-01T02:00:00Z"), ZONE);
    private static final LocalDate TODAY = LocalDate.of(2017, 7, 1);
    private final List<JdbcPlanStore> stores = new ArrayList<>();

    /** A new store (own pool) on this test's database. */
    abstract JdbcPlanStore open();

    JdbcPlanStore store() {
        JdbcPlanStore s = open();
        stores.add(s);
        return s;
    }

    @AfterEach
    void closeStores() {
        for (int i = stores.size() - 1; i >= 0; i--) {
            stores.get(i).close();
        }
    }

    private static Plan plan() {
        Target a = Target.builder("1.1.1", "培训企业工程师200名").count(200, "名").build();
        Target b = Target.builder("1.1.2", "举办10场培训").count(10, "场").build();
        Task task = new Task("1.1", 1, "培训", null, null, List.of(), List.of(a, b), null);
        return new Plan("cache-2017", "工作要点", "科协", null, null, List.of(), Period.calendarYear(2017), null,
                List.of(new Section("1", 1, "一", List.of(task), null)), null, null, 0);
    }

    @Test
    void reportsThroughAnotherStoreAreSeenBeforeTheCacheIsUsed() {
        List<StatusChanged> changes = new ArrayList<>();
        PlanListener recorder = new PlanListener() {
            @Override
            public void statusChanged(StatusChanged event) {
                changes.add(event);
            }
        };
        JdbcPlanStore mine = store();
        PlanTracker tracker = PlanTracker.builder().store(mine).clock(CLOCK).listener(recorder).build();
        PlanTracker other = PlanTracker.builder().store(store()).clock(CLOCK).build();
        PlanTracker reference = PlanTracker.builder().store(store()).clock(CLOCK).reportCache(0).build();
        tracker.createPlan(ADMIN, plan());
        Random rnd = new Random(14);
        String[] targets = {"1.1.1", "1.1.2"};
        int seen = 0;
        for (int i = 0; i < 80; i++) {
            String target = targets[rnd.nextInt(2)];
            LocalDate asOf = TODAY.minusDays(rnd.nextInt(150));
            ReportRequest q = rnd.nextInt(4) == 0
                    ? ReportRequest.set("cache-2017", target, asOf, rnd.nextInt(target.equals("1.1.1") ? 220 : 12))
                    : ReportRequest.add("cache-2017", target, asOf, rnd.nextInt(target.equals("1.1.1") ? 40 : 3));
            if (rnd.nextInt(3) == 0) {
                other.report(ADMIN, q); // another server: this tracker's cache does not know
                continue;
            }
            TargetEvaluation before = reference.evaluate(ADMIN, "cache-2017", TODAY).target(target).orElseThrow();
            changes.clear();
            tracker.report(ADMIN, q);
            TargetEvaluation after = reference.evaluate(ADMIN, "cache-2017", TODAY).target(target).orElseThrow();
            if (before.status() != after.status() || before.warning() != after.warning()) {
                assertThat(changes).as("report %d on %s", i, target).singleElement().satisfies(c -> {
                    assertThat(c.before()).isEqualTo(before);
                    assertThat(c.after()).isEqualTo(after);
                });
                seen++;
            } else {
                assertThat(changes).as("report %d on %s", i, target).isEmpty();
            }
        }
        assertThat(seen).as("status changes checked").isGreaterThan(3);
    }
}
