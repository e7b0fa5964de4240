package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.plantrack.adapter.rest.internal.Demo;
import org.plantrack.core.access.Role;
import org.plantrack.core.store.InMemoryPlanStore;

/**
 * The supervision cycle (督查督办) over real HTTP on the reference plan (南科协〔2017〕12号), on a server whose store
 * keeps supervision records (the in-memory one) and whose clock says 10 April 2017, then 10 July 2017 once the tasks
 * are assigned: units registered, assign-all,
 * acknowledge, evidence, a report with figures under review (pending → returned → resubmitted → approved → the
 * figures counted in the plan's status), request completion → return → request → close, and each refusal with its
 * status and field. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisionFlowTest {
    static final String PLAN = "np-2017";
    static final String P = "/api/v1/plans/" + PLAN;
    /** Task 3.2 (科普示范体系, 联办现代科技知识讲座, 培训400名干部): partners 市委組織部, 市委黨校 in the document. */
    static final String TASK = "3.2";

    static PlantrackServer server;
    static Api admin;
    static Api supervisor;
    static Api viewer;
    static Api zzb;
    static Api other;
    static String target;
    static String fileId;
    static String firstReport;
    static final SettableClock CLOCK = new SettableClock(Instant.parse("2017-04-10T02:00:00Z"));

    /** A clock the test moves forward. */
    static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test's clock stays in Asia/Shanghai");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void start() {
        server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                .store(InMemoryPlanStore.create()).demo(false)
                .clock(CLOCK).build());
        admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
        supervisor = admin.as(Fixtures.token(server.tracker(), Role.SUPERVISOR));
        viewer = admin.as(Fixtures.token(server.tracker(), Role.VIEWER));
        // the units the document names (in Simplified script; it writes Traditional)
        for (String[] u : new String[][] {{"u-zzb", "市委组织部"}, {"u-dx", "市委党校"}, {"u-jy", "教育部门"},
                {"u-kj", "科技部门"}, {"u-nl", "农林部门"}}) {
            Api.Res r = admin.put("/api/v1/units/" + u[0], Api.map("name", u[1]));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        zzb = admin.as(Fixtures.token(server.tracker(), Role.REPORTER, "u-zzb"));
        other = admin.as(Fixtures.token(server.tracker(), Role.REPORTER, "u-jy"));
        Api.Res imported = admin.send("POST", "/api/v1/plans/import?planId=" + PLAN,
                Demo.referencePlan().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        JsonNode task = admin.get(P + "/tasks/" + TASK).json();
        for (JsonNode t : task.get("targets")) {
            if (t.get("kind").asText().equals("COUNT") && t.get("goal").asDouble() == 400) {
                target = t.get("id").asText();
            }
        }
        assertThat(target).as("task 3.2's target of 400 cadres: " + task).isNotNull();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void assertProblem(Api.Res r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.toString()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
        }
    }

    static JsonNode view(Api as) {
        Api.Res r = as.get(P + "/tasks/" + TASK + "/supervision?asOf=2017-07-10");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static double current() {
        JsonNode status = viewer.get(P + "/status?asOf=2017-07-10").json();
        for (JsonNode t : status.get("targets")) {
            if (t.get("targetId").asText().equals(target)) {
                return t.get("current").asDouble();
            }
        }
        throw new AssertionError("no target " + target + " in " + status);
    }

    static Api.Res step(Api as, String step, Object body) {
        return as.post(P + "/tasks/" + TASK + "/" + step, body);
    }

    /** A minimal PDF made here: header, one object, trailer. */
    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static Api.Res upload(Api as, String name, byte[] bytes) {
        String boundary = "----plantrack" + System.nanoTime();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes(bytes);
        b.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return as.send("POST", P + "/tasks/" + TASK + "/evidence", b.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
    }

    static List<String> files() {
        List<String> ids = new ArrayList<>();
        view(admin).get("files").forEach(f -> ids.add(f.get("id").asText()));
        return ids;
    }

    @Test
    @Order(1)
    void theSupervisorTurnsReviewOnAndTheCalendarListsTheQuarters() {
        Api.Res before = viewer.get(P + "/supervision");
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.json().get("reviewRequired").asBoolean()).isFalse();
        assertThat(before.json().get("calendar").get("frequency").asText()).isEqualTo("QUARTERLY");

        assertProblem(viewer.put(P + "/supervision", Api.map("reviewRequired", true)), 403, null);
        assertProblem(supervisor.put(P + "/supervision", Api.map("calendar", Api.map("frequency", "WEEKLY"))), 400,
                "calendar.frequency");
        Api.Res set = supervisor.put(P + "/supervision", Api.map("reviewRequired", true));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        JsonNode s = viewer.get(P + "/supervision").json();
        assertThat(s.get("reviewRequired").asBoolean()).isTrue();
        assertThat(s.get("periods").findValuesAsText("key")).containsExactly("2017-Q1", "2017-Q2", "2017-Q3",
                "2017-Q4");
        assertThat(s.get("periods").get(1).get("labelZh").asText()).isEqualTo("2017年第二季度");
        assertThat(s.get("periods").get(1).get("deadline").asText()).isEqualTo("2017-07-05");
    }

    @Test
    @Order(2)
    void assignAllAssignsTheTasksWhoseUnitsTheDocumentNamesAndSaysWhyTheOthersAreLeft() {
        assertProblem(zzb.post(P + "/tasks/assign-all", Api.map()), 403, null);
        Api.Res r = supervisor.post(P + "/tasks/assign-all", Api.map("note", "2017年工作要点任务分解"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode assigned = r.json().get("assigned");
        List<String> tasks = assigned.findValuesAsText("taskId");
        assertThat(tasks).contains(TASK);
        JsonNode mine = null;
        for (JsonNode t : assigned) {
            if (t.get("taskId").asText().equals(TASK)) {
                mine = t;
            }
        }
        assertThat(mine.get("action").asText()).isEqualTo("ASSIGN");
        assertThat(mine.get("actionZh").asText()).isEqualTo("交办");
        assertThat(mine.get("to").asText()).isEqualTo("ASSIGNED");
        assertThat(mine.get("assignment").get("lead").asText()).isEqualTo("u-zzb");
        assertThat(mine.get("assignment").get("partners").toString()).contains("u-dx");
        assertThat(mine.get("at").asText()).isEqualTo("2017-04-10T02:00:00Z");
        JsonNode left = r.json().get("left");
        assertThat(left.size() + assigned.size()).as("every one of the 18 tasks assigned or left").isEqualTo(18);
        assertThat(left.has("1.1")).as(left.toString()).isTrue();
        assertThat(left.get("1.1").asText()).contains("lead unit");

        JsonNode board = viewer.get(P + "/tasks?asOf=2017-07-10").json();
        assertThat(board.get("tasks")).hasSize(18);
        assertThat(board.get("reviewRequired").asBoolean()).isTrue();
        for (JsonNode t : board.get("tasks")) {
            assertThat(t.get("reasonZh").asText()).as(t.toString()).isNotBlank();
            assertThat(t.get("reasonEn").asText()).as(t.toString()).isNotBlank();
            if (tasks.contains(t.get("taskId").asText())) {
                assertThat(t.get("state").asText()).isEqualTo("ASSIGNED");
                assertThat(t.get("status").asText()).as(t.toString()).isNotEqualTo("NOT_EVALUABLE");
            }
        }
        // a unit's own tasks; a reporter may not ask for another unit's
        JsonNode own = zzb.get(P + "/tasks?asOf=2017-07-10&unit=u-zzb").json();
        assertThat(own.get("tasks").findValuesAsText("taskId")).contains(TASK).doesNotContain("3.4", "1.1");
        assertProblem(zzb.get(P + "/tasks?unit=u-jy"), 403, null);

        // the rest led by the office named as the fallback lead: every task assigned, none "not evaluable"
        Api.Res rest = supervisor.post(P + "/tasks/assign-all", Api.map("lead", "u-kj"));
        assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
        assertThat(rest.json().get("left").size()).as(rest.toString()).isZero();
        assertThat(rest.json().get("assigned").findValuesAsText("taskId")).hasSize(left.size()).contains("1.1");
        JsonNode all = viewer.get(P + "/tasks?asOf=2017-07-10").json();
        for (JsonNode t : all.get("tasks")) {
            assertThat(t.get("state").asText()).as(t.toString()).isEqualTo("ASSIGNED");
            assertThat(t.get("status").asText()).as(t.toString()).isNotEqualTo("NOT_EVALUABLE");
        }
        assertThat(all.get("counts").get("NOT_EVALUABLE").asInt()).isZero();
        CLOCK.set(Instant.parse("2017-07-10T02:00:00Z")); // the second quarter's reports were due on 5 July
    }

    @Test
    @Order(3)
    void theLeadUnitAcknowledgesAndAnIllegalStepIs409NamingTheState() {
        assertProblem(step(other, "acknowledge", Api.map()), 403, null);
        assertProblem(step(viewer, "acknowledge", Api.map()), 403, null);
        Api.Res ack = step(zzb, "acknowledge", Api.map("note", "已签收"));
        assertThat(ack.status()).as(ack.toString()).isEqualTo(201);
        assertThat(ack.json().get("from").asText()).isEqualTo("ASSIGNED");
        assertThat(ack.json().get("to").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.json().get("actorUnit").asText()).isEqualTo("u-zzb");

        Api.Res again = step(zzb, "acknowledge", Api.map());
        assertProblem(again, 409, null);
        assertThat(again.json().get("detail").asText()).contains("已签收").contains("acknowledged");
        Api.Res close = step(supervisor, "close", Api.map());
        assertProblem(close, 409, null);
        assertThat(close.json().get("detail").asText()).contains("已签收");
        assertThat(view(zzb).get("state").asText()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    @Order(4)
    void aReporterOfAnotherUnitIsRefused() {
        assertProblem(other.get(P + "/tasks/" + TASK + "/supervision"), 404, null);
        Api.Res report = other.post(P + "/tasks/" + TASK + "/reports", Api.map("period", "2017-Q2", "progress",
                "越权报送", "assessment", "ON_SCHEDULE"));
        assertProblem(report, 403, null);
        assertProblem(upload(other, "a.pdf", pdf()), 403, null);
        assertThat(view(admin).get("reports")).isEmpty();
    }

    @Test
    @Order(5)
    void evidenceIsKeptByItsBytesAndDownloadedAsAnAttachmentNeverInline() throws Exception {
        byte[] pdf = pdf();
        Api.Res up = upload(zzb, "讲座签到表.pdf", pdf);
        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        JsonNode f = up.json();
        fileId = f.get("id").asText();
        assertThat(f.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(f.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(f.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(up.header("Location")).isEqualTo(P + "/evidence/" + fileId);

        Api.Res down = viewer.get(P + "/evidence/" + fileId);
        assertThat(down.status()).as(down.toString()).isEqualTo(200);
        assertThat(down.raw.body()).isEqualTo(pdf);
        assertThat(down.header("Content-Type")).startsWith("application/pdf");
        assertThat(down.header("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''%E8%AE%B2%E5%BA%A7%E7%AD%BE%E5%88%B0%E8%A1%A8.pdf");
        assertThat(down.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(down.header("Content-Security-Policy")).isEqualTo("sandbox");
        assertProblem(other.get(P + "/evidence/" + fileId), 404, null);
        assertThat(files()).containsExactly(fileId);
    }

    @Test
    @Order(6)
    void disguisedAndOversizedFilesAreRefusedAndNothingIsStored() {
        List<String> before = files();
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        Api.Res renamed = upload(zzb, "报告.pdf", exe);
        assertProblem(renamed, 400, "evidence.file");
        assertThat(renamed.json().get("value").asText()).isEqualTo("报告.pdf");
        Api.Res html = upload(zzb, "说明.html", "<html><body><script>alert(1)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8));
        assertProblem(html, 400, "evidence.file");
        Api.Res htmlAsTxt = upload(zzb, "说明.txt", "<!DOCTYPE html><script>fetch('/api/v1/tokens')</script>"
                .getBytes(StandardCharsets.UTF_8));
        assertProblem(htmlAsTxt, 400, "evidence.file");
        assertProblem(zzb.send("POST", P + "/tasks/" + TASK + "/evidence", pdf(), "application/pdf"), 400,
                "evidence.name");

        // over core's 10 MiB but within what the route reads: core refuses it, and the audit trail says so
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        byte[] head = pdf();
        System.arraycopy(head, 0, big, 0, head.length);
        Api.Res tooBig = zzb.send("POST", P + "/tasks/" + TASK + "/evidence?name=big.pdf", big, "application/pdf");
        assertProblem(tooBig, 400, "evidence.file");
        assertThat(tooBig.json().get("detail").asText()).contains("10485760");
        JsonNode audit = admin.get("/api/v1/audit?planId=" + PLAN + "&limit=500").json().get("items");
        boolean failed = false;
        for (JsonNode e : audit) {
            failed |= e.get("action").asText().equals("evidence.upload") && !e.get("success").asBoolean()
                    && e.get("after").asText().contains("big.pdf");
        }
        assertThat(failed).as("a failed evidence upload in the audit trail: " + audit).isTrue();

        // far over: refused with 413 before the body is read
        byte[] huge = new byte[12 * 1024 * 1024];
        System.arraycopy(head, 0, huge, 0, head.length);
        assertProblem(upload(zzb, "huge.pdf", huge), 413, null);
        assertThat(files()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void badReportsAreRefusedNamingTheField() {
        assertProblem(zzb.post(P + "/tasks/" + TASK + "/reports", Api.map("period", "2017-Q2", "progress", " ",
                "assessment", "ON_SCHEDULE")), 400, "taskReport.progress");
        assertProblem(zzb.post(P + "/tasks/" + TASK + "/reports", Api.map("period", "2018-Q1", "progress", "已开展",
                "assessment", "ON_SCHEDULE")), 400, "taskReport.period");
        assertProblem(zzb.post(P + "/tasks/" + TASK + "/reports", Api.map("period", "2017-Q2", "progress", "已开展",
                "assessment", "FINE")), 400, "taskReport.assessment");
        assertProblem(zzb.post(P + "/tasks/" + TASK + "/reports", Api.map("period", "2017-Q2", "progress", "已开展",
                "assessment", "ON_SCHEDULE", "figures", List.of(Api.map("targetId", "1.1.1", "value", 3)))), 400,
                "taskReport.figures[0].targetId");
        assertThat(view(admin).get("reports")).isEmpty();
    }

    @Test
    @Order(8)
    void aReportUnderReviewIsReturnedResubmittedAndApprovedAndOnlyThenItsFiguresCount() {
        double before = current();
        Api.Res posted = zzb.post(P + "/tasks/" + TASK + "/reports", Api.map("period", "2017-Q2",
                "progress", "与市委组织部、市委党校联办现代科技知识讲座3期，培训处级、科级干部150名",
                "problems", "部分县区参训率偏低", "nextSteps", "下半年再办2期", "assessment", "ON_SCHEDULE",
                "evidence", List.of(Api.map("fileId", fileId), Api.map("link", "https://www.npkx.gov.cn/2017/jz.html")),
                "figures", List.of(Api.map("targetId", target, "value", 150))));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        JsonNode rep = posted.json();
        firstReport = rep.get("id").asText();
        assertThat(rep.get("reviewState").asText()).isEqualTo("PENDING");
        assertThat(rep.get("unit").asText()).isEqualTo("u-zzb");
        assertThat(rep.get("assessmentZh").asText()).isEqualTo("按计划推进");
        assertThat(rep.get("figures").get(0).get("mode").asText()).isEqualTo("SET");
        assertThat(rep.get("recordedAt").asText()).isEqualTo("2017-07-10T02:00:00Z");
        assertThat(current()).as("pending: not counted").isEqualTo(before);
        assertThat(view(viewer).get("state").asText()).isEqualTo("IN_PROGRESS");

        JsonNode queue = viewer.get(P + "/reviews").json();
        assertThat(queue.get("items").findValuesAsText("id")).containsExactly(firstReport);
        assertProblem(zzb.get(P + "/reviews"), 403, null);
        assertThat(viewer.get(P + "/tasks?asOf=2017-07-10").json().get("pendingReviews").asInt()).isEqualTo(1);
        assertThat(viewer.get(P + "/status?asOf=2017-07-10").json().get("pendingReviews").asInt())
                .as("the plan's status says a report waits for review").isEqualTo(1);

        // the reporter may not review; returning needs a reason
        assertProblem(zzb.post(P + "/task-reports/" + firstReport + "/review", Api.map("approve", true)), 403, null);
        assertProblem(supervisor.post(P + "/task-reports/" + firstReport + "/review", Api.map()), 400,
                "review.approve");
        Api.Res returned = supervisor.post(P + "/task-reports/" + firstReport + "/review",
                Api.map("approve", false, "reason", "请补充参训人员名单"));
        assertThat(returned.status()).as(returned.toString()).isEqualTo(201);
        assertThat(returned.json().get("state").asText()).isEqualTo("RETURNED");
        assertProblem(supervisor.post(P + "/task-reports/" + firstReport + "/review", Api.map("approve", true)), 409,
                null);
        assertThat(current()).isEqualTo(before);

        Api.Res again = zzb.post(P + "/tasks/" + TASK + "/reports", Api.map("period", "2017-Q2",
                "progress", "联办讲座3期，培训干部150名（附参训名单）", "assessment", "ON_SCHEDULE",
                "evidence", List.of(Api.map("fileId", fileId)),
                "figures", List.of(Api.map("targetId", target, "value", 150, "mode", "SET"))));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        String second = again.json().get("id").asText();
        assertThat(again.json().get("supersedes").asText()).isEqualTo(firstReport);
        Api.Res approved = supervisor.post(P + "/task-reports/" + second + "/review", Api.map("approve", true));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(201);
        assertThat(approved.json().get("state").asText()).isEqualTo("APPROVED");
        assertThat(current()).as("approved: the figure counts").isEqualTo(150.0);
        assertThat(viewer.get(P + "/reviews").json().get("items")).isEmpty();

        JsonNode v = view(viewer);
        assertThat(v.get("reports")).hasSize(2);
        assertThat(v.get("reports").get(0).get("reviewState").asText()).isEqualTo("RETURNED");
        assertThat(v.get("reports").get(0).get("reviews").get(0).get("reason").asText()).isEqualTo("请补充参训人员名单");
        assertThat(v.get("reports").get(1).get("reviewState").asText()).isEqualTo("APPROVED");
        assertThat(v.get("task").get("targets").findValuesAsText("id")).contains(target);

        // the calendar as of 10 July: the lead reported on Q2 after its deadline (5 July), the partner not at all;
        // Q3 is due; nothing is owed for Q1, which ended before the task was assigned. A reporter sees its own lines.
        assertThat(timings(zzb.get(P + "/calendar?asOf=2017-07-10").json().get("items")))
                .containsExactly("2017-Q2 u-zzb LATE 迟报 " + firstReport, "2017-Q3 u-zzb DUE 待报送 -");
        assertThat(timings(admin.get(P + "/calendar?asOf=2017-07-10").json().get("items")))
                .containsExactly("2017-Q2 u-zzb LATE 迟报 " + firstReport, "2017-Q2 u-dx MISSING 缺报 -",
                        "2017-Q3 u-zzb DUE 待报送 -", "2017-Q3 u-dx DUE 待报送 -");
        assertThat(timings(admin.get(P + "/calendar?asOf=2017-07-10&unit=u-dx").json().get("items")))
                .containsExactly("2017-Q2 u-dx MISSING 缺报 -", "2017-Q3 u-dx DUE 待报送 -");
        JsonNode board = viewer.get(P + "/tasks?asOf=2017-07-10").json();
        assertThat(board.get("late").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(board.get("missing").asLong()).isGreaterThanOrEqualTo(1);
    }

    /** Task 3.2's calendar lines as "period unit timing timingZh reportId". */
    static List<String> timings(JsonNode items) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : items) {
            if (e.get("taskId").asText().equals(TASK)) {
                out.add(e.get("period").asText() + " " + e.get("unitId").asText() + " " + e.get("timing").asText()
                        + " " + e.get("timingZh").asText() + " " + (e.hasNonNull("reportId")
                        ? e.get("reportId").asText() : "-"));
            }
        }
        return out;
    }

    @Test
    @Order(9)
    void completionIsRequestedReturnedRequestedAndClosedAndAClosedTaskTakesNoReport() {
        Api.Res req = step(zzb, "request-completion", Api.map("note", "全年培训任务已完成"));
        assertThat(req.status()).as(req.toString()).isEqualTo(201);
        assertThat(req.json().get("to").asText()).isEqualTo("COMPLETION_REQUESTED");
        assertProblem(step(zzb, "return", Api.map("reason", "自己退回")), 403, null);
        assertProblem(step(supervisor, "return", Api.map()), 400, "transition.reason");
        Api.Res ret = step(supervisor, "return", Api.map("reason", "培训人数未达400名"));
        assertThat(ret.status()).as(ret.toString()).isEqualTo(201);
        assertThat(ret.json().get("to").asText()).isEqualTo("RETURNED");
        assertThat(step(zzb, "request-completion", Api.map()).status()).isEqualTo(201);
        Api.Res closed = step(supervisor, "close", Api.map("note", "准予办结"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(201);
        assertThat(closed.json().get("to").asText()).isEqualTo("CLOSED");

        Api.Res late = zzb.post(P + "/tasks/" + TASK + "/reports", Api.map("period", "2017-Q3", "progress", "补报",
                "assessment", "DONE"));
        assertProblem(late, 409, null);
        assertThat(late.json().get("detail").asText()).contains("已办结").contains("closed");

        JsonNode v = view(viewer);
        List<String> actions = v.get("transitions").findValuesAsText("action");
        assertThat(actions).containsExactly("ASSIGN", "ACKNOWLEDGE", "START", "REQUEST_COMPLETION", "RETURN",
                "REQUEST_COMPLETION", "CLOSE");
        assertThat(v.get("status").get("status").asText()).isEqualTo("ACHIEVED");
        assertThat(v.get("reports")).hasSize(2);

        // a status set by hand, shown as such, and cleared
        Api.Res manual = step(supervisor, "status", Api.map("status", "AT_RISK", "reason", "年底抽查发现问题"));
        assertThat(manual.status()).as(manual.toString()).isEqualTo(201);
        JsonNode s = view(viewer).get("status");
        assertThat(s.get("status").asText()).isEqualTo("AT_RISK");
        assertThat(s.get("manual").asBoolean()).isTrue();
        assertThat(step(supervisor, "status", Api.map("status", null, "reason", "复查无误")).status()).isEqualTo(201);
        assertThat(view(viewer).get("status").get("status").asText()).isEqualTo("ACHIEVED");
        assertProblem(step(supervisor, "status", Api.map("status", "GREAT", "reason", "x")), 400, "override.status");

        Api.Res reopened = step(supervisor, "reopen", Api.map("reason", "需补充年度总结"));
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(201);
        assertThat(reopened.json().get("to").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    @Order(10)
    void theOpenApiDocumentListsEveryRouteOfTheCycle() {
        JsonNode paths = admin.get("/openapi.json").json().get("paths");
        String b = "/api/v1/plans/{planId}";
        for (String path : List.of(b + "/supervision", b + "/tasks", b + "/tasks/assign-all",
                b + "/tasks/{taskId}/supervision", b + "/tasks/{taskId}/assign", b + "/tasks/{taskId}/acknowledge",
                b + "/tasks/{taskId}/request-completion", b + "/tasks/{taskId}/return", b + "/tasks/{taskId}/close",
                b + "/tasks/{taskId}/reopen", b + "/tasks/{taskId}/status", b + "/tasks/{taskId}/reports",
                b + "/tasks/{taskId}/evidence", b + "/evidence/{fileId}", b + "/reviews",
                b + "/task-reports/{reportId}/review", b + "/calendar")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.get(b + "/tasks/{taskId}/reports").get("post").get("requestBody").toString())
                .contains("TaskReportInput");
    }
}
