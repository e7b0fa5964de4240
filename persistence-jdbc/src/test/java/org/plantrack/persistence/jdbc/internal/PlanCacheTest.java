package org.plantrack.persistence.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.plantrack.core.store.StoreFixtures.smallPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.plantrack.core.model.Plan;

/** The bounded, least-recently-used map of decoded plans behind {@code JdbcPlanStore.findPlan}. */
class PlanCacheTest {

    @Test
    void keepsAtMostItsCapacityAndDropsTheLeastRecentlyUsed() {
        PlanCache cache = PlanCache.of(2);
        Plan a = smallPlan("a").withVersion(1);
        Plan b = smallPlan("b").withVersion(1);
        Plan c = smallPlan("c").withVersion(1);
        cache.put(a);
        cache.put(b);
        assertThat(cache.get("a")).isSameAs(a); // a is now the most recently used
        cache.put(c);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b")).as("least recently used, dropped").isNull();
        assertThat(cache.get("a")).isSameAs(a);
        assertThat(cache.get("c")).isSameAs(c);
    }

    @Test
    void neverHoldsMoreThanItsCapacityWhateverIsPut() {
        PlanCache cache = PlanCache.of(16);
        for (int i = 0; i < 1000; i++) {
            cache.put(smallPlan("p" + i).withVersion(1 + i % 3));
            assertThat(cache.size()).isLessThanOrEqualTo(16);
        }
        assertThat(cache.size()).isEqualTo(16);
        assertThat(cache.get("p999")).isNotNull();
        assertThat(cache.get("p983")).isNull();
    }

    @Test
    void aPutReplacesWhatWasHeldForTheId() {
        PlanCache cache = PlanCache.of(4);
        Plan v2 = smallPlan("p").withVersion(2);
        cache.put(v2);
        assertThat(cache.get("p")).isSameAs(v2);
        Plan v1 = smallPlan("p").withVersion(1); // e.g. the database was restored to an older state
        cache.put(v1);
        assertThat(cache.get("p")).isSameAs(v1);
        assertThat(cache.size()).isEqualTo(1);
        cache.remove("p");
        assertThat(cache.get("p")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void capacityZeroKeepsNothing() {
        PlanCache cache = PlanCache.of(0);
        cache.put(smallPlan("p").withVersion(1));
        assertThat(cache.get("p")).isNull();
        assertThat(cache.size()).isZero();
        assertThat(cache.enabled()).isFalse();
        cache.remove("p");
        assertThat(cache).hasToString("PlanCache[0 of 0 plans]");
    }

    @Test
    void negativeCapacityIsRefused() {
        assertThatThrownBy(() -> PlanCache.of(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 or more, found -1");
    }

    @Test
    void manyThreadsNeverPushItPastItsCapacity() throws Exception {
        PlanCache cache = PlanCache.of(8);
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            plans.add(smallPlan("p" + i).withVersion(1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    int biggest = 0;
                    for (int i = 0; i < 20_000; i++) {
                        Plan p = plans.get((i * 7 + seed * 13) % plans.size());
                        if (i % 3 == 0) {
                            cache.remove(p.id());
                        } else if (cache.get(p.id()) == null) {
                            cache.put(p);
                        }
                        biggest = Math.max(biggest, cache.size());
                    }
                    return biggest;
                }));
            }
            for (Future<Integer> f : futures) {
                assertThat(f.get()).isLessThanOrEqualTo(8);
            }
        } finally {
            pool.shutdown();
        }
        for (Plan p : plans) {
            Plan held = cache.get(p.id());
            assertThat(held == null || held == p).isTrue();
        }
    }
}
