package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Role;

/**
 * Import and preview read a document by its bytes: a Word file (raw or as a multipart part named
 * {@code plan.txt}) is read by the office importer, which the server finds by installPlugins(); a picture or a
 * plain zip given as text is refused saying what it is, and nothing is stored.
 */
class OfficeImportApiTest {

    private static PlantrackServer start(String name) {
        return PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1").db(Fixtures.h2(name))
                .demo(false).build());
    }

    static Api.Res multipart(Api api, String path, String fileName, byte[] content) {
        String boundary = "----plantrack" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send("POST", path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    @Test
    void aWordFileIsImportedWithItsNumberingWrittenOut() {
        try (PlantrackServer server = start("office-docx")) {
            Api admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
            Api.Res r = admin.send("POST", "/api/v1/plans/import?planId=w-2018", OfficeSamples.docx(),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.json().get("format").asText()).isEqualTo("docx");
            assertThat(r.json().get("charset").asText()).isEqualTo("Word document (.docx)");
            JsonNode plan = r.json().get("plan");
            assertThat(plan.get("title").asText()).isEqualTo("某市科协2018年工作要点");
            assertThat(plan.get("sections").get(0).get("title").asText()).isEqualTo("重点工作");
            assertThat(plan.get("sections").get(0).get("tasks").get(0).get("targets").get(0).get("goal").asDouble())
                    .isEqualTo(200);

            // named .txt and sent as text: the bytes decide
            Api.Res preview = multipart(admin, "/api/v1/plans/import/preview", "plan.txt", OfficeSamples.docx());
            assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
            assertThat(preview.json().get("format").asText()).isEqualTo("docx");
            assertThat(preview.json().get("text").asText()).isEqualTo("某市科协2018年工作要点\n一、重点工作\n1.培训企业工程师200名。");
        }
    }

    @Test
    void aPictureOrAZipGivenAsTextIsRefusedSayingWhatItIsAndNothingIsStored() {
        try (PlantrackServer server = start("office-refused")) {
            Api admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
            Api.Res png = admin.send("POST", "/api/v1/plans/import", OfficeSamples.PNG, "text/plain; charset=utf-8");
            assertThat(png.status()).as(png.toString()).isEqualTo(400);
            assertThat(png.json().get("detail").asText()).contains("this is a picture, not text")
                    .contains("OCR it into text first").contains("这是图片");
            Api.Res zip = multipart(admin, "/api/v1/plans/import/preview", "plan.txt",
                    OfficeSamples.zip("plan.txt", "一、"));
            assertThat(zip.status()).as(zip.toString()).isEqualTo(400);
            assertThat(zip.json().get("detail").asText()).contains("this is a zip archive").contains("unpack it");
            Api.Res exe = admin.send("POST", "/api/v1/plans/import", new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0},
                    "application/octet-stream");
            assertThat(exe.status()).isEqualTo(400);
            assertThat(exe.json().get("detail").asText()).contains("executable program");
            assertThat(admin.get("/api/v1/plans").json().get("total").asInt()).isZero();
        }
    }

    @Test
    void theExcelLedgerIsServedAsAWorkbook() throws Exception {
        try (PlantrackServer server = start("office-xlsx")) {
            Api admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
            assertThat(admin.send("POST", "/api/v1/plans/import?planId=w-2018", OfficeSamples.docx(),
                    "application/octet-stream").status()).isEqualTo(201);
            Api.Res x = admin.get("/api/v1/plans/w-2018/report.xlsx?asOf=2018-07-01");
            assertThat(x.status()).as(x.toString()).isEqualTo(200);
            assertThat(x.header("Content-Type")).startsWith(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(x.header("Content-Disposition")).contains("w-2018-status.xlsx");
            // a workbook (read back with POI in formats-office's XlsxLedgerTest): its strings hold the target
            assertThat(org.plantrack.core.importing.FileSignature.of(x.raw.body()))
                    .isEqualTo(org.plantrack.core.importing.FileSignature.Kind.XLSX);
            assertThat(entry(x.raw.body(), "xl/sharedStrings.xml")).contains("培训企业工程师200名").contains("台账");
            assertThat(admin.get("/openapi.json").text()).contains("/api/v1/plans/{planId}/report.xlsx");
        }
    }

    static String entry(byte[] zip, String name) throws java.io.IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return "";
    }

    @Test
    void aTaskListCsvSentAsTextIsReadAsATable() {
        try (PlantrackServer server = start("office-tasklist")) {
            Api admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
            String csv = "某市科协2018年重点工作任务清单\r\n序号,工作任务,具体目标,牵头单位,完成时限\r\n"
                    + "1,开展科普讲座,举办10场科普讲座,市科协,2018年6月底前\r\n";
            Api.Res r = admin.send("POST", "/api/v1/plans/import/preview", csv.getBytes(StandardCharsets.UTF_8),
                    "text/csv; charset=utf-8");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get("format").asText()).isEqualTo("text");
            assertThat(r.json().get("charset").asText()).isEqualTo("UTF-8, CSV task list");
            JsonNode target = r.json().get("plan").get("sections").get(0).get("tasks").get(0).get("targets").get(0);
            assertThat(target.get("goal").asDouble()).isEqualTo(10);
            assertThat(target.get("dueDate").asText()).isEqualTo("2018-06-30");
        }
    }
}
