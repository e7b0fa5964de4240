package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Role;

/**
 * {@code POST /plans/{planId}/reports/import} over real HTTP on an H2 file: the CLI's CSV import, through the same
 * facade call, all rows or none, refused rows listed with their row numbers, GBK and multipart bodies.
 */
class ReportImportApiTest {
    static PlantrackServer server;
    static Api admin;
    static Api reporter;

    @BeforeAll
    static void start() {
        server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                .db(Fixtures.h2("ReportImportApiTest")).demo(false).build());
        admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
        Fixtures.setUp(admin, "ri");
        reporter = new Api(server.port(), Fixtures.token(server.tracker(), Role.REPORTER, "u-a"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Api.Res csv(Api who, String query, String text) {
        return who.send("POST", "/api/v1/plans/ri/reports/import" + query, text.getBytes(StandardCharsets.UTF_8),
                "text/csv; charset=utf-8");
    }

    static int count() {
        return admin.get("/api/v1/plans/ri/reports").json().get("total").asInt();
    }

    @Test
    void aGoodFileIsStoredInOneBatch() {
        int before = count();
        Api.Res r = csv(admin, "", "plan,target,as_of,value,mode,note\nri,1.1.1,2017-03-31,20,set,一季度\n"
                + "ri,1.2.1,2017-03-31,2,add,\n");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("stored").asInt()).isEqualTo(2);
        assertThat(r.json().get("rows").asInt()).isEqualTo(2);
        assertThat(r.json().get("rejected")).isEmpty();
        assertThat(count()).isEqualTo(before + 2);
        JsonNode audit = admin.get("/api/v1/audit?planId=ri&limit=500").json().get("items");
        assertThat(audit.get(audit.size() - 1).get("action").asText()).isEqualTo("report.batch");
    }

    @Test
    void anyBadRowStoresNothingAndEveryBadRowIsNamed() {
        int before = count();
        Api.Res r = csv(admin, "", "plan,target,as_of,value\nri,1.1.1,2017-03-31,5\nri,9.9.9,2017-03-31,1\n"
                + "ri,1.1.1,2017/04/01,1\nother,1.1.1,2017-03-31,1\n");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).startsWith("nothing stored: 3 of 4 rows of body are invalid");
        JsonNode rejected = r.json().get("rejected");
        assertThat(rejected).hasSize(3);
        assertThat(rejected.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(rejected.get(0).get("column").asText()).isEqualTo("target");
        assertThat(rejected.get(1).get("column").asText()).isEqualTo("as_of");
        assertThat(rejected.get(1).get("message").asText()).contains("2017/04/01");
        assertThat(rejected.get(2).get("column").asText()).isEqualTo("plan");
        assertThat(rejected.get(2).get("message").asText()).contains("the plan of this import 'ri'");
        assertThat(count()).isEqualTo(before);

        Api.Res skip = csv(admin, "?skipInvalid=true", "plan,target,as_of,value\nri,1.1.1,2017-03-31,5\n"
                + "ri,9.9.9,2017-03-31,1\n");
        assertThat(skip.status()).as(skip.toString()).isEqualTo(201);
        assertThat(skip.json().get("stored").asInt()).isEqualTo(1);
        assertThat(skip.json().get("allOrNothing").asBoolean()).isFalse();
        assertThat(skip.json().get("rejected").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void aReportersRowsOnAnotherUnitsTargetsAreRefusedRows() {
        int before = count();
        Api.Res r = csv(reporter, "", "plan,target,as_of,value\nri,1.1.1,2017-03-31,5\nri,1.2.1,2017-03-31,1\n");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("rejected").get(0).get("message").asText()).contains("[u-a]").contains("1.2.1");
        assertThat(count()).isEqualTo(before);
        Api.Res viewer = csv(new Api(server.port(), Fixtures.token(server.tracker(), Role.VIEWER)), "",
                "plan,target,as_of,value\nri,1.1.1,2017-03-31,5\n");
        assertThat(viewer.status()).isEqualTo(403);
    }

    @Test
    void gbkBodiesAndMultipartFilesAreRead() {
        byte[] gbk = "plan,target,as_of,value,note\nri,1.1.1,2017-03-31,7,一季度（GBK）\n".getBytes(Charset.forName("GBK"));
        Api.Res raw = admin.send("POST", "/api/v1/plans/ri/reports/import", gbk, "text/csv");
        assertThat(raw.status()).as(raw.toString()).isEqualTo(201);
        JsonNode items = admin.get("/api/v1/plans/ri/reports?limit=500").json().get("items");
        assertThat(items.toString()).contains("一季度（GBK）");

        String boundary = "----plantrack" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"二季度.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes("plan,target,as_of,value\nri,1.2.1,2017-06-30,1\nri,9.9.9,2017-06-30,1\n"
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api.Res upload = admin.send("POST", "/api/v1/plans/ri/reports/import", body.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
        assertThat(upload.status()).as(upload.toString()).isEqualTo(400);
        assertThat(upload.json().get("detail").asText()).contains("rows of 二季度.csv are invalid");
    }

    @Test
    void aFileThatIsNotCsvTextIsRefusedSayingWhatItIs() {
        byte[] zip = {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00};
        Api.Res r = admin.send("POST", "/api/v1/plans/ri/reports/import", zip, "text/csv");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        // the bytes are a zip archive's: refused as such before any CSV is read, saying what the file is
        assertThat(r.json().get("field").asText()).isEqualTo("document");
        assertThat(r.json().get("detail").asText()).contains("this is a zip archive, not text");
        Api.Res bad = csv(admin, "?skipInvalid=yes", "plan,target,as_of,value\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("skipInvalid");
        assertThat(csv(admin, "", "plan,target,as_of,value\n").json().get("rows").asInt()).isZero();
        assertThat(csv(admin, "", "").status()).isEqualTo(400);
    }
}
