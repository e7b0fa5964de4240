package org.plantrack.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.store.ReportQuery;

/** The command line in-process, as a user runs it: arguments in, text and an exit code out. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() {
        InMemoryPlanStore store = InMemoryPlanStore.create();
        Cli.seed(store);
        cli = new Cli(store, dir);
    }

    // ------------------------------------------------------------ help, version, usage

    @Test
    void helpListsEveryCommandOnOneLineAndTheExitCodes() {
        Cli.Result r = cli.run("--help");
        assertThat(r.exit()).isEqualTo(0);
        for (String c : new String[] {"import", "plans", "show", "status", "progress", "report", "summary", "audit",
            "units", "token", "webhook", "serve", "completion"}) {
            assertThat(r.out()).containsPattern("(?m)^  " + c + " +\\S.*$");
        }
        assertThat(r.out()).doesNotContain("__warmup");
        assertThat(r.out()).contains("Exit codes:").contains("3    not found").contains("5    store unavailable");
        String commands = r.out().substring(r.out().indexOf("Commands:"), r.out().indexOf("Exit codes:"));
        assertThat(commands.lines().filter(l -> l.startsWith("        ")).count())
                .as("every command described on one line:%n%s", commands).isZero();
    }

    @Test
    void versionNamesTheBuild() {
        Cli.Result r = cli.run("--version");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).startsWith("plantrack ").contains("Java 17");
    }

    @Test
    void anUnknownCommandIsAUsageErrorOnOneLine() {
        Cli.Result r = cli.run("stauts", "np-test");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).startsWith("plantrack: ").contains("stauts");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        Cli.Result r = cli.run("status");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("PLAN").contains("plantrack status --help");
    }

    // ------------------------------------------------------------ plans, show

    @Test
    void plansAsTableJsonAndCsv() throws Exception {
        Cli.Result table = cli.run("plans");
        assertThat(table.exit()).isEqualTo(0);
        assertThat(table.out()).contains("np-test").contains("南平市科协2017年工作要点").contains("南科协〔2017〕12号");

        Cli.Result json = cli.run("plans", "--format", "json");
        JsonNode plans = JSON.readTree(json.out());
        assertThat(plans.isArray()).isTrue();
        assertThat(plans.get(0).get("id").asText()).isEqualTo("np-test");
        assertThat(plans.get(0).get("targets").asInt()).isEqualTo(5);
        assertThat(plans.get(0).get("periodStart").asText()).isEqualTo("2017-01-01");

        Cli.Result csv = cli.run("plans", "--format", "csv");
        assertThat(csv.out().lines().findFirst().orElseThrow()).isEqualTo("id,title,document,period,state,version,targets");
        assertThat(csv.out()).contains("np-test,南平市科协2017年工作要点,南科协〔2017〕12号,2017-01-01..2017-12-31,ACTIVE,1,5");
    }

    @Test
    void showPrintsTheStructureWithIdsAndUnknownGoals() throws Exception {
        Cli.Result r = cli.run("show", "np-test");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("1. 服务创新驱动发展").contains("1.1.2").contains("200 家").contains("2.1.2");
        assertThat(r.out()).containsPattern("1\\.1\\.1 +count +\\?");

        JsonNode plan = JSON.readTree(cli.run("show", "np-test", "--format", "json").out());
        JsonNode t = plan.get("sections").get(0).get("tasks").get(0).get("targets").get(0);
        assertThat(t.get("id").asText()).isEqualTo("1.1.1");
        assertThat(t.get("goal").isNull()).isTrue();
        assertThat(plan.get("documentNumber").asText()).isEqualTo("南科协〔2017〕12号");
        // the exchange format: core's reader takes it back as the stored plan
        assertThat(org.plantrack.core.exchange.PlanJson.read(cli.run("show", "np-test", "--format", "json").out()))
                .isEqualTo(cli.store.findPlan("np-test").orElseThrow());
    }

    @Test
    void anUnknownPlanIsNotFound() {
        Cli.Result r = cli.run("show", "nope");
        assertThat(r.exit()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(r.err()).isEqualTo("plantrack: plan 'nope' does not exist\n");
    }

    // ------------------------------------------------------------ status

    @Test
    void statusShowsEachTargetAndTheRollUp() {
        cli.run("progress", "add", "np-test", "1.1.2", "150", "--as-of", "2017-06-30");
        Cli.Result r = cli.run("status", "np-test", "--as-of", "2017-06-30");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("as of 2017-06-30").contains("Overall:");
        assertThat(r.out()).containsPattern("1\\.1\\.2 +on track +75%");
        assertThat(r.out()).containsPattern("1\\.1\\.1 +not evaluable");
        assertThat(r.out()).doesNotContain("\u001B[");
    }

    @Test
    void statusInChineseAlignsTheColumnsByDisplayWidth() {
        Cli.Result r = cli.run("--lang", "zh", "status", "np-test", "--as-of", "2017-06-30");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("总体").contains("无法评价");
        java.util.List<String> rows = r.out().lines().filter(l -> l.matches("^(TARGET|\\d\\.\\d\\.\\d) .*")).toList();
        assertThat(rows).hasSize(6);
        int due = DisplayWidth.of(rows.get(0).substring(0, rows.get(0).indexOf("DUE")));
        for (String row : rows.subList(1, rows.size())) {
            assertThat(DisplayWidth.of(row.substring(0, row.indexOf("2017-12-31")))).as(row).isEqualTo(due);
        }
    }

    @Test
    void statusFiltersByStatusAndUnit() throws Exception {
        cli.run("progress", "add", "np-test", "2.1.1", "10", "--as-of", "2017-06-30");
        Cli.Result behind = cli.run("status", "np-test", "--as-of", "2017-06-30", "--only", "behind,overdue",
                "--format", "json");
        JsonNode targets = JSON.readTree(behind.out()).get("targets");
        assertThat(targets).isNotEmpty();
        targets.forEach(t -> assertThat(t.get("status").asText()).isIn("BEHIND", "OVERDUE"));

        Cli.Result unit = cli.run("status", "np-test", "--as-of", "2017-06-30", "--unit", "yanping-kx",
                "--format", "json");
        JsonNode u = JSON.readTree(unit.out());
        assertThat(u.get("targets")).extracting(t -> t.get("id").asText()).containsExactly("2.1.1", "2.1.2");
        assertThat(u.get("plan").get("level").asText()).isEqualTo("UNIT");

        Cli.Result bad = cli.run("status", "np-test", "--only", "late");
        assertThat(bad.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(bad.err()).contains("--only").contains("'late'");
    }

    @Test
    void statusJsonIsStableAndParsesBack() throws Exception {
        JsonNode s = JSON.readTree(cli.run("status", "np-test", "--as-of", "2017-06-30", "--preset",
                "cn-supervision", "--format", "json").out());
        assertThat(s.get("planId").asText()).isEqualTo("np-test");
        assertThat(s.get("asOf").asText()).isEqualTo("2017-06-30");
        assertThat(s.get("preset").asText()).isEqualTo("cn-supervision");
        assertThat(s.get("plan").get("counts").get("NOT_EVALUABLE").asInt()).isEqualTo(1);
        JsonNode t = s.get("targets").get(1);
        assertThat(t.fieldNames()).toIterable().containsExactly("id", "description", "status", "warning", "ruleId",
                "reasonZh", "reasonEn", "current", "goal", "measure", "completion", "expected", "dueDate",
                "lastReportDate", "reportCount", "stale", "units");
        assertThat(t.get("warning").asText()).isIn("NONE", "BLUE", "YELLOW", "RED");
    }

    @Test
    void aWrongDateIsAnInputErrorThatShowsTheExpectedForm() {
        Cli.Result r = cli.run("status", "np-test", "--as-of", "2017-13-01");
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("--as-of").contains("YYYY-MM-DD").contains("'2017-13-01'");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void coloursOnlyOnATerminalAndNeverWithNoColor() {
        cli.stdoutTerminal = true;
        assertThat(cli.run("status", "np-test", "--as-of", "2017-06-30").out()).contains("\u001B[");
        cli.env.put("NO_COLOR", "1");
        assertThat(cli.run("status", "np-test", "--as-of", "2017-06-30").out()).doesNotContain("\u001B[");
    }

    // ------------------------------------------------------------ progress

    @Test
    void progressAddStoresAReportAndShowsTheNewStatus() {
        Cli.Result r = cli.run("progress", "add", "np-test", "1.1.2", "120", "--mode", "set", "--as-of",
                "2017-06-30", "--note", "上半年", "--evidence", "https://example.org/a", "https://example.org/b");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("Recorded report").contains("1.1.2 = 120 家 as of 2017-06-30").contains("Now:");
        var reports = cli.store.reports(ReportQuery.plan("np-test"));
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).reporter()).isEqualTo("tester");
        assertThat(reports.get(0).evidence()).containsExactly("https://example.org/a", "https://example.org/b");
        assertThat(reports.get(0).note()).isEqualTo("上半年");
    }

    @Test
    void progressAddRejectsAnInvalidValueNamingTheField() {
        Cli.Result r = cli.run("progress", "add", "np-test", "1.1.2", "-3", "--mode", "set", "--as-of", "2017-06-30");
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).isEqualTo("plantrack: report.value: a count of 0 or more, found -3.0\n");
        assertThat(cli.store.reports(ReportQuery.plan("np-test"))).isEmpty();
    }

    @Test
    void aValueThatIsNotANumberIsSaidPlainly() {
        Cli.Result r = cli.run("progress", "add", "np-test", "1.1.2", "abc");
        assertThat(r.exit()).as("a bad argument value is an input error").isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("VALUE").contains("a number such as 120 or 2.5, found 'abc'")
                .doesNotContain("double");
        assertThat(cli.run("progress", "add", "np-test", "1.1.2", "NaN").err()).contains("found 'NaN'");
    }

    @Test
    void progressAddRefusesADateAfterToday() {
        Cli.Result r = cli.run("progress", "add", "np-test", "1.1.2", "3", "--as-of", "2017-08-01");
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("report.asOf").contains("2017-08-01");
    }

    @Test
    void progressAddWithAKeyRecordsOnceAndRefusesTheKeyForOtherValues() {
        Cli.Result first = cli.run("progress", "add", "np-test", "1.1.2", "5", "--as-of", "2017-06-30", "--key", "q2-a");
        Cli.Result again = cli.run("progress", "add", "np-test", "1.1.2", "5", "--as-of", "2017-06-30", "--key", "q2-a");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("Recorded report idem-");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("Already recorded (same --key): report idem-");
        assertThat(cli.store.reports(ReportQuery.plan("np-test"))).hasSize(1);

        Cli.Result other = cli.run("progress", "add", "np-test", "1.1.2", "6", "--as-of", "2017-06-30", "--key", "q2-a");
        assertThat(other.exit()).isEqualTo(ExitCode.CONFLICT);
        assertThat(other.err()).contains("idempotency key 'q2-a'").contains("use a new key");
        Cli.Result bad = cli.run("progress", "add", "np-test", "1.1.2", "6", "--key", "a key");
        assertThat(bad.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(bad.err()).contains("Idempotency-Key");
        assertThat(cli.store.reports(ReportQuery.plan("np-test"))).hasSize(1);
    }

    @Test
    void progressCorrectReplacesAReportOnceAndKeepsBoth() throws Exception {
        cli.run("progress", "add", "np-test", "1.1.2", "50", "--mode", "set", "--as-of", "2017-06-30");
        String id = cli.store.reports(ReportQuery.plan("np-test")).get(0).id();

        Cli.Result fix = cli.run("progress", "correct", "np-test", id, "60", "--mode", "set", "--note", "补报");
        assertThat(fix.exit()).as(fix.err()).isZero();
        assertThat(fix.out()).startsWith("Recorded correction report ").contains("1.1.2 = 60 家 as of 2017-06-30")
                .contains("replacing " + id);
        var reports = cli.store.reports(ReportQuery.plan("np-test"));
        assertThat(reports).hasSize(2);
        var correction = reports.stream().filter(x -> x.supersedes() != null).findFirst().orElseThrow();
        assertThat(correction.supersedes()).isEqualTo(id);
        assertThat(correction.note()).isEqualTo("补报");
        assertThat(correction.asOf()).as("the corrected report's date by default").hasToString("2017-06-30");

        Cli.Result twice = cli.run("progress", "correct", "np-test", id, "61", "--mode", "set");
        assertThat(twice.exit()).isEqualTo(ExitCode.CONFLICT);
        assertThat(twice.err()).contains("already corrected by '" + correction.id() + "'");
        Cli.Result missing = cli.run("progress", "correct", "np-test", "no-such-report", "1");
        assertThat(missing.exit()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(missing.err()).contains("report 'no-such-report' does not exist in plan np-test");
        assertThat(cli.store.reports(ReportQuery.plan("np-test"))).hasSize(2);
    }

    @Test
    void progressListByUnitShowsTheReportsOnItsTargets() throws Exception {
        cli.run("progress", "add", "np-test", "1.1.2", "5", "--as-of", "2017-02-01");
        cli.run("progress", "add", "np-test", "2.1.1", "7", "--as-of", "2017-02-01");
        JsonNode yanping = JSON.readTree(cli.run("progress", "list", "np-test", "--unit", "yanping-kx", "--format",
                "json").out());
        assertThat(yanping).hasSize(1);
        assertThat(yanping.get(0).get("targetId").asText()).isEqualTo("2.1.1");
        // 2.1.1 names its own unit, so the lead unit of its task sees only 1.1.2
        JsonNode nanping = JSON.readTree(cli.run("progress", "list", "np-test", "--unit", "nanping-kx", "--format",
                "json").out());
        assertThat(nanping).hasSize(1);
        assertThat(nanping.get(0).get("targetId").asText()).isEqualTo("1.1.2");
        Cli.Result unknown = cli.run("progress", "list", "np-test", "--unit", "nobody");
        assertThat(unknown.exit()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(unknown.err()).contains("unit 'nobody' does not exist");
    }

    @Test
    void recordedTimesAreLocalAndNothingIsCutWhenPiped() {
        String longNote = "上半年在全市十个县（市、区）开展企业科技人员培训，共培训企业工程师一百二十名，超过序时进度，下半年继续推进";
        cli.run("progress", "add", "np-test", "1.1.2", "5", "--as-of", "2017-07-01", "--note", longNote);

        String piped = cli.run("progress", "list", "np-test").out();
        assertThat(piped).contains("2017-07-15 10:00 +08:00").as("the note whole when piped").contains(longNote);
        assertThat(cli.run("progress", "list", "np-test", "--format", "csv").out()).contains("2017-07-15 10:00 +08:00");
        cli.env.put("PLANTRACK_TZ", "UTC");
        assertThat(cli.run("progress", "list", "np-test").out()).contains("2017-07-15 02:00 Z");
        cli.stdoutTerminal = true;
        assertThat(cli.run("progress", "list", "np-test").out()).as("cut on a screen").doesNotContain(longNote)
                .contains("…");

        cli.stdoutTerminal = false;
        String status = cli.run("status", "np-test", "--as-of", "2017-07-01").out();
        assertThat(status.lines().filter(l -> l.startsWith("1.1.2")).findFirst().orElseThrow())
                .as("the reason whole when piped").doesNotContain("…");
    }

    @Test
    void progressListShowsReportsInEveryFormat() throws Exception {
        cli.run("progress", "add", "np-test", "1.1.2", "5", "--as-of", "2017-02-01");
        JsonNode list = JSON.readTree(cli.run("progress", "list", "np-test", "--format", "json").out());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("mode").asText()).isEqualTo("ADD");
        assertThat(cli.run("progress", "list", "np-test", "--format", "csv").out())
                .startsWith("id,target,as_of,value,mode,reporter,recorded_at,supersedes,note\n");
    }

    @Test
    void progressImportStoresEveryRowOfAGoodFile() throws Exception {
        Files.writeString(dir.resolve("good.csv"), "\uFEFFplan,target,as_of,value,mode,note,evidence\n"
                + "np-test,1.1.2,2017-03-31,50,set,一季度,https://a.example/1 https://a.example/2\n"
                + "np-test,1.1.2,2017-06-30,30,add,,\n"
                + "np-test,2.1.1,2017-06-30,100,,\"培训, 第一期\",\n");
        Cli.Result r = cli.run("progress", "import", "good.csv");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("Stored 3 reports from good.csv (UTF-8 (BOM))");
        assertThat(r.err()).isEmpty();
        assertThat(cli.store.reports(ReportQuery.plan("np-test"))).hasSize(3);
    }

    @Test
    void progressImportReadsGbk() throws Exception {
        Files.write(dir.resolve("gbk.csv"), ("plan,target,as_of,value,note\n"
                + "np-test,2.1.1,2017-05-01,12,延平区第一期培训\n").getBytes(Charset.forName("GBK")));
        Cli.Result r = cli.run("progress", "import", "gbk.csv");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("GB18030");
        assertThat(cli.store.reports(ReportQuery.plan("np-test")).get(0).note()).isEqualTo("延平区第一期培训");
    }

    private Path badCsv() throws Exception {
        return Files.writeString(dir.resolve("progress.csv"), "plan,target,as_of,value,mode\n"
                + "np-test,1.1.2,2017-03-31,50,set\n"      // row 2 ok
                + "np-test,9.9.9,2017-03-31,5,add\n"       // row 3 unknown target
                + "np-test,1.1.2,2017/04/01,5,add\n"       // row 4 bad date
                + "np-test,2.1.1,2017-04-01,10,add\n"      // row 5 ok
                + "np-test,1.1.2,2017-05-01,abc,add\n"     // row 6 not a number
                + "np-test,1.1.2,2017-06-01,-3,set\n"      // row 7 negative count
                + "nope,1.1.2,2017-06-01,1,set\n"          // row 8 unknown plan
                + "np-test,1.1.2,2017-06-01,1,maybe\n",    // row 9 bad mode
                StandardCharsets.UTF_8);
    }

    @Test
    void progressImportAllOrNothingReportsEveryBadRowAndStoresNothing() throws Exception {
        badCsv();
        Cli.Result r = cli.run("progress", "import", "progress.csv");
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err().lines()).contains(
                "plantrack: progress.csv row 3: target: a target of plan np-test, found '9.9.9'",
                "plantrack: progress.csv row 4: as_of: a date as YYYY-MM-DD (e.g. 2017-06-30), found '2017/04/01'",
                "plantrack: progress.csv row 6: value: a number, found 'abc'",
                "plantrack: progress.csv row 7: value: a count of 0 or more, found -3.0",
                "plantrack: progress.csv row 8: plan: plan 'nope' does not exist",
                "plantrack: progress.csv row 9: mode: add or set, found 'maybe'");
        assertThat(r.err()).contains("nothing stored: 6 of 8 rows are invalid");
        assertThat(r.err()).doesNotContain("\r").doesNotContain("[#");
        assertThat(cli.store.reports(ReportQuery.plan("np-test"))).isEmpty();
    }

    @Test
    void progressImportSkipInvalidStoresTheValidRows() throws Exception {
        badCsv();
        Cli.Result r = cli.run("progress", "import", "progress.csv", "--skip-invalid", "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("stored").asInt()).isEqualTo(2);
        assertThat(j.get("rows").asInt()).isEqualTo(8);
        assertThat(j.get("allOrNothing").asBoolean()).isFalse();
        assertThat(j.get("rejected")).extracting(e -> e.get("row").asInt()).containsExactly(3, 4, 6, 7, 8, 9);
        assertThat(cli.store.reports(ReportQuery.plan("np-test"))).hasSize(2);
    }

    @Test
    void progressImportDrawsABarOnlyOnATerminal() throws Exception {
        Files.writeString(dir.resolve("p.csv"), "plan,target,as_of,value\nnp-test,1.1.2,2017-03-31,50\n");
        cli.stderrTerminal = true;
        Cli.Result r = cli.run("progress", "import", "p.csv");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.err()).contains("\r").contains("[#");
    }

    @Test
    void progressImportOfAMissingFileIsNotFound() {
        Cli.Result r = cli.run("progress", "import", "missing.csv");
        assertThat(r.exit()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(r.err()).isEqualTo("plantrack: file 'missing.csv' does not exist\n");
    }

    @Test
    void progressImportRejectsAnUnknownColumn() throws Exception {
        Files.writeString(dir.resolve("h.csv"), "plan,target,as_of,vlaue\nnp-test,1.1.2,2017-03-31,50\n");
        Cli.Result r = cli.run("progress", "import", "h.csv");
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("h.csv row 1: column 4").contains("'vlaue'");
    }

    @Test
    void progressImportWithIdsRefusesToStoreTheSameFileTwice() throws Exception {
        Files.writeString(dir.resolve("ids.csv"), "id,plan,target,as_of,value\nr-1,np-test,1.1.2,2017-03-31,50\n");
        assertThat(cli.run("progress", "import", "ids.csv").exit()).isEqualTo(0);
        Cli.Result again = cli.run("progress", "import", "ids.csv");
        assertThat(again.exit()).isEqualTo(ExitCode.CONFLICT);
        assertThat(again.err()).contains("ids.csv").contains("r-1");
        assertThat(cli.store.reports(ReportQuery.plan("np-test"))).hasSize(1);
    }

    // ------------------------------------------------------------ report, summary

    @Test
    void reportCsvToAFileStartsWithAByteOrderMark() throws Exception {
        Cli.Result r = cli.run("report", "np-test", "--format", "csv", "--as-of", "2017-06-30", "-o", "out/r.csv");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        byte[] bytes = Files.readAllBytes(dir.resolve("out/r.csv"));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("1.1.2");
        assertThat(r.err()).contains("wrote out/r.csv");
    }

    @Test
    void reportMarkdownAndHtmlToStandardOutput() {
        assertThat(cli.run("report", "np-test", "--format", "md", "--as-of", "2017-06-30").out())
                .contains("南平市科协2017年工作要点");
        assertThat(cli.run("report", "np-test", "--format", "html").out()).containsIgnoringCase("<html");
        Cli.Result bad = cli.run("report", "np-test", "--format", "pdf");
        assertThat(bad.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(bad.err()).contains("md, html, csv");
    }

    @Test
    void summaryDraftsTheYearEndSummaryInChinese() {
        Cli.Result r = cli.run("summary", "np-test", "--as-of", "2017-06-30");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("南平市科协");
    }

    // ------------------------------------------------------------ audit, units, tokens

    @Test
    void auditShowsChangesAndVerifiesTheChain() throws Exception {
        cli.run("progress", "add", "np-test", "1.1.2", "5", "--as-of", "2017-02-01");
        Cli.Result r = cli.run("audit", "np-test");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("plan.create").contains("report.add").contains("tester");
        Cli.Result v = cli.run("audit", "np-test", "--verify");
        assertThat(v.exit()).isEqualTo(0);
        assertThat(v.out()).contains("Audit trail intact");
        JsonNode j = JSON.readTree(cli.run("audit", "np-test", "--verify", "--format", "json").out());
        assertThat(j.get("intact").asBoolean()).isTrue();
    }

    @Test
    void unitsAddAndList() throws Exception {
        Cli.Result add = cli.run("units", "add", "shunchang-kx", "顺昌县科协", "--parent", "nanping-kx");
        assertThat(add.exit()).as(add.err()).isEqualTo(0);
        JsonNode units = JSON.readTree(cli.run("units", "--format", "json").out());
        assertThat(units).extracting(u -> u.get("id").asText()).contains("shunchang-kx", "yanping-kx");
        assertThat(cli.run("units").out()).contains("顺昌县科协");
        Cli.Result orphan = cli.run("units", "add", "x-kx", "某科协", "--parent", "nowhere");
        assertThat(orphan.exit()).isEqualTo(ExitCode.NOT_FOUND);
    }

    @Test
    void webhooksNeedADatabaseStore() {
        Cli.Result r = cli.run("webhook", "list");
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("a database store (an H2 file or PostgreSQL)");
        assertThat(cli.run("webhook").exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void tokensCreateListRevoke() throws Exception {
        JsonNode created = JSON.readTree(cli.run("token", "create", "--role", "reporter", "--unit", "yanping-kx",
                "--label", "延平", "--format", "json").out());
        String id = created.get("id").asText();
        assertThat(created.get("bearer").asText()).startsWith("pt_" + id + ".");
        JsonNode list = JSON.readTree(cli.run("token", "list", "--format", "json").out());
        assertThat(list.get(0).get("id").asText()).isEqualTo(id);
        assertThat(list.get(0).get("bearer").isNull()).isTrue();
        assertThat(cli.run("token", "revoke", id).exit()).isEqualTo(0);
        assertThat(JSON.readTree(cli.run("token", "list", "--format", "json").out()).get(0).get("revoked").asBoolean())
                .isTrue();
        Cli.Result noUnit = cli.run("token", "create", "--role", "reporter");
        assertThat(noUnit.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(cli.run("token", "revoke", "nope").exit()).isEqualTo(ExitCode.NOT_FOUND);
    }

    @Test
    void aTokenGetsAnExpiryInDaysOrAtATimeAndListShowsItInShanghaiTime() throws Exception {
        // the test clock is 2017-07-15T02:00Z = 10:00 in Shanghai
        JsonNode days = JSON.readTree(cli.run("token", "create", "--role", "viewer", "--expires", "30d",
                "--format", "json").out());
        assertThat(days.get("expiresAt").asText()).isEqualTo("2017-08-14T02:00:00Z");
        Cli.Result at = cli.run("token", "create", "--role", "viewer", "--label", "年底", "--expires",
                "2017-12-31T18:00+08:00");
        assertThat(at.exit()).as(at.err()).isZero();
        assertThat(at.out()).contains("expires 2017-12-31 18:00 +08:00");
        String table = cli.run("token", "list").out();
        assertThat(table).contains("EXPIRES AT").contains("2017-08-14 10:00 +08:00").contains("2017-12-31 18:00 +08:00");
        String csv = cli.run("token", "list", "--format", "csv").out();
        assertThat(csv).contains("expires_at").contains("2017-08-14 10:00 +08:00");
        assertThat(JSON.readTree(cli.run("token", "list", "--format", "json").out()))
                .anySatisfy(t -> assertThat(t.get("expiresAt").asText()).isEqualTo("2017-12-31T10:00:00Z"));
        cli.env.put("PLANTRACK_TZ", "UTC");
        assertThat(cli.run("token", "list").out()).contains("2017-08-14 02:00 Z");

        for (String bad : java.util.List.of("30", "0d", "-1d", "tomorrow", "2017-07-01T00:00+08:00", "2017-13-01T00:00+08:00")) {
            Cli.Result r = cli.run("token", "create", "--role", "viewer", "--expires", bad);
            assertThat(r.exit()).as(bad + ": " + r.err()).isIn(ExitCode.USAGE, ExitCode.INPUT);
            assertThat(r.err()).as(bad).contains("--expires").contains(bad);
        }
        assertThat(JSON.readTree(cli.run("token", "list", "--format", "json").out())).hasSize(2);
    }

    @Test
    void completionScriptForBash() {
        Cli.Result r = cli.run("completion", "bash");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("complete -F").contains("plantrack").contains("progress");
    }
}
