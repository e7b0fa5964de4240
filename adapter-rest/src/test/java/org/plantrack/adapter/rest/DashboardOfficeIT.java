package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.model.Plan;

/**
 * The dashboard's office files in a real browser (headless Chromium, Selenium) against a running server:
 * the reference plan as a Word file uploaded through the import view (preview: format, 5 sections, 18
 * tasks, 15 targets; saved as a plan), an executable renamed .docx refused with the server's message,
 * and the overview's 台账 (.xlsx) and report (.docx) downloads saved as files in Chromium's download
 * directory and opened. Screenshots at 1366 and 390 px go to {@code target/screenshots/}.
 *
 * <p>The .docx is written here as Word writes one (a zip of WordprocessingML parts, one paragraph a line),
 * and the downloads are read as the zips they are: adapter-rest gets POI only at run time, through wiring.
 */
class DashboardOfficeIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String REFERENCE = "nanping-cast-2017-workplan.txt";
    static final LocalDate TODAY = LocalDate.of(2017, 6, 30);

    static PlantrackServer server;
    static PlanTracker tracker;
    static ChromeDriver driver;
    static WebDriverWait wait;
    static Path downloads;
    static String base;
    static String admin;
    static final List<String> severe = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            assertThat(ci).as("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing").isFalse();
            Assumptions.abort(CHROMIUM + " or " + CHROMEDRIVER + " is missing; browser test skipped");
        }
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                .db(Fixtures.h2("DashboardOfficeIT")).demo(true).clock(clock).build());
        tracker = server.tracker();
        admin = server.demoAdminToken().orElseThrow();
        base = "http://127.0.0.1:" + server.port();

        Files.createDirectories(SHOTS);
        Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
        downloads = Files.createTempDirectory(Path.of("target"), "chromium-downloads").toAbsolutePath();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1366,768", "--lang=zh-CN");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        width(1366, 768);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
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

    static void width(int w, int h) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", w, "height", h, "deviceScaleFactor", 1, "mobile", w < 600));
    }

    @Test
    void officeFilesGoInAndOutThroughThePage() throws IOException {
        signIn();
        importTheReferencePlanAsWord();
        aDisguisedFileIsRefused();
        downloadTheLedgerAndTheReport();
        collectLogs();
        // the two 400 answers the test provokes (the disguised file, in zh and en) are the only SEVERE entries allowed
        assertThat(severe).as("SEVERE browser log entries").allMatch(m -> m.contains("400"));
        assertThat(severe).hasSizeLessThanOrEqualTo(2);
    }

    void signIn() {
        driver.get(base + "/#/overview");
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
        input.sendKeys(admin);
        driver.findElement(By.id("signin-btn")).click();
        wait.until(d -> d.findElements(By.id("plan-title")).size() == 1);
    }

    void importTheReferencePlanAsWord() throws IOException {
        String text = reference();
        Path upload = Files.createTempFile(Path.of("target"), "workplan", ".docx");
        Files.write(upload, docx(text));
        preview(upload, "np-docx");
        wait.until(d -> d.findElements(By.id("i-format")).size() == 1);
        WebElement format = driver.findElement(By.id("i-format"));
        assertThat(format.getAttribute("data-format")).isEqualTo("docx");
        assertThat(format.getText()).isEqualTo("Word 文档（.docx）");
        WebElement counts = driver.findElement(By.id("i-counts"));
        assertThat(counts.getAttribute("data-sections")).isEqualTo("5");
        assertThat(counts.getAttribute("data-tasks")).isEqualTo("18");
        assertThat(counts.getAttribute("data-targets")).isEqualTo("15");
        assertThat(counts.getText()).isEqualTo("5 个部分，18 项任务，15 个指标");
        assertThat(driver.findElements(By.cssSelector(".tree li[data-target]"))).hasSize(15);
        assertThat(driver.findElement(By.id("import-source")).getText()).contains("南平");
        assertThat(driver.findElement(By.id("i-error")).getText()).isEmpty();
        shot("office-import-docx-1366");
        width(390, 844);
        shot("office-import-docx-390");
        width(1366, 768);
        // fill any goal the document leaves unknown, then save
        driver.findElements(By.cssSelector("input.goal-input")).forEach(i -> i.sendKeys("1"));
        WebElement save = driver.findElement(By.id("i-save"));
        js("arguments[0].scrollIntoView({block: 'center'});", save);
        save.click();
        wait.until(d -> d.findElements(By.id("i-saved")).size() == 1);
        Plan stored = tracker.plan(Principal.system(), "np-docx");
        assertThat(stored.sections()).hasSize(5);
        assertThat(stored.sections().stream().mapToInt(s -> s.tasks().size()).sum()).isEqualTo(18);
        assertThat(stored.targets()).hasSize(15);
    }

    void aDisguisedFileIsRefused() throws IOException {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        Path upload = Files.createTempFile(Path.of("target"), "setup", ".docx");
        Files.write(upload, exe);
        preview(upload, "np-exe");
        wait.until(d -> !d.findElement(By.id("i-error")).getText().isEmpty());
        String refusal = driver.findElement(By.id("i-error")).getText();
        assertThat(refusal).startsWith("这是可执行程序").contains("这是程序而不是文档").doesNotContain(" / ")
                .doesNotContain("program").doesNotContain("document:");
        assertThat(driver.findElements(By.id("i-format"))).as("no preview of a refused file").isEmpty();
        shot("office-import-refused-1366");
        // in English, the English part of the same message
        driver.findElement(By.id("lang-en")).click();
        preview(upload, "np-exe");
        wait.until(d -> d.findElement(By.id("i-error")).getText().toLowerCase().contains("program"));
        assertThat(driver.findElement(By.id("i-error")).getText()).startsWith("this is an executable program")
                .doesNotContain("found").doesNotContainPattern("[\\u3400-\\u9fff]");
        shot("office-import-refused-en-1366");
        driver.findElement(By.id("lang-zh")).click();
        assertThat(tracker.plans(Principal.system()).stream().map(Plan::id)).doesNotContain("np-exe");
    }

    void preview(Path upload, String planId) {
        driver.get(base + "/#/import");
        WebElement file = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("i-file")));
        WebElement id = driver.findElement(By.id("i-planId"));
        id.clear();
        id.sendKeys(planId);
        file.sendKeys(upload.toAbsolutePath().toString());
        WebElement button = driver.findElement(By.id("i-preview"));
        js("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    void downloadTheLedgerAndTheReport() throws IOException {
        driver.get(base + "/#/overview");
        wait.until(d -> d.findElements(By.id("plan-title")).size() == 1);
        // the plan just saved is the one chosen: its 台账 and report
        String plan = (String) js("return document.getElementById('plan-select').value");
        assertThat(plan).isEqualTo("np-docx");
        WebElement ledger = wait.until(ExpectedConditions.elementToBeClickable(By.id("dl-xlsx")));
        assertThat(ledger.getText()).isEqualTo("下载台账");
        assertThat(driver.findElement(By.id("dl-docx")).getText()).isEqualTo("下载报告");
        shot("office-downloads-1366");
        ledger.click();
        Path xlsx = awaitDownload(plan + "-status.xlsx");
        String sheets = entries(xlsx, "xl/");
        assertThat(sheets).as("the ledger's cells").contains("完成时限").contains("序时进度");
        driver.findElement(By.id("dl-docx")).click();
        Path docx = awaitDownload(plan + "-status.docx");
        String body = entries(docx, "word/document.xml");
        assertThat(body).as("the report's text").contains("截至2017-06-30");
        assertThat(driver.getCurrentUrl()).as("the page stays where it was").endsWith("#/overview");
        assertThat(driver.findElement(By.id("dl-error")).getText()).isEmpty();
        width(390, 844);
        shot("office-downloads-390");
        width(1366, 768);
    }

    static Path awaitDownload(String name) {
        Path f = downloads.resolve(name);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Files.isRegularFile(f)
                && !Files.exists(downloads.resolve(name + ".crdownload")));
        return f;
    }

    /** The text of a zip's entries whose names start with {@code prefix}. */
    static String entries(Path zip, String prefix) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                if (e.getName().startsWith(prefix)) {
                    sb.append(new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(sb).as(zip + " has " + prefix).isNotEmpty();
        return sb.toString();
    }

    static String reference() {
        for (String p : List.of("../../shared/examples-data/" + REFERENCE, "/work/shared/examples-data/" + REFERENCE,
                "../core/src/test/resources/org/plantrack/core/importing/" + REFERENCE)) {
            Path path = Path.of(p);
            if (Files.isRegularFile(path)) {
                try {
                    return Files.readString(path, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("the reference plan " + REFERENCE + " was not found");
    }

    /** The text as a Word file: one paragraph a line, the numbers typed as the plan's text has them. */
    static byte[] docx(String text) {
        String w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document ")
                .append(w).append("><w:body>");
        for (String line : text.split("\r?\n")) {
            doc.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(xml(line)).append("</w:t></w:r></w:p>");
        }
        doc.append("</w:body></w:document>");
        String types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "</Types>";
        String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                + "</Relationships>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            String[] parts = {"[Content_Types].xml", types, "_rels/.rels", rels, "word/document.xml", doc.toString()};
            for (int i = 0; i < parts.length; i += 2) {
                z.putNextEntry(new ZipEntry(parts[i]));
                z.write(parts[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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
