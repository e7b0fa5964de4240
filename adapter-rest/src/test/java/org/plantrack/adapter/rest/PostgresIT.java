package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Role;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * The server on PostgreSQL: the main flow, and two servers (each with its own connection pool) on one
 * database taking concurrent writes with none lost. Needs PLANTRACK_TEST_PG_URL, _USER and _PASSWORD
 * (eval "$(bash .ci/pg-start)"); skipped without them, except under CI=true where that is a failure.
 */
class PostgresIT {
    static String url;
    static String user;
    static String password;

    @BeforeAll
    static void database() {
        url = System.getenv("PLANTRACK_TEST_PG_URL");
        user = System.getenv("PLANTRACK_TEST_PG_USER");
        password = System.getenv("PLANTRACK_TEST_PG_PASSWORD");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (url == null || url.isBlank()) {
            assertThat(ci).as("CI=true but PLANTRACK_TEST_PG_URL is not set: run eval \"$(bash .ci/pg-start)\" first")
                    .isFalse();
            Assumptions.abort("PLANTRACK_TEST_PG_URL is not set; PostgreSQL tests skipped");
        }
    }

    static JdbcPlanStore store() {
        return JdbcPlanStore.open(url, user, password);
    }

    @Test
    void mainFlowOnPostgres() {
        try (JdbcPlanStore store = store();
                PlantrackServer server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                        .store(store).demo(false).build())) {
            Api admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
            String planId = "pg-" + System.nanoTime();
            Fixtures.setUp(admin, planId);
            Api reporter = admin.as(Fixtures.token(server.tracker(), Role.REPORTER, "u-a"));
            Api.Res posted = reporter.post("/api/v1/plans/" + planId + "/reports",
                    Fixtures.report("1.1.1", "2017-06-30", 120), "Idempotency-Key", "pg-1");
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
            Api.Res again = reporter.post("/api/v1/plans/" + planId + "/reports",
                    Fixtures.report("1.1.1", "2017-06-30", 120), "Idempotency-Key", "pg-1");
            assertThat(again.json()).isEqualTo(posted.json());
            Api viewer = admin.as(Fixtures.token(server.tracker(), Role.VIEWER));
            Api.Res status = viewer.get("/api/v1/plans/" + planId + "/status?asOf=2017-06-30");
            assertThat(status.json().get("targets").get(0).get("current").asDouble()).isEqualTo(120.0);
            assertThat(reporter.get("/api/v1/plans/" + planId + "/reports?unitId=u-b").status()).isEqualTo(404);
            Api.Res stale = admin.put("/api/v1/plans/" + planId + "/sections/1", Api.map("title", "新"),
                    "If-Match", "\"1\"");
            assertThat(stale.status()).isEqualTo(412);
            assertThat(viewer.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
            assertThat(new Api(server.port(), null).get("/health").json().get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void aStoreRefusalOnPostgresShowsNoSqlOrRowContents() throws Exception {
        // pgjdbc's message for a unique violation names the constraint and the row ("Key (name)=(...)");
        // a partial unique index on one probe name, so the shared database stays usable for other tests
        String probe = "重名-" + System.nanoTime();
        String index = "test_fault_" + System.nanoTime();
        try (JdbcPlanStore store = store();
                PlantrackServer server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                        .store(store).demo(false).build())) {
            Api admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
            StoreErrorDetailsTest.duplicateUnitNameOnPostgres(admin, url, user, password, index, probe);
        } finally {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password);
                    java.sql.Statement st = c.createStatement()) {
                st.execute("DROP INDEX IF EXISTS " + index);
            }
        }
    }

    @Test
    void twoServersOnOneDatabaseLoseNoReport() throws Exception {
        try (JdbcPlanStore a = store(); JdbcPlanStore b = store()) {
            TwoServersTest.concurrentWritesOnTwoStores(a, b);
        }
    }
}
