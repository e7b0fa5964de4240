package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.plantrack.adapter.rest.internal.Demo;
import org.plantrack.core.access.Role;

/** The reference plan (南科协〔2017〕12号) through the API: import in every way, then a year of use. */
class ReferencePlanTest {

    @Test
    void importAssignReportAndReadTheStatus() {
        try (PlantrackServer server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                .db(Fixtures.h2("reference")).demo(false).build())) {
            Api admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
            byte[] utf8 = Demo.referencePlan().getBytes(StandardCharsets.UTF_8);

            Api.Res imported = admin.send("POST", "/api/v1/plans/import?planId=np2017", utf8,
                    "text/plain; charset=utf-8");
            assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
            JsonNode plan = imported.json().get("plan");
            assertThat(plan.get("documentNumber").asText()).contains("2017").contains("12");
            assertThat(imported.json().get("warnings").size()).as("the damaged spans are reported").isPositive();
            assertThat(imported.header("ETag")).isEqualTo("\"1\"");

            // a COUNT target with a known goal, and its task
            JsonNode task = null;
            JsonNode target = null;
            for (JsonNode s : plan.get("sections")) {
                for (JsonNode t : s.get("tasks")) {
                    for (JsonNode g : t.get("targets")) {
                        if (target == null && g.get("kind").asText().equals("COUNT") && g.has("goal")) {
                            task = t;
                            target = g;
                        }
                    }
                }
            }
            assertThat(target).as("the reference plan has a count target").isNotNull();
            admin.put("/api/v1/units/yanping-kx", Api.map("name", "延平区科协"));
            Api.Res assigned = admin.put("/api/v1/plans/np2017/tasks/" + task.get("id").asText() + "/units",
                    Api.map("leadUnit", "yanping-kx"), "If-Match", "\"1\"");
            assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);

            Api reporter = admin.as(Fixtures.token(server.tracker(), Role.REPORTER, "yanping-kx"));
            double half = Math.max(1, Math.floor(target.get("goal").asDouble() / 2));
            Api.Res posted = reporter.post("/api/v1/plans/np2017/reports",
                    Fixtures.report(target.get("id").asText(), "2017-06-30", half), "Idempotency-Key", "h1-2017");
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);

            Api viewer = admin.as(Fixtures.token(server.tracker(), Role.VIEWER));
            Api.Res status = viewer.get("/api/v1/plans/np2017/status?asOf=2017-06-30&preset=cn-supervision");
            assertThat(status.status()).as(status.toString()).isEqualTo(200);
            JsonNode mine = null;
            for (JsonNode t : status.json().get("targets")) {
                if (t.get("targetId").asText().equals(target.get("id").asText())) {
                    mine = t;
                }
            }
            assertThat(mine.get("current").asDouble()).isEqualTo(half);
            assertThat(mine.get("reason").get("zh").asText()).isNotBlank();
            assertThat(status.json().get("preset").asText()).isEqualTo("cn-supervision");
            assertThat(status.json().get("counts").get("NOT_EVALUABLE").asInt())
                    .as("the damaged number leaves a target not evaluable").isPositive();
            assertThat(status.json().get("units").findValuesAsText("id")).contains("yanping-kx");
            Api.Res csv = viewer.get("/api/v1/plans/np2017/report.csv?asOf=2017-06-30");
            assertThat(new String(csv.raw.body(), StandardCharsets.UTF_8)).contains(target.get("id").asText());
        }
    }

    @Test
    void gbkBytesAndMultipartUploadsAreDecoded() {
        try (PlantrackServer server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                .db(Fixtures.h2("reference-gbk")).demo(false).build())) {
            Api admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
            byte[] gbk = Demo.referencePlan().getBytes(Charset.forName("GBK"));
            Api.Res raw = admin.send("POST", "/api/v1/plans/import?planId=gbk", gbk, "application/octet-stream");
            assertThat(raw.status()).as(raw.toString()).isEqualTo(201);
            assertThat(raw.json().get("charset").asText()).isEqualTo("GB18030");
            assertThat(raw.json().get("plan").get("title").asText()).contains("2017");

            String boundary = "----plantrack" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                    + "filename=\"workplan.txt\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(Demo.referencePlan().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            Api.Res upload = admin.send("POST", "/api/v1/plans/import?planId=upload", body.toByteArray(),
                    "multipart/form-data; boundary=" + boundary);
            assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
            assertThat(upload.json().get("charset").asText()).isEqualTo("UTF-8");
            assertThat(upload.json().get("plan").get("sections").size())
                    .isEqualTo(raw.json().get("plan").get("sections").size());

            Api.Res again = admin.send("POST", "/api/v1/plans/import?planId=upload", gbk, "text/plain");
            assertThat(again.status()).isEqualTo(409);
            Api.Res viewer = admin.as(Fixtures.token(server.tracker(), Role.VIEWER))
                    .send("POST", "/api/v1/plans/import", gbk, "text/plain");
            assertThat(viewer.status()).isEqualTo(403);
        }
    }

    @Test
    void theDemoLoadsOnceIntoAnEmptyStore() {
        String db = Fixtures.h2("demo");
        String token;
        try (PlantrackServer first = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                .db(db).build())) {
            assertThat(first.demoAdminToken()).isPresent();
            token = first.demoAdminToken().get();
            Api admin = new Api(first.port(), token);
            Api.Res plan = admin.get("/api/v1/plans/" + Demo.PLAN_ID);
            assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
            assertThat(plan.json().get("sections").size()).isPositive();
        }
        try (PlantrackServer second = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                .db(db).build())) {
            assertThat(second.demoAdminToken()).as("no second token on a store with data").isEmpty();
            assertThat(new Api(second.port(), token).get("/api/v1/plans").json().get("total").asInt())
                    .isEqualTo(1);
        }
    }
}
