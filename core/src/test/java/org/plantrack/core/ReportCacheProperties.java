package org.plantrack.core;

import org.plantrack.core.error.PlantrackException;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.plantrack.core.access.Principal;
import org.plantrack.core.evaluation.Verdict;
import org.plantrack.core.evaluation.TargetFacts;
import org.plantrack.core.event.StatusChanged;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Target;
import org.plantrack.core.spi.PlanListener;
import org.plantrack.core.spi.Rule;
import org.plantrack.core.store.InMemoryPlanStore;

/**
 * The status-change events a report causes are the same with the tracker's report cache as without it (the code
 * before the cache: every report reads its target's reports from the store), for random sequences of reports (SET
 * and ADD, any date up to today, batches), corrections, reports written by another tracker on the same store (another
 * server or the CLI), baseline edits, days passing, and caches so small that targets are dropped; and rules are handed
 * the same reports in the same order.
 */
class ReportCacheProperties {
    private static final Principal ADMIN = Principal.admin("admin");
    private static final String PLAN = "np-2017";
    private static final String[] TARGETS = {"2.4.1", "2.4.2", "2.4.3", "2.2.1", "3.1.1"};
    private static final LocalDate START = LocalDate.of(2017, 1, 1);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A clock whose day the test moves on; the same in both worlds. */
    private static final class DayClock extends Clock {
        LocalDate day = LocalDate.of(2017, 6, 1);

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return day.atTime(10, 0).atZone(ZONE).toInstant();
        }
    }

    /** One store with the tracker under test (listened to) and another writer on the same store. */
    private static final class World {
        final DayClock clock = new DayClock();
        final List<Object> seen = new ArrayList<>();
        final PlanTracker tracker;
        final PlanTracker other;

        World(int reportCache) {
            InMemoryPlanStore store = InMemoryPlanStore.create();
            Rule listing = new Rule() {
                @Override
                public String id() {
                    return "test.listing";
                }

                @Override
                public int order() {
                    return 0;
                }

                @Override
                public Optional<Verdict> apply(TargetFacts f) {
                    seen.add("rule " + f.target().id() + " " + f.asOf() + " "
                            + f.reports().stream().map(ProgressReport::id).collect(Collectors.joining(",")));
                    return Optional.empty();
                }
            };
            PlanListener listener = new PlanListener() {
                @Override
                public void statusChanged(StatusChanged event) {
                    seen.add(event); // compared with equals: statuses, numbers, reasons, dates
                }
            };
            tracker = PlanTracker.builder().store(store).clock(clock).rule(listing).listener(listener)
                    .reportCache(reportCache).build();
            other = PlanTracker.builder().store(store).clock(clock).build();
            tracker.saveUnit(ADMIN, new org.plantrack.core.model.Unit("yanping", "延平区科协", null));
            tracker.saveUnit(ADMIN, new org.plantrack.core.model.Unit("shunchang", "顺昌县科协", null));
            tracker.createPlan(ADMIN, PlanTrackerTest.nanping());
        }

        void apply(int[] op, int n, List<List<String>> idsByTarget) {
            int kind = op[0];
            String target = TARGETS[op[1]];
            LocalDate asOf = START.plusDays(Math.min(op[2], clock.day.toEpochDay() - START.toEpochDay()));
            double value = op[3];
            String id = "r" + n;
            try {
                switch (kind) {
                    case 0 -> tracker.report(ADMIN, ReportRequest.set(PLAN, target, asOf, value).withId(id));
                    case 1 -> tracker.report(ADMIN, ReportRequest.add(PLAN, target, asOf, value).withId(id));
                    case 2 -> other.report(ADMIN, ReportRequest.add(PLAN, target, asOf, value).withId(id));
                    case 3 -> tracker.reportAll(ADMIN, List.of(
                            ReportRequest.add(PLAN, target, asOf, value).withId(id + "a"),
                            ReportRequest.set(PLAN, TARGETS[(op[1] + op[3]) % TARGETS.length], asOf, 1).withId(id + "b"),
                            ReportRequest.add(PLAN, target, asOf.minusDays(op[3] % 3), 1).withId(id + "c")));
                    case 4 -> {
                        List<String> ids = idsByTarget.get(op[1]);
                        if (!ids.isEmpty()) {
                            String corrected = ids.get(op[3] % ids.size());
                            (op[3] % 2 == 0 ? tracker : other).correct(ADMIN, corrected,
                                    ReportRequest.set(PLAN, target, asOf, value).withId(id));
                        }
                    }
                    case 5 -> {
                        Plan p = tracker.plan(ADMIN, PLAN);
                        Target t = p.findTarget(target).orElseThrow();
                        tracker.editTarget(ADMIN, PLAN, p.version(), t.toBuilder().baseline(op[3] % 4).build());
                    }
                    default -> clock.day = clock.day.plusDays(op[3] % 9);
                }
                seen.add("ok " + n);
            } catch (PlantrackException e) {
                seen.add(e.getClass().getSimpleName() + " " + n + ": " + e.getMessage());
            }
        }
    }

    @Property(tries = 300)
    void theCacheChangesNoStatusChangeEvent(@ForAll("ops") List<int[]> ops, @ForAll("cacheSizes") int cacheSize) {
        World cached = new World(cacheSize);
        World reference = new World(0);
        List<List<String>> ids = new ArrayList<>();
        for (int i = 0; i < TARGETS.length; i++) {
            ids.add(new ArrayList<>());
        }
        for (int n = 0; n < ops.size(); n++) {
            int[] op = ops.get(n);
            cached.apply(op, n, ids);
            reference.apply(op, n, ids);
            if (op[0] <= 2 || op[0] == 4) {
                ids.get(op[1]).add("r" + n);
            } else if (op[0] == 3) {
                ids.get(op[1]).add("r" + n + "a");
                ids.get(op[1]).add("r" + n + "c");
            }
        }
        assertThat(cached.seen).isEqualTo(reference.seen);
    }

    @Provide
    Arbitrary<List<int[]>> ops() {
        Arbitrary<int[]> op = Arbitraries.integers().between(0, 6).list().ofSize(1).flatMap(k -> Arbitraries
                .integers().between(0, TARGETS.length - 1).flatMap(t -> Arbitraries.integers().between(0, 240)
                        .flatMap(day -> Arbitraries.integers().between(0, 240)
                                .map(v -> new int[] {k.get(0) == 6 && v % 3 != 0 ? 1 : k.get(0), t, day, v}))));
        return op.list().ofMinSize(5).ofMaxSize(60);
    }

    @Provide
    Arbitrary<Integer> cacheSizes() {
        return Arbitraries.of(1, 6, 40, PlanTracker.DEFAULT_REPORT_CACHE);
    }
}
