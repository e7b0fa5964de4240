package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.plantrack.adapter.rest.internal.Demo;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Unit;
import org.plantrack.core.supervision.TaskBoard;
import org.plantrack.core.supervision.TaskRecord;
import org.plantrack.core.supervision.TaskState;

/**
 * The supervision cycle (督查督办) in a real browser (headless Chromium, Selenium) against a running server with the
 * reference plan, as the two people who do it: a supervisor (督查员) and a reporter of the task's lead unit. Task
 * 2.4 goes assign → acknowledge → report → return (with a reason) → resubmit → approve → request completion →
 * return → request completion → close, with "reports need review" switched on in the dashboard; task 3.4's status
 * is set by hand. At each step the test reads what the person sees
 * (Chinese labels, state, the returned reason, the figure counting only once approved) and checks the store
 * agrees. Screenshots at 1366 and 390 px go to {@code target/screenshots/supervision-*.png}. No SEVERE browser log
 * entry is allowed but the two 400s the test provokes (an empty 进展情况, a status set by hand without a reason).
 *
 * <p>Needs /usr/bin/chromium and /usr/bin/chromedriver ({@code .ci/browser-setup}); skipped without them,
 * except under CI=true, where their absence fails the build.
 */
class DashboardSupervisionIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String PLAN = Demo.PLAN_ID;
    static final String TASK = "2.4";
    static final String UNIT = "yanping-kx";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2017-06-30 18:00 in Shanghai (10:00 UTC): the server's clock, so every step is recorded then. */
    static final Clock CLOCK = Clock.fixed(LocalDate.of(2017, 6, 30).atTime(18, 0).atZone(SHANGHAI).toInstant(),
            SHANGHAI);
    static final String RETURN_REASON = "请补充企业注册名单作为佐证";

    static PlantrackServer server;
    static PlanTracker tracker;
    static ChromeDriver driver;
    static WebDriverWait wait;
    static Path profile;
    static String base;
    static String supervisor;
    static String reporter;
    static Path evidencePdf;
    static final List<String> severe = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            assertThat(ci).as("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: run .ci/browser-setup")
                    .isFalse();
            Assumptions.abort(CHROMIUM + " or " + CHROMEDRIVER + " is missing (run .ci/browser-setup); browser test skipped");
        }
        server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                .db(Fixtures.h2("DashboardSupervisionIT")).demo(true).clock(CLOCK).build());
        tracker = server.tracker();
        base = "http://127.0.0.1:" + server.port();
        Principal system = Principal.system();
        tracker.saveUnit(system, new Unit(UNIT, "延平区科协", null));
        tracker.saveUnit(system, new Unit("jianou-kx", "建瓯市科协", null));
        Plan p = tracker.plan(system, PLAN);
        tracker.assignUnits(system, PLAN, p.version(), TASK, UNIT, List.of("jianou-kx"));
        supervisor = tracker.createToken(system, Role.SUPERVISOR, Set.of(), "市委督查室").bearer();
        reporter = tracker.createToken(system, Role.REPORTER, Set.of(UNIT), "延平区填报员").bearer();
        Files.createDirectories(SHOTS);
        evidencePdf = Path.of("target", "企业注册名单.pdf").toAbsolutePath();
        Files.writeString(evidencePdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
                StandardCharsets.US_ASCII);

        profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1366,768", "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        desktop();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static void desktop() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
    }

    @Test
    void aTaskGoesThroughTheWholeCycleInTheBrowser() {
        try {
            signIn(supervisor);
            overviewShowsEveryTask();
            switchReviewOn();
            assign();
            setAStatusByHand();
            signIn(reporter);
            myTasksShowWhatIsDue();
            acknowledge();
            reportWithAnEmptyFieldThenInFull();
            signIn(supervisor);
            returnTheReport();
            signIn(reporter);
            seeTheReasonAndResubmit();
            signIn(supervisor);
            approve();
            signIn(reporter);
            requestCompletion();
            signIn(supervisor);
            returnTheRequest();
            signIn(reporter);
            requestCompletionAgain();
            signIn(supervisor);
            close();
            assignTheRest();
            english();
            phoneWidth();
            collectLogs();
            assertThat(severe).as("SEVERE browser log entries").isEmpty();
        } catch (RuntimeException | AssertionError e) {
            shot("failure");
            throw new AssertionError("failed on " + driver.getCurrentUrl() + "; page says: "
                    + driver.findElement(By.tagName("main")).getText(), e);
        }
    }

    // ------------------------------------------------------------------ the steps

    void overviewShowsEveryTask() {
        Plan plan = tracker.plan(Principal.system(), PLAN);
        int tasks = plan.sections().stream().mapToInt(s -> s.tasks().size()).sum();
        wait.until(d -> d.findElements(By.cssSelector("#task-table tbody tr")).size() == tasks);
        TaskBoard board = tracker.supervision().board(Principal.system(), PLAN, LocalDate.of(2017, 6, 30));
        for (Status s : Status.values()) {
            assertThat(driver.findElement(By.cssSelector("#task-counts li[data-status='" + s.name() + "'] .n")).getText())
                    .as("tasks " + s).isEqualTo(String.valueOf(board.counts().get(s)));
        }
        WebElement row = taskRow(TASK);
        assertThat(row.getText()).contains("拓展企業科技信息推廣服務").contains("未交办").contains("延平区科协");
        assertThat(text("task-table")).contains("部分").contains("办理状态").contains("牵头单位").contains("判定理由");
        assertThat(text("task-facts")).contains("待复核").contains("迟报").contains("缺报");
        assertThat(driver.findElements(By.cssSelector("li.target"))).as("the target views stay").isNotEmpty();
        assertThat(driver.findElement(By.cssSelector("li.task[data-task='" + TASK + "'] h3 a")).getAttribute("href"))
                .as("each task of the plan's outline opens its task page").endsWith("#/task/" + TASK);
        shot("supervision-overview-1366");
    }

    void switchReviewOn() {
        WebElement box = driver.findElement(By.id("review-required"));
        assertThat(box.isSelected()).isFalse();
        box.click();
        wait.until(d -> text("flash").contains("已保存督办设置"));
        assertThat(driver.findElement(By.id("review-required")).isSelected()).isTrue();
        assertThat(tracker.supervision().settings(Principal.system(), PLAN).reviewRequired()).isTrue();
    }

    void assign() {
        taskRow(TASK).findElement(By.cssSelector("a")).click();
        waitForTask();
        assertThat(text("task-title")).startsWith(TASK + " ");
        assertThat(stateShown()).isEqualTo("none");
        assertThat(new Select(driver.findElement(By.id("t-lead"))).getFirstSelectedOption().getAttribute("value"))
                .as("the plan's lead unit is proposed").isEqualTo(UNIT);
        assertThat(driver.findElement(By.id("t-due")).getAttribute("value")).isEqualTo("2017-12-31");
        driver.findElement(By.id("t-assign-note")).sendKeys("请按季度报送进展");
        driver.findElement(By.id("t-assign")).click();
        waitForState("ASSIGNED");
        assertThat(text("task-status")).contains("已交办");
        scrollTo(driver.findElement(By.id("task-timeline")));
        assertThat(text("task-assignment")).contains("延平区科协").contains("建瓯市科协").contains("2017-12-31");
        WebElement step = driver.findElement(By.cssSelector("#task-timeline li[data-action='ASSIGN']"));
        assertThat(step.getText()).as("who, when in Shanghai time, note").contains("交办").contains("2017-06-30 18:00")
                .contains("请按季度报送进展");
        assertThat(record().state()).contains(TaskState.ASSIGNED);
        shot("supervision-assigned-1366");
    }

    /** Task 3.4 has no numeric target: a supervisor sets its status by hand, first without the reason it needs. */
    void setAStatusByHand() {
        driver.get(base + "/#/task/3.4");
        waitForTask("3.4");
        new Select(driver.findElement(By.id("t-status-value"))).selectByValue("AT_RISK");
        driver.findElement(By.id("t-status")).click();
        wait.until(d -> !d.findElement(By.id("err-t-status-reason")).getText().isEmpty());
        assertThat(text("err-t-status-reason")).as("the server's Chinese words at the reason").contains("人工设定理由");
        collectLogs();
        severe.removeIf(m -> m.contains("/tasks/3.4/status") && m.contains("400"));
        driver.findElement(By.id("t-status-reason")).sendKeys("场地尚未落实");
        driver.findElement(By.id("t-status")).click();
        wait.until(d -> text("flash").contains("已设定任务状态"));
        wait.until(d -> "AT_RISK".equals(d.findElement(By.cssSelector("#task-status .badge")).getAttribute("data-status")));
        assertThat(text("task-status")).contains("有风险").contains("人工设定").contains("场地尚未落实");
        shot("supervision-status-by-hand-1366");
    }

    void myTasksShowWhatIsDue() {
        driver.get(base + "/#/mytasks");
        wait.until(d -> d.findElements(By.cssSelector("#my-tasks tr[data-task='" + TASK + "']")).size() == 1);
        assertThat(driver.findElements(By.cssSelector("#tabs a[data-view='reviews']")).get(0).isDisplayed())
                .as("no review queue for a reporter").isFalse();
        WebElement row = driver.findElement(By.cssSelector("#my-tasks tr[data-task='" + TASK + "']"));
        assertThat(row.getText()).contains("已交办").contains("2017年第二季度").contains("待报送").contains("2017-07-05");
        assertThat(driver.findElements(By.cssSelector("#my-tasks tbody tr"))).as("only its unit's tasks").hasSize(1);
        shot("supervision-mytasks-1366");
    }

    void acknowledge() {
        driver.findElement(By.cssSelector("#my-tasks tr[data-task='" + TASK + "'] a")).click();
        waitForTask();
        assertThat(driver.findElements(By.id("t-assign"))).as("a reporter does not assign").isEmpty();
        driver.findElement(By.id("t-acknowledge")).click();
        waitForState("ACKNOWLEDGED");
        assertThat(text("task-status")).contains("已签收");
        assertThat(record().state()).contains(TaskState.ACKNOWLEDGED);
    }

    void reportWithAnEmptyFieldThenInFull() {
        WebElement form = driver.findElement(By.id("s-form"));
        assertThat(form.getText()).contains("进展情况").contains("存在问题").contains("下步计划").contains("自评");
        assertThat(new Select(driver.findElement(By.id("s-period"))).getFirstSelectedOption().getText())
                .contains("2017年第二季度");
        driver.findElement(By.id("s-problems")).sendKeys("部分企业对平台了解不多");
        driver.findElement(By.id("s-submit")).click();
        wait.until(d -> !d.findElement(By.id("err-s-progress")).getText().isEmpty());
        assertThat(text("err-s-progress")).as("the server's message in Chinese, at the field").contains("进展情况不能为空");
        assertThat(record().reports()).isEmpty();
        collectLogs();
        severe.removeIf(m -> m.contains("/tasks/" + TASK + "/reports") && m.contains("400"));
        shot("supervision-report-error-1366");

        driver.findElement(By.id("s-progress")).sendKeys("已组织120家企业注册安装科技信息数据库平台");
        driver.findElement(By.id("s-nextSteps")).sendKeys("下季度再发动80家企业注册");
        new Select(driver.findElement(By.id("s-assessment"))).selectByValue("ON_SCHEDULE");
        driver.findElement(By.id("s-fig-2.4.1")).sendKeys("120");
        driver.findElement(By.id("s-link")).sendKeys("https://example.org/np/2017-q2-kx.pdf");
        driver.findElement(By.id("s-file")).sendKeys(evidencePdf.toString());
        driver.findElement(By.id("s-submit")).click();
        wait.until(d -> text("flash").contains("已提交进展报告"));
        waitForState("IN_PROGRESS");
        WebElement report = driver.findElement(By.cssSelector("#task-reports article.report"));
        assertThat(report.getAttribute("data-review")).isEqualTo("PENDING");
        assertThat(report.getText()).contains("待复核").contains("已组织120家企业").contains("部分企业对平台了解不多")
                .contains("下季度再发动80家").contains("按计划推进").contains("2.4.1 = 120");
        assertThat(report.findElements(By.cssSelector("a.file-link"))).as("the uploaded file as a download link")
                .hasSize(1);
        assertThat(report.findElement(By.cssSelector("a.file-link")).getText()).contains("企业注册名单.pdf");
        assertThat(report.findElement(By.cssSelector("a.evidence-link")).getAttribute("href"))
                .isEqualTo("https://example.org/np/2017-q2-kx.pdf");
        assertThat(driver.findElements(By.cssSelector("#task-reports .rv-approve"))).as("a reporter does not review")
                .isEmpty();
        assertThat(currentOf("2.4.1")).as("a pending report's figure does not count yet").isZero();
        scrollTo(report);
        shot("supervision-reported-1366");
        downloadsTheEvidence(report.findElement(By.cssSelector("a.file-link")));
    }

    /** The file link downloads the uploaded bytes (an attachment, never opened in the page). */
    void downloadsTheEvidence(WebElement link) {
        Path dir = Path.of("target", "downloads-" + System.nanoTime()).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                    dir.toString()));
            String url = driver.getCurrentUrl();
            link.click();
            Path file = dir.resolve("企业注册名单.pdf");
            wait.until(d -> Files.isRegularFile(file) && file.toFile().length() == evidencePdf.toFile().length());
            assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(evidencePdf));
            assertThat(driver.getCurrentUrl()).as("the page stays").isEqualTo(url);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void returnTheReport() {
        driver.get(base + "/#/reviews");
        wait.until(d -> d.findElements(By.cssSelector("#review-queue .queue-item")).size() == 1);
        WebElement item = driver.findElement(By.cssSelector("#review-queue .queue-item"));
        assertThat(text("review-queue")).contains("复核队列");
        assertThat(item.getText()).contains("已组织120家企业")
                .contains("延平区科协").contains("2017年第二季度");
        item.findElement(By.cssSelector("textarea.rv-reason")).sendKeys(RETURN_REASON);
        shot("supervision-review-queue-1366");
        item.findElement(By.cssSelector("button.rv-return")).click();
        wait.until(d -> d.findElements(By.id("review-empty")).size() == 1);
        assertThat(text("flash")).contains("已退回报告");
        shot("supervision-returned-1366");
    }

    void seeTheReasonAndResubmit() {
        driver.get(base + "/#/task/" + TASK);
        waitForTask();
        WebElement returned = driver.findElement(By.cssSelector("#task-reports article.report[data-review='RETURNED']"));
        assertThat(returned.findElement(By.cssSelector(".returned-reason")).getText())
                .isEqualTo("退回原因：" + RETURN_REASON);
        assertThat(returned.getText()).contains("已退回");
        assertThat(driver.findElements(By.cssSelector("#s-keep input.keep:checked")))
                .as("the returned report's link and file are offered again").hasSize(2);
        scrollTo(returned);
        assertThat(driver.findElement(By.id("s-progress")).getAttribute("value"))
                .as("the resubmission starts from the returned words").isEqualTo("已组织120家企业注册安装科技信息数据库平台");
        shot("supervision-reason-shown-1366");
        driver.findElement(By.id("s-progress")).sendKeys("，附企业注册名单");
        driver.findElement(By.id("s-fig-2.4.1")).sendKeys("120");
        driver.findElement(By.id("s-submit")).click();
        wait.until(d -> text("flash").contains("已提交进展报告"));
        wait.until(d -> d.findElements(By.cssSelector("#task-reports article.report")).size() == 2);
        WebElement latest = driver.findElement(By.cssSelector("#task-reports article.report"));
        assertThat(latest.getAttribute("data-review")).isEqualTo("PENDING");
        assertThat(latest.getText()).contains("附企业注册名单").contains("重报");
        assertThat(latest.findElements(By.cssSelector("a.file-link, a.evidence-link"))).as("evidence kept").hasSize(2);
        assertThat(driver.findElements(By.cssSelector("#task-reports article.report.superseded"))).hasSize(1);
    }

    void approve() {
        driver.get(base + "/#/overview");
        wait.until(d -> d.findElements(By.cssSelector("#task-facts [data-fact='pending'] b")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("#task-facts [data-fact='pending'] b")).getText()).isEqualTo("1");
        driver.get(base + "/#/reviews");
        wait.until(d -> d.findElements(By.cssSelector("#review-queue .queue-item")).size() == 1);
        assertThat(text("review-queue")).contains("附企业注册名单");
        driver.findElement(By.cssSelector("#review-queue button.rv-approve")).click();
        wait.until(d -> d.findElements(By.id("review-empty")).size() == 1);
        assertThat(currentOf("2.4.1")).as("the approved report's figure counts").isEqualTo(120.0);
        driver.get(base + "/#/task/" + TASK);
        waitForTask();
        assertThat(driver.findElement(By.cssSelector("#task-reports article.report")).getAttribute("data-review"))
                .isEqualTo("APPROVED");
        assertThat(driver.findElement(By.cssSelector("#task-reports article.report")).getText()).contains("已通过");
        shot("supervision-approved-1366");
    }

    void requestCompletion() {
        driver.get(base + "/#/task/" + TASK);
        waitForTask();
        driver.findElement(By.id("t-request-text")).sendKeys("200家企业已全部注册");
        driver.findElement(By.id("t-request")).click();
        waitForState("COMPLETION_REQUESTED");
        assertThat(text("task-status")).contains("申请办结");
        assertThat(driver.findElements(By.id("s-form"))).as("no report once completion is requested").isEmpty();
        assertThat(text("task-actions")).contains("当前没有可执行的操作");
        shot("supervision-requested-1366");
    }

    void returnTheRequest() {
        driver.get(base + "/#/task/" + TASK);
        waitForTask();
        assertThat(driver.findElements(By.id("t-assign"))).as("no reassignment while completion is asked").isEmpty();
        driver.findElement(By.id("t-return-text")).sendKeys("请补充培训企业工程师名单");
        driver.findElement(By.id("t-return")).click();
        waitForState("RETURNED");
        assertThat(text("task-status")).contains("已退回");
        assertThat(driver.findElement(By.cssSelector("#task-timeline li[data-action='RETURN']")).getText())
                .contains("退回").contains("请补充培训企业工程师名单");
    }

    void requestCompletionAgain() {
        driver.get(base + "/#/mytasks");
        wait.until(d -> d.findElements(By.cssSelector("#my-tasks tr[data-task='" + TASK + "']")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("#my-tasks tr[data-task='" + TASK + "']")).getText())
                .contains("已退回").contains("按时报送");
        driver.get(base + "/#/task/" + TASK);
        waitForTask();
        assertThat(text("task-timeline")).as("the reporter reads why").contains("请补充培训企业工程师名单");
        driver.findElement(By.id("t-request-text")).sendKeys("已补充工程师名单，200家企业已全部注册");
        driver.findElement(By.id("t-request")).click();
        waitForState("COMPLETION_REQUESTED");
    }

    void close() {
        driver.get(base + "/#/task/" + TASK);
        waitForTask();
        driver.findElement(By.id("t-close-text")).sendKeys("经核实，同意办结");
        driver.findElement(By.id("t-close")).click();
        waitForState("CLOSED");
        assertThat(text("task-status")).contains("已办结");
        assertThat(driver.findElements(By.cssSelector("#task-timeline li")).stream()
                .map(e -> e.getAttribute("data-action")).toList())
                .containsExactly("ASSIGN", "ACKNOWLEDGE", "START", "REQUEST_COMPLETION", "RETURN", "REQUEST_COMPLETION",
                        "CLOSE");
        assertThat(text("task-timeline")).contains("经核实，同意办结").contains("200家企业已全部注册")
                .contains("2017-06-30 18:00").doesNotContain("10:00");
        assertThat(driver.findElements(By.id("t-reopen"))).as("a closed task can be reopened").hasSize(1);
        assertThat(record().state()).contains(TaskState.CLOSED);
        scrollTo(driver.findElement(By.id("task-timeline")));
        shot("supervision-closed-1366");
        driver.get(base + "/#/overview");
        wait.until(d -> d.findElements(By.cssSelector("#task-table tr[data-task='" + TASK + "']")).size() == 1);
        WebElement row = taskRow(TASK);
        assertThat(row.getAttribute("data-state")).isEqualTo("CLOSED");
        assertThat(row.getText()).contains("已办结");
        assertThat(row.getAttribute("data-status")).isEqualTo(tracker.supervision()
                .board(Principal.system(), PLAN, LocalDate.of(2017, 6, 30)).task(TASK).orElseThrow().status().name());
        assertThat(taskRow("3.4").getText()).contains("有风险").contains("人工设定").contains("场地尚未落实");
        shot("supervision-overview-closed-1366");
    }

    /** "全部交办" with a lead for the tasks the plan names none for: then no task is 无法评价 (not evaluable). */
    void assignTheRest() {
        new Select(driver.findElement(By.id("assign-all-lead"))).selectByValue("jianou-kx");
        driver.findElement(By.id("assign-all")).click();
        wait.until(d -> text("flash").contains("已交办"));
        Plan plan = tracker.plan(Principal.system(), PLAN);
        int tasks = plan.sections().stream().mapToInt(s -> s.tasks().size()).sum();
        assertThat(text("flash")).contains("已交办 " + (tasks - 1) + " 项任务");
        assertThat(driver.findElements(By.cssSelector("#task-table tr[data-state='none']"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("#task-counts li[data-status='NOT_EVALUABLE'] .n")).getText())
                .isEqualTo("0");
        assertThat(taskRow("1.2").getText()).contains("已交办").contains("建瓯市科协");
        assertThat(driver.findElements(By.id("assign-all"))).as("nothing left to assign").isEmpty();
        shot("supervision-assigned-all-1366");
    }

    void english() {
        driver.get(base + "/#/task/" + TASK);
        waitForTask();
        driver.findElement(By.id("lang-en")).click();
        wait.until(d -> text("task-status").contains("closed"));
        assertThat(text("task-reports")).contains("Progress").contains("Problems").contains("Next steps")
                .contains("approved");
        shot("supervision-task-en-1366");
        driver.findElement(By.id("lang-zh")).click();
        wait.until(d -> text("task-status").contains("已办结"));
    }

    void phoneWidth() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            driver.get(base + "/#/overview");
            wait.until(d -> d.findElements(By.id("task-table")).size() == 1);
            assertNoSideways("overview");
            Number sideways = (Number) js("const t = document.getElementById('task-table').parentElement;"
                    + " return t.scrollWidth - t.clientWidth");
            assertThat(sideways.intValue()).as("on a phone each task is a card, not a table to scroll").isZero();
            assertThat(taskRow(TASK).getText()).contains("已办结");
            assertThat(taskRow(TASK).findElements(By.tagName("td")).stream().map(td -> td.getAttribute("data-label"))
                    .toList()).as("each cell with its column's label")
                    .containsExactly("部分", "任务", "办理状态", "牵头单位", "截止日期", "状态", "判定理由");
            scrollTo(taskRow(TASK));
            shot("supervision-overview-390");
            driver.get(base + "/#/task/" + TASK);
            waitForTask();
            assertNoSideways("task page");
            shot("supervision-task-390");
            js("document.getElementById('task-reports').scrollIntoView()");
            shot("supervision-task-reports-390");
            driver.get(base + "/#/reviews");
            wait.until(d -> d.findElements(By.id("review-queue")).size() == 1);
            assertNoSideways("review queue");
            shot("supervision-reviews-390");
            signIn(reporter);
            driver.get(base + "/#/mytasks");
            wait.until(d -> d.findElements(By.id("my-tasks")).size() == 1);
            assertNoSideways("my tasks");
            shot("supervision-mytasks-390");
        } finally {
            desktop();
        }
    }

    // ------------------------------------------------------------------ helpers

    void signIn(String token) {
        driver.get(base + "/#/overview");
        js("sessionStorage.clear()");
        driver.navigate().refresh();
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
        input.sendKeys(token);
        driver.findElement(By.id("signin-btn")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signout-btn")));
        wait.until(d -> d.findElements(By.id("task-table")).size() == 1);
    }

    void waitForTask() {
        waitForTask(TASK);
    }

    /** Waits for the page of the task (not the page before, still shown while the new one loads). */
    void waitForTask(String taskId) {
        wait.until(d -> d.findElements(By.id("task-title")).size() == 1
                && d.findElement(By.id("task-title")).getText().startsWith(taskId + " ")
                && "task".equals(d.findElement(By.tagName("body")).getAttribute("data-view")));
    }

    void waitForState(String s) {
        wait.until(d -> s.equals(stateShown()));
    }

    static String stateShown() {
        return driver.findElement(By.cssSelector("#task-status .state")).getAttribute("data-state");
    }

    static WebElement taskRow(String taskId) {
        return driver.findElement(By.cssSelector("#task-table tr[data-task='" + taskId + "']"));
    }

    static TaskRecord record() {
        return tracker.supervision().record(Principal.system(), PLAN, TASK);
    }

    static double currentOf(String targetId) {
        return tracker.evaluate(Principal.system(), PLAN, LocalDate.of(2017, 6, 30)).target(targetId).orElseThrow()
                .current();
    }

    void assertNoSideways(String view) {
        Number scroll = (Number) js("return document.documentElement.scrollWidth");
        Number width = (Number) js("return window.innerWidth");
        assertThat(scroll.intValue()).as(view + ": page wider than the phone").isLessThanOrEqualTo(width.intValue());
    }

    static void scrollTo(WebElement e) {
        js("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -130);", e);
    }

    static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static void collectLogs() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(e.getMessage());
            }
        }
    }

    static void shot(String name) {
        collectLogs();
        File f = driver.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not save screenshot " + name, e);
        }
    }
}
