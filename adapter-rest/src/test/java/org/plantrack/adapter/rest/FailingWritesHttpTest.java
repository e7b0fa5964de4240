package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The outside probe's scenario of issue 14 over real HTTP, on the embedded H2 file, with the server in
 * its own JVM: admins make writes the store refuses inside its transaction ({@code PUT /units} naming an
 * unknown parent: 400; re-posting a plan id that exists: 409) while others post reports. Before the fix
 * the audit chain head moved back within seconds and every later write answered 409. Now every report
 * is 201, every refusal keeps its status, the trail verifies, and a write after the run succeeds.
 */
class FailingWritesHttpTest {
    static final int THREADS_EACH = 4;
    /** Below the per-token burst (100), so the rate limiter never answers 429. */
    static final int REQUESTS_EACH = 96;

    @Test
    void refusedWritesMixedWithReportsNeverStopTheStoreTakingWrites() throws Exception {
        String db = Fixtures.h2("failing-writes");
        try (ServerProcess server = ServerProcess.start(db, true, Path.of("target", "failing-writes-server.log"))) {
            Api admin = new Api(server.port(), server.demoToken());
            Fixtures.setUp(admin, "fw-2017");
            Map<Integer, Integer> refusals = new ConcurrentHashMap<>();
            AtomicInteger created = new AtomicInteger();
            List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_EACH);
            List<Future<?>> futures = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (int t = 0; t < THREADS_EACH; t++) {
                int thread = t;
                Api failing = admin.as(newAdmin(admin));
                Api reporting = admin.as(newAdmin(admin));
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS_EACH && System.nanoTime() < deadline; i++) {
                        Api.Res r = i % 2 == 0
                                ? failing.put("/api/v1/units/u-new-" + thread + "-" + i,
                                        Api.map("name", "新单位", "parentId", "no-such-parent"))
                                : failing.post("/api/v1/plans", Fixtures.plan("fw-2017"));
                        int expected = i % 2 == 0 ? 400 : 409;
                        if (r.status() == expected) {
                            refusals.merge(expected, 1, Integer::sum);
                        } else {
                            unexpected.add(r.toString());
                        }
                    }
                }));
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS_EACH && System.nanoTime() < deadline; i++) {
                        Api.Res r = reporting.post("/api/v1/plans/fw-2017/reports",
                                Fixtures.report(i % 2 == 0 ? "1.1.1" : "1.2.1", "2017-06-30", i % 10));
                        if (r.status() == 201) {
                            created.incrementAndGet();
                        } else {
                            unexpected.add(r.toString());
                        }
                    }
                }));
            }
            pool.shutdown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
            assertThat(unexpected).as("answers other than 201 for reports, 400/409 for the refusals: %d",
                    unexpected.size()).isEmpty();
            assertThat(refusals.get(400)).isEqualTo(THREADS_EACH * REQUESTS_EACH / 2);
            assertThat(refusals.get(409)).isEqualTo(THREADS_EACH * REQUESTS_EACH / 2);
            assertThat(created.get()).isEqualTo(THREADS_EACH * REQUESTS_EACH);

            JsonNode verify = admin.get("/api/v1/audit/verify").json();
            assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
            assertThat(admin.put("/api/v1/units/u-after", Api.map("name", "之后")).status()).isIn(200, 201);
            assertThat(admin.post("/api/v1/plans/fw-2017/reports", Fixtures.report("1.1.1", "2017-07-01", 50))
                    .status()).isEqualTo(201);
        }
    }

    private static String newAdmin(Api admin) {
        Api.Res r = admin.post("/api/v1/tokens", Api.map("role", "admin", "label", "failing-writes"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("bearer").asText();
    }
}
