package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantrack.core.access.Role;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * A write the database itself refuses (here a unique index the store does not know about, added to a real H2
 * file, so that saving a unit fails inside the store with SQL state 23505): the API's answer says what failed
 * in Plantrack's words and keeps the SQL state, but holds no SQL, table or constraint name and no row
 * contents; the server log has the driver's message under the answer's request id.
 */
class StoreErrorDetailsTest {
    /** What must never reach a client: SQL, names of the schema, the driver's wording. */
    static final List<String> LEAKS = List.of("SELECT", "INSERT", "UPDATE ", "MERGE", "PLANTRACK_", "plantrack_",
            "TEST_FAULT", "test_fault", "constraint", "CONSTRAINT", "Unique index", "duplicate key", "VALUES",
            "PUBLIC.", "Key (");

    /**
     * Adds the fault ({@code indexSql}) over {@code jdbc} (user, password in the URL or given), saves two units named {@code name}
     * through the API and answers the refusal of the second.
     */
    static Api.Res duplicateUnitName(Api admin, String jdbcUrl, String user, String password, String indexSql,
            String name, String unitPrefix) throws SQLException {
        String second = unitPrefix + "-2";
        assertThat(admin.put("/api/v1/units/" + unitPrefix + "-1", Api.map("name", name)).status()).isIn(200, 201);
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement st = c.createStatement()) {
            st.execute(indexSql);
        }
        Api.Res r = admin.put("/api/v1/units/" + second, Api.map("name", name));
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        String detail = r.json().get("detail").asText();
        assertThat(detail).as(r.toString()).contains("unit '" + second + "'").contains("23505");
        for (String leak : LEAKS) {
            assertThat(detail).as("no '%s' in %s", leak, r).doesNotContain(leak);
        }
        assertThat(detail.toLowerCase(Locale.ROOT)).as(r.toString()).doesNotContain(name.toLowerCase(Locale.ROOT));
        assertThat(r.text()).doesNotContain(name);
        assertThat(admin.get("/api/v1/units/" + second).status()).isEqualTo(404);
        return r;
    }

    /** {@link #duplicateUnitName} on PostgreSQL, with a partial unique index named {@code index} on {@code name}. */
    static Api.Res duplicateUnitNameOnPostgres(Api admin, String url, String user, String password, String index,
            String name) throws SQLException {
        return duplicateUnitName(admin, url, user, password, "CREATE UNIQUE INDEX " + index
                + " ON plantrack_unit (name) WHERE name = '" + name + "'", name, index.replace('_', '-'));
    }

    /** Runs {@code body} with standard error (where the server logs) also copied into the answer. */
    static String capturingStandardError(ThrowingRunnable body) throws Exception {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
        java.io.OutputStream tee = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                copy.write(b, off, len);
            }
        };
        System.setErr(new java.io.PrintStream(tee, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.err.flush();
            System.setErr(original);
        }
        return copy.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aStoreRefusalOnH2NamesWhatFailedAndLogsTheDriversMessageUnderTheRequestId(@TempDir Path dir)
            throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        String[] rid = new String[1];
        String log;
        try (JdbcPlanStore store = JdbcPlanStore.open(url, "sa", "leak-probe");
                PlantrackServer server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                        .store(store).demo(false).build())) {
            Api admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
            log = capturingStandardError(() -> {
                Api.Res r = duplicateUnitName(admin, url, "sa", "leak-probe",
                        "CREATE UNIQUE INDEX test_fault_unit_name ON plantrack_unit (name)", "同名单位-secret-row", "leak");
                rid[0] = r.json().get("requestId").asText();
            });
        }
        String line = log.lines().filter(l -> l.contains(rid[0])).findFirst().orElse(null);
        assertThat(line).as("a log line with request %s; log:%n%s", rid[0], log).isNotNull()
                .contains("23505").contains("TEST_FAULT_UNIT_NAME");
    }
}
