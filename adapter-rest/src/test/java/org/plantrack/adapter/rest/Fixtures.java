package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;

/** Test data: a small plan in the API's JSON shape, units and tokens. */
final class Fixtures {
    private Fixtures() {
    }

    /** A 2017 plan with two tasks: 1.1 (200 家, unit u-a after assignment) and 1.2 (10 场, unit u-b). */
    static Map<String, Object> plan(String id) {
        return Api.map("id", id, "title", "测试市科协2017年工作要点", "issuer", "测试市科学技术协会",
                "documentNumber", "测科协〔2017〕1号", "issueDate", "2017-03-22",
                "period", Api.map("start", "2017-01-01", "end", "2017-12-31"),
                "sections", List.of(Api.map("id", "1", "ordinal", 1, "title", "一、夯实基层组织",
                        "tasks", List.of(
                                Api.map("id", "1.1", "ordinal", 1, "title", "发展企业科协。",
                                        "targets", List.of(Api.map("id", "1.1.1", "description", "新建企业科协200家",
                                                "kind", "COUNT", "goal", 200, "measure", "家"))),
                                Api.map("id", "1.2", "ordinal", 2, "title", "举办科普讲座。",
                                        "targets", List.of(Api.map("id", "1.2.1", "description", "举办讲座10场",
                                                "kind", "COUNT", "goal", 10, "measure", "场")))))));
    }

    /** A progress report body. */
    static Map<String, Object> report(String targetId, String asOf, double value) {
        return Api.map("targetId", targetId, "asOf", asOf, "value", value, "mode", "SET");
    }

    /** Creates units u-a and u-b, the plan, and assigns u-a to task 1.1 and u-b to task 1.2. */
    static void setUp(Api admin, String planId) {
        assertThat(admin.put("/api/v1/units/u-a", Api.map("name", "甲区科协")).status()).isIn(200, 201);
        assertThat(admin.put("/api/v1/units/u-b", Api.map("name", "乙区科协")).status()).isIn(200, 201);
        Api.Res created = admin.post("/api/v1/plans", plan(planId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Res a = admin.put("/api/v1/plans/" + planId + "/tasks/1.1/units", Api.map("leadUnit", "u-a"),
                "If-Match", created.header("ETag"));
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        Api.Res b = admin.put("/api/v1/plans/" + planId + "/tasks/1.2/units", Api.map("leadUnit", "u-b"),
                "If-Match", a.header("ETag"));
        assertThat(b.status()).as(b.toString()).isEqualTo(200);
    }

    /** A fresh H2 file under target/h2 (a path setting, as --db takes it). */
    static String h2(String name) {
        return java.nio.file.Path.of("target", "h2", name + "-" + System.nanoTime()).toAbsolutePath().toString();
    }

    /**
     * A plain JDBC connection to the H2 store at the path setting {@code db}, with the generated
     * password Plantrack keeps beside it in {@code <db>.credentials}.
     */
    static java.sql.Connection connect(String db) throws java.io.IOException, java.sql.SQLException {
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(db + ".credentials"))) {
            p.load(in);
        }
        return java.sql.DriverManager.getConnection(org.plantrack.persistence.jdbc.JdbcPlanStore.jdbcUrlFor(db),
                p.getProperty("user"), p.getProperty("password"));
    }

    static String token(PlanTracker tracker, Role role, String... units) {
        return tracker.createToken(Principal.system(), role, Set.of(units), "test " + role).bearer();
    }
}
