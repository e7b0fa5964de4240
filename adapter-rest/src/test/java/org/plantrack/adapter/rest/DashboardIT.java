package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.plantrack.core.ReportRequest;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.importing.UnitMention;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Unit;

/**
 * The dashboard in a real browser (headless Chromium from the OS packages, driven by Selenium) against a
 * running server on an H2 file with the reference plan: overview, as-of date, supervision warnings,
 * language, target view, units table, import with warnings and the units its text names, a reporter's
 * report with a server-side validation error. Screenshots go to {@code target/screenshots/}. No SEVERE browser log entry is
 * allowed except the one 400 answer the test provokes on purpose.
 *
 * <p>Needs /usr/bin/chromium and /usr/bin/chromedriver ({@code .ci/browser-setup}); skipped without them,
 * except under CI=true, where their absence fails the build.
 */
class DashboardIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String PLAN = Demo.PLAN_ID;
    static final LocalDate TODAY = LocalDate.of(2017, 6, 30);

    static PlantrackServer server;
    static PlanTracker tracker;
    static ChromeDriver driver;
    static WebDriverWait wait;
    static Path profile;
    static String base;
    static String admin;
    static String reporter;
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
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1").db(Fixtures.h2("DashboardIT"))
                .demo(true).clock(clock).build());
        tracker = server.tracker();
        admin = server.demoAdminToken().orElseThrow();
        base = "http://127.0.0.1:" + server.port();
        Principal system = Principal.system();
        tracker.saveUnit(system, new Unit("yanping-kx", "延平区科协", null));
        tracker.saveUnit(system, new Unit("jianou-kx", "建瓯市科协", null));
        Plan p = tracker.plan(system, PLAN);
        p = tracker.assignUnits(system, PLAN, p.version(), "2.4", "yanping-kx", List.of());
        tracker.assignUnits(system, PLAN, p.version(), "3.2", "jianou-kx", List.of("yanping-kx"));
        reporter = tracker.createToken(system, Role.REPORTER, Set.of("yanping-kx"), "延平区填报员").bearer();
        ProgressReport first = tracker.report(system, new ReportRequest(null, PLAN, "3.2.1", LocalDate.of(2017, 3, 31),
                150, ReportMode.SET, "一季度培训150名", List.of()));
        tracker.correct(system, first.id(), new ReportRequest(null, PLAN, "3.2.1", LocalDate.of(2017, 3, 31), 120,
                ReportMode.SET, "更正：一季度实际培训120名", List.of("https://example.org/np/2017-q1.pdf")));

        Files.createDirectories(SHOTS);
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
        wait.ignoring(StaleElementReferenceException.class); // views are rebuilt after each change
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

    /** A 1366×768 viewport (the window itself would include the browser's own bars). */
    static void desktop() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
    }

    @Test
    void theDashboardWorksInABrowser() {
        try {
            flow();
        } catch (RuntimeException | AssertionError e) {
            shot("failure");
            throw new AssertionError("failed on " + driver.getCurrentUrl() + "; page says: "
                    + driver.findElement(By.tagName("main")).getText(), e);
        }
    }

    void flow() {
        signIn(admin);
        overview();
        asOfDateReevaluates();
        supervisionWarningsAndLanguage();
        targetView();
        unitsTable();
        unitsTablePrints();
        importWithWarnings();
        importAnUploadedFile();
        signOut();
        signIn(reporter);
        reporterPostsAReport();
        phoneWidth();
        collectLogs();
        assertThat(severe).as("SEVERE browser log entries").isEmpty();
    }

    void signIn(String token) {
        driver.get(base + "/#/overview");
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
        assertThat(driver.findElement(By.id("signout-btn")).isDisplayed()).as("no sign-out before sign-in").isFalse();
        input.sendKeys(token);
        driver.findElement(By.id("signin-btn")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signout-btn")));
        wait.until(d -> d.findElements(By.id("plan-title")).size() == 1);
    }

    void signOut() {
        driver.findElement(By.id("signout-btn")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
        assertThat((String) js("return sessionStorage.getItem('pt.token')")).isNull();
    }

    void overview() {
        Plan plan = tracker.plan(Principal.system(), PLAN);
        assertThat(text("plan-title")).isEqualTo(plan.title());
        assertThat(new Select(driver.findElement(By.id("plan-select"))).getFirstSelectedOption().getText())
                .as("the plan selector tells plans apart by id and date").contains(PLAN)
                .contains(plan.issueDate().toString());
        assertThat(text("plan-docno")).isEqualTo(plan.documentNumber());
        assertThat(text("plan-issuer")).isEqualTo(plan.issuer());
        assertThat(text("plan-date")).isEqualTo(plan.issueDate().toString());
        assertThat(text("plan-asof")).isEqualTo(TODAY.toString());
        assertThat(driver.findElements(By.cssSelector("section.section"))).hasSize(plan.sections().size());
        assertThat(driver.findElements(By.cssSelector("li.task"))).hasSize(
                plan.sections().stream().mapToInt(s -> s.tasks().size()).sum());
        var counts = tracker.evaluate(Principal.system(), PLAN, TODAY).counts();
        for (Status s : Status.values()) {
            String shown = driver.findElement(By.cssSelector("#status-counts li[data-status='" + s.name() + "'] .n"))
                    .getText();
            assertThat(shown).as("count of " + s).isEqualTo(String.valueOf(counts.getOrDefault(s, 0)));
        }
        shot("overview-1366");
    }

    void asOfDateReevaluates() {
        Status atStart = tracker.evaluate(Principal.system(), PLAN, LocalDate.of(2017, 1, 1)).target("2.4.1")
                .orElseThrow().status();
        Status now = tracker.evaluate(Principal.system(), PLAN, TODAY).target("2.4.1").orElseThrow().status();
        assertThat(atStart).isNotEqualTo(now);
        assertThat(targetBadge("2.4.1")).isEqualTo(now.name());
        setDate(driver.findElement(By.id("asof-input")), "2017-01-01");
        wait.until(d -> "2017-01-01".equals(text("plan-asof")));
        assertThat(targetBadge("2.4.1")).isEqualTo(atStart.name());
        shot("overview-asof-2017-01-01");
        setDate(driver.findElement(By.id("asof-input")), TODAY.toString());
        wait.until(d -> TODAY.toString().equals(text("plan-asof")));
        assertThat(targetBadge("2.4.1")).isEqualTo(now.name());
    }

    void supervisionWarningsAndLanguage() {
        new Select(driver.findElement(By.id("preset-select"))).selectByValue("cn-supervision");
        var eval = tracker.evaluate(Principal.system(), PLAN, TODAY, org.plantrack.core.model.Preset.CN_SUPERVISION);
        long warned = eval.targets().stream().filter(t -> !t.warning().name().equals("NONE")).count();
        assertThat(warned).as("targets with a warning colour on " + TODAY).isPositive();
        wait.until(d -> d.findElements(By.cssSelector("li.target [data-warning]")).size() == warned);
        String anyWarned = eval.targets().stream().filter(t -> !t.warning().name().equals("NONE")).findFirst()
                .orElseThrow().targetId();
        WebElement chip = driver.findElement(By.cssSelector("li.target[data-target='" + anyWarned + "'] [data-warning]"));
        assertThat(chip.getText()).containsAnyOf("蓝", "黄", "红");
        shot("overview-cn-supervision");
        driver.findElement(By.id("lang-en")).click();
        wait.until(d -> d.findElement(By.cssSelector("#tabs a[data-view='overview']")).getText().equals("Overview"));
        assertThat(chip(anyWarned).getText()).containsAnyOf("blue", "yellow", "red");
        assertThat((String) js("return document.documentElement.lang")).isEqualTo("en");
        shot("overview-en");
        driver.findElement(By.id("lang-zh")).click();
        wait.until(d -> d.findElement(By.cssSelector("#tabs a[data-view='overview']")).getText().equals("概览"));
    }

    void targetView() {
        driver.findElement(By.cssSelector("li.target[data-target='3.2.1'] a")).click();
        wait.until(d -> d.findElements(By.id("target-source")).size() == 1);
        assertThat(text("target-source")).contains("400名");
        assertThat(driver.findElement(By.cssSelector("#target-source mark")).getText())
                .isEqualTo(tracker.plan(Principal.system(), PLAN).findTarget("3.2.1").orElseThrow().description());
        var status = tracker.evaluate(Principal.system(), PLAN, TODAY, org.plantrack.core.model.Preset.CN_SUPERVISION).target("3.2.1").orElseThrow();
        assertThat(text("target-reason")).contains(status.reason().zh());
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("确数").doesNotContain("EXACT");
        wait.until(d -> d.findElements(By.cssSelector("#burnup-chart canvas")).size() == 1);
        assertThat(driver.findElements(By.cssSelector("#report-history tbody tr"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("#report-history tr.superseded"))).hasSize(1);
        assertThat(text("report-history")).contains("更正");
        shot("target-1366");
    }

    void unitsTable() {
        driver.get(base + "/#/units");
        wait.until(d -> d.findElements(By.id("units-table")).size() == 1);
        WebElement row = driver.findElement(By.cssSelector("#units-table tr[data-unit='yanping-kx']"));
        assertThat(row.getText()).contains("延平区科协").contains("2.4.1").contains("3.2.1");
        var eval = tracker.evaluate(Principal.system(), PLAN, TODAY, org.plantrack.core.model.Preset.CN_SUPERVISION);
        Plan plan = tracker.plan(Principal.system(), PLAN);
        long behind = plan.targets().stream().filter(t -> plan.unitsOf(t.id()).contains("yanping-kx"))
                .filter(t -> eval.target(t.id()).orElseThrow().status() == Status.BEHIND).count();
        assertThat(row.findElement(By.cssSelector("td.behind")).getText()).isEqualTo(String.valueOf(behind));
        assertThat(driver.findElements(By.cssSelector("#units-table tr[data-unit='jianou-kx']"))).hasSize(1);
        shot("units-1366");
    }

    /** The units table's print layout: the browser's own print media, and a real print to PDF. */
    void unitsTablePrints() {
        Plan plan = tracker.plan(Principal.system(), PLAN);
        WebElement printButton = driver.findElement(By.xpath("//button[text()='打印']"));
        WebElement printHeading = driver.findElement(By.cssSelector("#view .print-only"));
        assertThat(printButton.isDisplayed()).isTrue();
        assertThat(printHeading.isDisplayed()).isFalse();
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(printButton.isDisplayed()).as("print button on paper").isFalse();
            assertThat(driver.findElement(By.cssSelector("header.top, .top")).isDisplayed()).as("top bar on paper")
                    .isFalse();
            assertThat(printHeading.isDisplayed()).as("plan and date heading on paper").isTrue();
            assertThat(printHeading.getText()).contains(plan.title()).contains(TODAY.toString());
            assertThat(driver.findElement(By.cssSelector("#units-table tr[data-unit='yanping-kx']")).isDisplayed())
                    .isTrue();
            shot("units-print");
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        String pdf = driver.print(new org.openqa.selenium.print.PrintOptions()).getContent();
        byte[] bytes = java.util.Base64.getDecoder().decode(pdf);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(bytes.length).as("PDF of the units table").isGreaterThan(5_000);
    }

    /** The import view with a file chosen instead of pasted text: a GB18030 file, sent as multipart. */
    void importAnUploadedFile() {
        driver.get(base + "/#/import");
        WebElement file = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("i-file")));
        String doc = Demo.referencePlan();
        Path upload;
        try {
            upload = Files.createTempFile(Path.of("target"), "workplan-gb18030", ".txt");
            Files.write(upload, doc.getBytes(java.nio.charset.Charset.forName("GB18030")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // nothing pasted: what is previewed can only come from the file
        js("arguments[0].value = '';", driver.findElement(By.id("i-text")));
        driver.findElement(By.id("i-planId")).clear();
        file.sendKeys(upload.toAbsolutePath().toString());
        WebElement button = driver.findElement(By.id("i-preview"));
        js("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        int warnings = tracker.previewImport(Principal.system(), doc, ImportOptions.defaults()).warnings().size();
        wait.until(d -> d.findElements(By.cssSelector("#import-warnings li")).size() == warnings);
        Plan preview = tracker.previewImport(Principal.system(), doc, ImportOptions.defaults()).plan();
        // decoded from GB18030, not shown as mojibake: the source pane holds the document's own lines
        String firstLine = doc.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElseThrow();
        assertThat(text("import-source")).contains(firstLine).contains("南平");
        assertThat(driver.findElements(By.cssSelector(".tree li[data-target]"))).hasSize(preview.targets().size());
        assertThat(text("i-error")).isEmpty();
        shot("import-upload-1366");
    }

    void importWithWarnings() {
        driver.get(base + "/#/import");
        WebElement area = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("i-text")));
        String doc = Demo.referencePlan();
        js("arguments[0].value = arguments[1];", area, doc);
        // a unit the text names (task 3.4 works with 教育部門): its mention is matched, the others are not
        tracker.saveUnit(Principal.system(), new Unit("np-edu", "教育部门", null));
        driver.findElement(By.id("i-planId")).sendKeys("np-import");
        driver.findElement(By.id("i-preview")).click();
        int warnings = tracker.previewImport(Principal.system(), doc, ImportOptions.withPlanId("np-import")).warnings().size();
        assertThat(warnings).isPositive();
        wait.until(d -> d.findElements(By.cssSelector("#import-warnings li")).size() == warnings);
        List<WebElement> marks = driver.findElements(By.cssSelector("#import-source mark.warn-mark"));
        assertThat(marks).hasSize(warnings);
        assertThat(marks.get(0).getAttribute("title")).contains("损坏");
        shot("import-preview-1366");
        unitsInThePreview(doc);
        WebElement goal = driver.findElement(By.id("goal-2.2.1"));
        goal.sendKeys("5");
        driver.findElement(By.id("i-save")).click();
        wait.until(d -> d.findElements(By.id("i-saved")).size() == 1);
        Plan saved = tracker.plan(Principal.system(), "np-import");
        assertThat(saved.findTarget("2.2.1").orElseThrow().goal()).isEqualTo(5.0);
        shot("import-saved-1366");
    }

    /**
     * The responsible units the text names, in the preview's tree and marked in the source: task 3.2 names
     * 市委組織部 and 市委黨校 as partners, and neither is registered here (yanping-kx, jianou-kx and np-edu
     * are); task 3.4 names 教育部門, registered as np-edu.
     */
    void unitsInThePreview(String doc) {
        List<UnitMention> all = tracker.previewImport(Principal.system(), doc, ImportOptions.withPlanId("np-import")).unitMentions();
        List<UnitMention> of32 = all.stream().filter(m -> m.taskId().equals("3.2")).toList();
        assertThat(of32).extracting(UnitMention::name).containsExactly("市委組織部", "市委黨校");
        assertThat(all).filteredOn(m -> m.unitId() != null).extracting(UnitMention::taskId, UnitMention::unitId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("3.4", "np-edu"));

        WebElement task = driver.findElement(By.cssSelector(".tree li[data-task='3.2']"));
        List<WebElement> refs = task.findElements(By.cssSelector(".unit-ref"));
        assertThat(refs).hasSize(of32.size());
        for (int i = 0; i < refs.size(); i++) {
            assertThat(refs.get(i).getText()).as("unit %d of task 3.2", i).contains(of32.get(i).name()).contains("配合")
                    .contains("未登记");
            assertThat(refs.get(i).findElement(By.cssSelector(".not-registered")).isDisplayed()).isTrue();
        }
        assertThat(driver.findElements(By.cssSelector(".tree .unit-ref"))).hasSize(all.size());

        // in the source pane each mention is marked once, inside the UNKNOWN_UNIT warning over the same words
        assertThat(driver.findElements(By.cssSelector("#import-source mark.unit-mark"))).hasSize(all.size());
        List<WebElement> marked = driver.findElements(By.cssSelector("#import-source mark.unit-mark[data-task='3.2']"));
        assertThat(marked).hasSize(of32.size());
        for (int i = 0; i < marked.size(); i++) {
            UnitMention m = of32.get(i);
            assertThat(marked.get(i).getText()).isEqualTo(doc.substring(m.span().startOffset(), m.span().endOffset()));
            assertThat(marked.get(i).getAttribute("class")).contains("unit-unknown");
            assertThat(marked.get(i).getAttribute("title")).contains(m.name()).contains("未登记");
            WebElement warning = marked.get(i).findElement(By.xpath(".."));
            assertThat(warning.getAttribute("class")).isEqualTo("warn-mark");
            assertThat(warning.getAttribute("data-code")).isEqualTo("UNKNOWN_UNIT");
        }
        WebElement known = driver.findElement(By.cssSelector(".tree li[data-task='3.4'] .unit-ref"));
        assertThat(known.getText()).contains("教育部門").contains("配合").contains("np-edu").doesNotContain("未登记");
        WebElement knownMark = driver.findElement(By.cssSelector("#import-source mark.unit-mark[data-task='3.4']"));
        assertThat(knownMark.getAttribute("class")).contains("unit-known");
        assertThat(knownMark.getAttribute("data-unit")).isEqualTo("np-edu");
        assertThat(knownMark.findElement(By.xpath("..")).getAttribute("id")).as("no warning around a matched unit")
                .isEqualTo("import-source");
        assertThat((String) js("return document.getElementById('import-source').textContent"))
                .as("no text repeated or lost by the nested marks").isEqualTo(doc);
        js("arguments[0].scrollIntoView({block: 'center'});", task);
        shot("import-units-tree-1366");
        // the source pane scrolled (by itself) to line 20: the marks of tasks 3.1, 3.2 and 3.4 in view
        WebElement source = driver.findElement(By.id("import-source"));
        js("arguments[0].scrollIntoView({block: 'end'});"
                + " arguments[0].scrollTop = arguments[1].offsetTop - arguments[0].offsetTop - 60;", source,
                driver.findElement(By.cssSelector("#import-source mark.unit-mark[data-task='3.1']")));
        shot("import-units-source-1366");

        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            assertNoSideways("import preview");
            js("arguments[0].scrollIntoView({block: 'center'});", task);
            shot("import-units-tree-390");
        } finally {
            desktop();
        }
    }

    void reporterPostsAReport() {
        // the import switched the page to the new plan; back to the reference plan
        new Select(driver.findElement(By.id("plan-select"))).selectByValue(PLAN);
        wait.until(d -> tracker.plan(Principal.system(), PLAN).title().equals(text("plan-title")));
        driver.get(base + "/#/report?target=2.4.1");
        wait.until(d -> d.findElements(By.cssSelector("#report-status .badge")).size() == 1);
        String before = driver.findElement(By.cssSelector("#report-status .badge")).getAttribute("data-status");
        assertThat(new Select(driver.findElement(By.id("r-target"))).getOptions())
                .as("a reporter sees only its units' targets").allMatch(o -> o.getText().startsWith("2.4.")
                        || o.getText().startsWith("3.2."));
        js("window.__sameDocument = 42;");
        setDate(driver.findElement(By.id("r-asOf")), "2016-12-31");
        driver.findElement(By.id("r-value")).sendKeys("200");
        driver.findElement(By.id("r-note")).sendKeys("上半年注册200家");
        driver.findElement(By.id("r-evidence")).sendKeys("https://example.org/np/2017-h1.pdf");
        driver.findElement(By.id("r-submit")).click();
        wait.until(d -> !text("err-asOf").isEmpty());
        assertThat(text("err-asOf")).contains("asOf").contains("2016-12-31");
        assertThat(driver.findElement(By.id("r-asOf")).getAttribute("class")).contains("invalid");
        shot("report-validation-1366");
        collectLogs();
        severe.removeIf(m -> m.contains("/reports") && m.contains("400"));
        setDate(driver.findElement(By.id("r-asOf")), TODAY.toString());
        driver.findElement(By.id("r-submit")).click();
        wait.until(d -> text("flash").contains("idem-") || text("flash").contains("已保存"));
        Status after = tracker.evaluate(Principal.system(), PLAN, TODAY).target("2.4.1").orElseThrow().status();
        assertThat(after).isEqualTo(Status.ACHIEVED).isNotEqualTo(Status.valueOf(before));
        wait.until(d -> after.name().equals(d.findElement(By.cssSelector("#report-status .badge"))
                .getAttribute("data-status")));
        assertThat(text("err-asOf")).isEmpty();
        assertThat(((Number) js("return window.__sameDocument")).intValue()).as("no page reload").isEqualTo(42);
        shot("report-saved-1366");
    }

    void phoneWidth() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            driver.get(base + "/#/overview");
            wait.until(d -> d.findElements(By.id("plan-title")).size() == 1);
            assertNoSideways("overview");
            shot("overview-390");
            driver.get(base + "/#/target/2.4.1");
            wait.until(d -> d.findElements(By.cssSelector("#burnup-chart canvas")).size() == 1);
            assertNoSideways("target");
            shot("target-390");
            driver.get(base + "/#/units");
            wait.until(d -> d.findElements(By.id("units-table")).size() == 1);
            shot("units-390");
            assertNoSideways("units");
            Number headRow = (Number) js("return Math.max(...[...document.querySelectorAll('#units-table thead th')]"
                    + ".map(h => h.getBoundingClientRect().height))");
            assertThat(headRow.doubleValue()).as("the units table's headings stay on one line on a phone (px)")
                    .isLessThan(40);
            Number box = (Number) js("const t = document.getElementById('units-table').parentElement;"
                    + " return t.scrollWidth - t.clientWidth");
            assertThat(box.intValue()).as("the table scrolls in its box").isPositive();
        } finally {
            desktop();
        }
    }

    void assertNoSideways(String view) {
        Number scroll = (Number) js("return document.documentElement.scrollWidth");
        Number width = (Number) js("return window.innerWidth");
        assertThat(scroll.intValue()).as(view + ": page wider than the phone").isLessThanOrEqualTo(width.intValue());
    }

    // ------------------------------------------------------------------ helpers

    static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    static String targetBadge(String targetId) {
        return driver.findElement(By.cssSelector("li.target[data-target='" + targetId + "'] .badge"))
                .getAttribute("data-status");
    }

    static WebElement chip(String targetId) {
        return driver.findElement(By.cssSelector("li.target[data-target='" + targetId + "'] [data-warning]"));
    }

    /** Sets a date input the way a date picker does (the typed format depends on the browser's locale). */
    static void setDate(WebElement input, String isoDate) {
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                input, isoDate);
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
