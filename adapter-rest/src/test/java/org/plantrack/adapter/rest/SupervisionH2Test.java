package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Role;

/**
 * The supervision routes on the server's default kind of store (an H2 file, JdbcPlanStore): a task assigned,
 * acknowledged by its unit, evidence uploaded and downloaded byte for byte, a report with a figure that counts in
 * the plan's status, an illegal step refused with 409 naming the state, and the task page read back after the
 * server is restarted on the same file.
 */
class SupervisionH2Test {
    static final String DB = Fixtures.h2("SupervisionH2Test");
    static PlantrackServer server;
    static Api admin;

    @BeforeAll
    static void start() {
        server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1").db(DB).demo(false).build());
        admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
        Fixtures.setUp(admin, "h2s");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theCycleRunsOnTheH2StoreAndSurvivesARestart() {
        String p = "/api/v1/plans/h2s";
        Api sup = admin.as(Fixtures.token(server.tracker(), Role.SUPERVISOR));
        Api unit = admin.as(Fixtures.token(server.tracker(), Role.REPORTER, "u-a"));
        assertThat(sup.post(p + "/tasks/1.1/assign", Api.map("note", "交办")).status()).isEqualTo(201);
        assertThat(unit.post(p + "/tasks/1.1/acknowledge", null).status()).isEqualTo(201);
        byte[] pdf = SupervisionFlowTest.pdf();
        Api.Res up = unit.send("POST", p + "/tasks/1.1/evidence?name=" + "%E5%90%8D%E5%8D%95.pdf", pdf,
                "application/pdf");
        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        String file = up.json().get("id").asText();
        assertThat(up.json().get("name").asText()).isEqualTo("名单.pdf");
        Api.Res rep = unit.post(p + "/tasks/1.1/reports", Api.map("period", "2017-Q2", "progress", "新建企业科协40家",
                "assessment", "BEHIND", "evidence", List.of(Api.map("fileId", file)),
                "figures", List.of(Api.map("targetId", "1.1.1", "value", 40))));
        assertThat(rep.status()).as(rep.toString()).isEqualTo(201);
        assertThat(rep.json().get("reviewState").asText()).isEqualTo("APPROVED");
        JsonNode status = admin.get(p + "/status?asOf=2017-06-30").json();
        assertThat(status.get("targets").get(0).get("current").asDouble()).isEqualTo(40.0);
        Api.Res again = unit.post(p + "/tasks/1.1/acknowledge", null);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("办理中").contains("in progress");

        server.close();
        server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1").db(DB).demo(false).build());
        Api viewer = new Api(server.port(), Fixtures.token(server.tracker(), Role.VIEWER));
        JsonNode view = viewer.get(p + "/tasks/1.1/supervision").json();
        assertThat(view.get("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(view.get("transitions").findValuesAsText("action")).containsExactly("ASSIGN", "ACKNOWLEDGE",
                "START");
        assertThat(view.get("reports").get(0).get("assessmentZh").asText()).isEqualTo("滞后");
        assertThat(view.get("files").findValuesAsText("id")).containsExactly(file);
        Api.Res down = viewer.get(p + "/evidence/" + file);
        assertThat(down.status()).as(down.toString()).isEqualTo(200);
        assertThat(down.raw.body()).isEqualTo(pdf);
        assertThat(down.header("Content-Disposition")).startsWith("attachment;");
    }
}
