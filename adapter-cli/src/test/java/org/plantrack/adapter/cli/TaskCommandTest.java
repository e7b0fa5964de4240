package org.plantrack.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supervision cycle (督查督办) through the command line on the reference plan (南科协〔2017〕12号), imported as the
 * README does, in an H2 file store opened from {@code --db} as a user's command line opens it.
 */
class TaskCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    Path dir;
    String db;

    record Result(int exit, String out, String err) {
    }

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createDirectories(Path.of("target", "cli-task-db", UUID.randomUUID().toString())).toAbsolutePath();
        db = dir.resolve("db").toString();
        try (InputStream in = getClass().getResourceAsStream("/nanping-cast-2017-workplan.txt")) {
            Files.writeString(dir.resolve("plan.txt"), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        ok("import", "plan.txt", "--id", "np-2017");
        ok("units", "add", "nanping-kx", "南平市科协");
        ok("units", "add", "yanping-kx", "延平区科协", "--parent", "nanping-kx");
        Files.write(dir.resolve("minutes.pdf"), "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII));
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db", db));
        if (!List.of(args).contains("--lang")) {
            all.addAll(List.of("--lang", "zh"));
        }
        all.addAll(List.of(args));
        CliEnvironment e = new CliEnvironment(new PrintWriter(out), new PrintWriter(err), Map.of(), false, false,
                "tester", Cli.CLOCK, StoreOpener.standard(), dir);
        int code = Main.run(e, all.toArray(new String[0]));
        return new Result(code, out.toString(), err.toString());
    }

    Result ok(String... args) {
        Result r = run(args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    JsonNode json(String... args) throws Exception {
        return JSON.readTree(ok(args).out());
    }

    /** Assigns every task with nanping-kx as the lead and acknowledges task 2.4 for it. */
    void assignedAndAcknowledged() {
        ok("task", "assign", "np-2017", "--all", "--lead", "nanping-kx");
        ok("task", "ack", "np-2017", "2.4", "--unit", "nanping-kx", "--note", "已签收，由学会部办理");
    }

    @Test
    void theWholeCycleOnTheReferencePlan() throws Exception {
        Result settings = ok("task", "settings", "np-2017", "--review", "on");
        assertThat(settings.out()).contains("复核: 开").contains("2017-Q2").contains("2017-07-05");

        Result assign = ok("task", "assign", "np-2017", "--all", "--lead", "nanping-kx");
        assertThat(assign.out()).contains("已交办 18 项任务").contains("任务 2.4 → 已交办");
        Result ack = ok("task", "ack", "np-2017", "2.4", "--unit", "nanping-kx", "--note", "已签收");
        assertThat(ack.out()).contains("任务 2.4 → 已签收（签收：tester，nanping-kx，2017-07-15 10:00 +08:00");

        Result report = ok("task", "report", "np-2017", "2.4", "--unit", "nanping-kx", "--period", "2017-Q2",
                "--progress", "组织120家企业注册科技信息数据库平台", "--problems", "部分县区进度偏慢", "--next", "下季度完成200家",
                "--state", "on-schedule", "--figure", "2.4.1=120", "--evidence", "minutes.pdf",
                "--evidence", "https://example.org/notice");
        assertThat(report.out()).contains("已上传佐证文件").contains("minutes.pdf（application/pdf").contains("待复核");

        JsonNode queue = json("task", "reviews", "np-2017", "--json");
        assertThat(queue).hasSize(1);
        String first = queue.get(0).get("id").asText();
        assertThat(queue.get(0).get("figures").get(0).get("value").asDouble()).isEqualTo(120.0);
        // pending: the figure does not count yet, and the status says a report waits
        assertThat(current("2.4.1")).isZero();
        assertThat(ok("status", "np-2017", "--lang", "zh").out()).contains("另有 1 份进展报告待复核");

        Result back = ok("task", "review", "np-2017", first, "--return", "--reason", "请补充县区明细");
        assertThat(back.out()).contains("已退回").contains("请补充县区明细");
        assertThat(json("task", "reviews", "np-2017", "--json")).isEmpty();

        ok("task", "report", "np-2017", "2.4", "--unit", "nanping-kx", "--period", "2017-Q2", "--progress",
                "组织120家企业注册，附县区明细", "--figure", "2.4.1=120", "--evidence", "minutes.pdf");
        JsonNode again = json("task", "reviews", "np-2017", "--format", "json");
        assertThat(again).hasSize(1);
        assertThat(again.get(0).get("supersedes").asText()).isEqualTo(first);
        assertThat(ok("task", "review", "np-2017", again.get(0).get("id").asText(), "--approve").out())
                .contains("已通过");
        assertThat(current("2.4.1")).isEqualTo(120.0);
        assertThat(ok("status", "np-2017", "--lang", "zh").out()).doesNotContain("待复核");

        ok("task", "request-close", "np-2017", "2.4", "--unit", "nanping-kx", "--note", "已完成");
        assertThat(ok("task", "return", "np-2017", "2.4", "--reason", "尚未达到200家").out()).contains("→ 已退回");
        ok("task", "request-close", "np-2017", "2.4", "--unit", "nanping-kx", "--note", "已完成200家");
        assertThat(ok("task", "close", "np-2017", "2.4", "--note", "同意办结").out()).contains("→ 已办结");

        Result list = ok("task", "list", "np-2017");
        String row = list.out().lines().filter(l -> l.startsWith("2.4 ")).findFirst().orElseThrow();
        assertThat(row).contains("已办结").contains("nanping-kx").contains("2017-12-31");
        JsonNode item = find(json("task", "list", "np-2017", "--json"), "2.4");
        assertThat(item.get("state").asText()).isEqualTo("CLOSED");
        assertThat(item.get("status").asText()).isEqualTo("ACHIEVED");
        assertThat(row).contains(item.get("reasonZh").asText()); // piped: the reason is given whole

        Result show = ok("task", "show", "np-2017", "2.4");
        assertThat(show.out()).contains("进展情况: 组织120家企业注册科技信息数据库平台").contains("存在问题: 部分县区进度偏慢")
                .contains("下步计划: 下季度完成200家").contains("数据: 2.4.1 = 120").contains("复核: 已退回  tester")
                .contains("请补充县区明细").contains("https://example.org/notice").contains("minutes.pdf")
                .contains("申请办结 → 申请办结").contains("办结 → 已办结").contains("+08:00").contains("2017-Q2");
        JsonNode detail = json("task", "show", "np-2017", "2.4", "--json");
        assertThat(detail.get("reports")).hasSize(2);
        assertThat(detail.get("reports").get(0).get("reviewState").asText()).isEqualTo("RETURNED");
        assertThat(detail.get("reports").get(1).get("reviewState").asText()).isEqualTo("APPROVED");
        assertThat(detail.get("files")).hasSize(2);
        assertThat(detail.get("timeline").get(detail.get("timeline").size() - 1).get("action").asText())
                .isEqualTo("CLOSE");

        ok("task", "ack", "np-2017", "1.1");
        ok("task", "report", "np-2017", "1.1", "--progress", "新建院士专家工作站2家", "--state", "behind");
        String cal = ok("calendar", "np-2017", "--as-of", "2017-10-10", "--unit", "nanping-kx", "--csv").out();
        assertThat(cal).contains("1.1,nanping-kx,yes,2017-Q3,2017-07-01,2017-09-30,2017-10-05,按时报送,2017-07-15 10:00 +08:00")
                .contains("2.3,nanping-kx,yes,2017-Q3,2017-07-01,2017-09-30,2017-10-05,缺报,,")
                .doesNotContain("\n2.4,");
        assertThat(ok("calendar", "np-2017", "--as-of", "2017-07-15").out()).contains("待报送")
                .contains("按时报送 1，迟报 0，缺报 0，待报送 16");
        assertThat(ok("--lang", "en", "calendar", "np-2017", "--as-of", "2017-10-10").out())
                .contains("on time").contains("missing");
    }

    @Test
    void badReportsAreRefusedNamingTheOptionAndStoreNothing() throws Exception {
        assignedAndAcknowledged();
        Files.write(dir.resolve("scan.pdf"), new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0});

        Result empty = run("task", "report", "np-2017", "2.4", "--progress", " ", "--evidence", "minutes.pdf");
        assertThat(empty.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(empty.err()).contains("--progress").contains("进展情况不能为空");

        Result period = run("task", "report", "np-2017", "2.4", "--progress", "进展", "--period", "2018-Q1",
                "--evidence", "minutes.pdf");
        assertThat(period.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(period.err()).contains("--period").contains("2018-Q1");

        Result exe = run("task", "report", "np-2017", "2.4", "--progress", "进展", "--evidence", "scan.pdf");
        assertThat(exe.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(exe.err()).contains("--evidence").contains("scan.pdf").contains("可执行程序");

        Result figure = run("task", "report", "np-2017", "2.4", "--progress", "进展", "--figure", "9.9.9=1");
        assertThat(figure.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(figure.err()).contains("--figure").contains("a target of task 2.4");

        Result notHers = run("task", "report", "np-2017", "2.4", "--unit", "yanping-kx", "--progress", "进展",
                "--evidence", "minutes.pdf");
        assertThat(notHers.exit()).isEqualTo(ExitCode.ACCESS_DENIED);
        assertThat(notHers.err()).contains("yanping-kx").contains("非本单位任务");

        Result state = run("task", "report", "np-2017", "2.4", "--progress", "进展", "--state", "soon");
        assertThat(state.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(state.err()).contains("--state").contains("on-schedule, behind or done");

        JsonNode detail = json("task", "show", "np-2017", "2.4", "--json");
        assertThat(detail.get("reports")).isEmpty();
        assertThat(detail.get("files")).isEmpty();
    }

    @Test
    void aReportOnAClosedTaskIsAConflictAndStoresNothing() throws Exception {
        assignedAndAcknowledged();
        ok("task", "request-close", "np-2017", "2.4", "--unit", "nanping-kx");
        ok("task", "close", "np-2017", "2.4");

        Result r = run("task", "report", "np-2017", "2.4", "--progress", "补报", "--evidence", "minutes.pdf");
        assertThat(r.exit()).isEqualTo(ExitCode.CONFLICT);
        assertThat(r.err()).contains("已办结").contains("closed");
        Result plain = run("task", "report", "np-2017", "2.4", "--progress", "补报");
        assertThat(plain.exit()).isEqualTo(ExitCode.CONFLICT);
        assertThat(plain.err()).contains("已办结");

        JsonNode detail = json("task", "show", "np-2017", "2.4", "--json");
        assertThat(detail.get("reports")).isEmpty();
        assertThat(detail.get("files")).isEmpty();

        Result reopen = ok("task", "reopen", "np-2017", "2.4", "--reason", "复查发现数据有误");
        assertThat(reopen.out()).contains("→ 办理中");
    }

    @Test
    void illegalStepsNameTheStateAndEmptyReasonsNameTheOption() {
        ok("task", "assign", "np-2017", "1.1", "--lead", "nanping-kx", "--partner", "yanping-kx", "--due",
                "2017-09-30");
        Result close = run("task", "close", "np-2017", "1.1");
        assertThat(close.exit()).isEqualTo(ExitCode.CONFLICT);
        assertThat(close.err()).contains("当前为「已交办」").contains("is assigned");

        Result reason = run("task", "reopen", "np-2017", "1.1", "--reason", " ");
        assertThat(reason.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(reason.err()).contains("--reason");

        Result due = run("task", "assign", "np-2017", "1.2", "--lead", "nanping-kx", "--due", "2018-03-01");
        assertThat(due.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(due.err()).contains("--due").contains("2018-03-01");

        Result unit = run("task", "assign", "np-2017", "1.2", "--lead", "nobody");
        assertThat(unit.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(unit.err()).contains("--lead").contains("nobody");

        Result neither = run("task", "assign", "np-2017");
        assertThat(neither.exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aStatusSetByHandShowsAsSuchUntilCleared() throws Exception {
        ok("task", "assign", "np-2017", "1.1", "--lead", "nanping-kx");
        assertThat(ok("task", "status", "np-2017", "1.1", "--set", "behind", "--reason", "领导批示督办").out())
                .contains("「落后」").contains("领导批示督办");
        JsonNode item = find(json("task", "list", "np-2017", "--json"), "1.1");
        assertThat(item.get("status").asText()).isEqualTo("BEHIND");
        assertThat(item.get("manual").asBoolean()).isTrue();

        Result bad = run("task", "status", "np-2017", "1.1", "--set", "soonish", "--reason", "x");
        assertThat(bad.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(bad.err()).contains("--set").contains("soonish");

        ok("task", "status", "np-2017", "1.1", "--clear", "--reason", "已整改");
        assertThat(find(json("task", "list", "np-2017", "--json"), "1.1").get("manual").asBoolean()).isFalse();
    }

    @Test
    void aUnitsListShowsWhatItStillOwes() throws Exception {
        ok("task", "settings", "np-2017", "--calendar", "monthly", "--deadline-day", "25");
        JsonNode s = json("task", "settings", "np-2017", "--json");
        assertThat(s.get("frequency").asText()).isEqualTo("MONTHLY");
        assertThat(s.get("periods")).hasSize(12);
        assertThat(s.get("periods").get(5).get("deadline").asText()).isEqualTo("2017-06-25");

        ok("task", "assign", "np-2017", "1.1", "--lead", "nanping-kx", "--partner", "yanping-kx");
        Result mine = ok("task", "list", "np-2017", "--unit", "yanping-kx", "--as-of", "2017-07-15");
        assertThat(mine.out()).contains("OWES").contains("1.1 ").doesNotContain("\n1.2 ");
        JsonNode items = json("task", "list", "np-2017", "--unit", "yanping-kx", "--json");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("open").get(0).get("unitId").asText()).isEqualTo("yanping-kx");

        Result unknown = run("task", "list", "np-2017", "--unit", "nobody");
        assertThat(unknown.exit()).isEqualTo(ExitCode.NOT_FOUND);
        Result badDay = run("task", "settings", "np-2017", "--deadline-day", "40");
        assertThat(badDay.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(badDay.err()).contains("--deadline-day").contains("40");
    }

    private double current(String targetId) throws Exception {
        JsonNode status = json("status", "np-2017", "--as-of", "2017-07-15", "--format", "json");
        for (JsonNode t : status.get("targets")) {
            if (t.get("id").asText().equals(targetId)) {
                return t.get("current").asDouble();
            }
        }
        throw new AssertionError("no target " + targetId);
    }

    private static JsonNode find(JsonNode items, String id) {
        for (JsonNode i : items) {
            if (i.get("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no task " + id + " in " + items);
    }
}
