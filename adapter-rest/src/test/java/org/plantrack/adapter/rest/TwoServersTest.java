package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Role;
import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.store.PlanStore;

/** Two servers over one store take concurrent writes and lose none (PostgreSQL: {@code TwoServersPostgresIT}). */
class TwoServersTest {

    /** Each server opens its own store from {@code db} (two pools on one database), or shares {@code store}. */
    static void concurrentWritesLoseNothing(String db, PlanStore store) throws Exception {
        ServerConfig.Builder cfg = ServerConfig.builder().port(0).host("127.0.0.1").demo(false)
                .rateLimit(10_000, 10_000);
        if (store != null) {
            cfg.store(store);
        } else {
            cfg.db(db);
        }
        run(cfg.build(), cfg.build());
    }

    /** Server one on store {@code a}, server two on store {@code b} (the caller closes them). */
    static void concurrentWritesOnTwoStores(PlanStore a, PlanStore b) throws Exception {
        ServerConfig.Builder cfg = ServerConfig.builder().port(0).host("127.0.0.1").demo(false)
                .rateLimit(10_000, 10_000);
        run(cfg.store(a).build(), cfg.store(b).build());
    }

    private static void run(ServerConfig c1, ServerConfig c2) throws Exception {
        try (PlantrackServer one = PlantrackServer.start(c1);
                PlantrackServer two = PlantrackServer.start(c2)) {
            PlanTracker tracker = one.tracker();
            String adminToken = Fixtures.token(tracker, Role.ADMIN);
            Api admin1 = new Api(one.port(), adminToken);
            Api admin2 = new Api(two.port(), adminToken);
            String planId = "two-" + System.nanoTime();
            Fixtures.setUp(admin1, planId);
            String reporter = Fixtures.token(tracker, Role.REPORTER, "u-a");
            List<Api> clients = List.of(admin1.as(reporter), admin2.as(reporter));
            int perServer = 25;
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Api.Res>> futures = new ArrayList<>();
                for (int i = 0; i < perServer * 2; i++) {
                    Api c = clients.get(i % 2);
                    int n = i;
                    futures.add(pool.submit(() -> c.post("/api/v1/plans/" + planId + "/reports",
                            Api.map("targetId", "1.1.1", "asOf", "2017-06-30", "value", 1, "mode", "ADD"),
                            "Idempotency-Key", "load-" + n)));
                }
                // the same keys again, from the other server: no second report
                for (int i = 0; i < perServer * 2; i++) {
                    Api c = clients.get((i + 1) % 2);
                    int n = i;
                    futures.add(pool.submit(() -> c.post("/api/v1/plans/" + planId + "/reports",
                            Api.map("targetId", "1.1.1", "asOf", "2017-06-30", "value", 1, "mode", "ADD"),
                            "Idempotency-Key", "load-" + n)));
                }
                for (Future<Api.Res> f : futures) {
                    Api.Res r = f.get();
                    assertThat(r.status()).as(r.toString()).isEqualTo(201);
                }
            } finally {
                pool.shutdown();
            }
            Api.Res list = admin2.get("/api/v1/plans/" + planId + "/reports?limit=500");
            assertThat(list.json().get("total").asLong()).isEqualTo(perServer * 2L);
            Api.Res status = admin1.get("/api/v1/plans/" + planId + "/status?asOf=2017-06-30");
            assertThat(status.json().get("targets").get(0).get("current").asDouble()).isEqualTo(perServer * 2.0);
        }
    }

    @Test
    void inMemory() throws Exception {
        concurrentWritesLoseNothing(null, InMemoryPlanStore.create());
    }

    @Test
    void oneH2FileTwoServers() throws Exception {
        concurrentWritesLoseNothing(Fixtures.h2("two-servers"), null);
    }
}
