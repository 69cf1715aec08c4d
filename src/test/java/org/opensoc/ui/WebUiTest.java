package org.opensoc.ui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web UI in a real browser against the running app: what a person sees and does, end to end.
 * Screenshots of each view go to target/screenshots/ for a human to look at.
 */
@QuarkusTest
class WebUiTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final int BATCH_LINES = 1000;

    private static HeadlessChromium chromium;

    @TestHTTPResource("/ui/")
    URL ui;

    private BrowserContext context;
    private Page page;
    private final List<String> dialogs = new ArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        assumeTrue(HeadlessChromium.installed(), "Chromium is not installed: apt-get install -y chromium");
        assumeTrue(WebUiTest.class.getResource("/META-INF/resources/ui/index.html") != null,
                "the UI was not built (-DskipUi)");
        chromium = new HeadlessChromium();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setColorScheme(ColorScheme.DARK).setAcceptDownloads(true));
        page = context.newPage();
        // An alert, confirm or prompt would mean page script ran that the page did not write: record and refuse it.
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        page.navigate(ui.toString());
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void analyzesASampleEntryAndShowsTheVerdictOfTheApi() throws IOException {
        assumeEndpoint("/api/v1/analyze");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("SQL injection")).click();
        String log = logEntry().inputValue();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Analyze").setExact(true)).click();

        Map<String, Object> expected = given().contentType(ContentType.JSON).body(Map.of("log", log))
                .post("/api/v1/analyze?analyzer=auto").then().statusCode(200).extract().as(Map.class);
        Locator card = page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("Analysis result"));
        Locator heading = card.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName((String) expected.get("threatType")));
        heading.waitFor();
        assertEquals(expected.get("severity"), card.locator(".badge").textContent());
        assertTrue(card.textContent().contains((String) expected.get("mitreId")), "technique id shown");
        assertEquals(String.valueOf(expected.get("riskScore")), card.getByRole(AriaRole.METER).getAttribute("aria-valuenow"));
        assertEquals(log, card.locator("pre.log").textContent(), "the raw log is shown whole");
        assertTrue((Boolean) heading.evaluate("h => h === document.activeElement"), "focus moves to the verdict");

        screenshot(page, "single.png", true);
        page.setViewportSize(390, 844);
        screenshot(page, "single-phone.png", true);
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
        screenshot(page, "single-phone-light.png", true);
    }

    @Test
    void showsAnXssEntryLiterallyAndRunsNothingAnalyzedFromTheKeyboard() {
        assumeEndpoint("/api/v1/analyze");
        String log = "192.168.10.25 - - [16/Mar/2025:01:05:33] \"GET /search?q=" + XSS + " HTTP/1.1\" 403 0 \"-\" \"Mozilla/5.0\"";
        logEntry().fill(log);
        logEntry().press("Control+Enter");

        Locator raw = page.locator("article pre.log");
        raw.waitFor();
        assertEquals(log, raw.textContent());
        assertEquals(0, page.locator("main img").count(), "no element was made from the log");
        assertEquals(List.of(), dialogs, "no script from the log ran");
    }

    @Test
    void streamsABatchOfAThousandLinesWithProgressAndRightCounts() throws IOException {
        assumeEndpoint("/api/v1/analyze/batch");
        uploadBatch();

        Locator progress = page.getByRole(AriaRole.PROGRESSBAR);
        assertEquals("100", progress.getAttribute("aria-valuenow"));
        assertEquals(String.format("%,d", BATCH_LINES), page.getByTestId("lines-read").textContent());
        assertEquals(String.format("%,d", BATCH_LINES), page.getByTestId("summary-lines").textContent());
        String entries = page.getByTestId("summary-entries").textContent();
        assertEquals(entries, page.getByTestId("shown-count").textContent(), "every entry the server counted is listed");
        assertEquals(entries, page.getByTestId("entries-done").textContent());
        assertTrue(page.locator(".entries > li").count() > 0);

        page.locator(".entries > li summary").first().click();
        page.locator(".entries > li article").first().waitFor();
        page.evaluate("window.scrollTo(0, 0)");
        screenshot(page, "batch.png", false);
        page.setViewportSize(390, 844);
        screenshot(page, "batch-phone.png", false);
        assertEquals(0, page.locator("main img").count(), "no element was made from the file's XSS lines");
        assertEquals(List.of(), dialogs, "the XSS lines of the file ran nothing");
    }

    @Test
    void exportsTheBatchAsACsvThatParses() throws IOException {
        assumeEndpoint("/api/v1/analyze/batch");
        assumeEndpoint("/api/v1/export");
        uploadBatch();
        int entries = Integer.parseInt(page.getByTestId("shown-count").textContent().replace(",", ""));

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("CSV").setExact(true)).click());
        assertTrue(download.suggestedFilename().endsWith(".csv"), download.suggestedFilename());
        try (Reader reader = Files.newBufferedReader(download.path(), StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
            assertEquals(entries, records.size(), "one row per entry");
            assertTrue(records.stream().allMatch(CSVRecord::isConsistent), "every row has the header's columns");
        }
    }

    /** Uploads a generated file of BATCH_LINES lines (attacks, normal traffic and XSS) and waits for its summary. */
    private void uploadBatch() throws IOException {
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Batch file")).click();
        page.getByLabel("Drop a log file here").setInputFiles(batchFile());
        page.getByTestId("summary").waitFor();
    }

    private Locator logEntry() {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Log entry").setExact(true));
    }

    private static Path batchFile() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < BATCH_LINES; i++) {
            String ip = "203.0.113." + (i % 50);
            lines.add(switch (i % 5) {
                case 0 -> ip + " - - [16/Mar/2025:01:05:33] \"GET /profile?id=" + i + " OR 1=1-- HTTP/1.1\" 403 12 \"-\" \"sqlmap\"";
                case 1 -> ip + " - - [16/Mar/2025:01:05:34] \"GET /search?q=" + XSS + " HTTP/1.1\" 403 0 \"-\" \"Mozilla/5.0\"";
                default -> "10.0.0." + (i % 20) + " - - [18/Mar/2025:16:22:58] \"GET /page/" + i + " HTTP/1.1\" 200 1366 \"-\" \"Mozilla/5.0\"";
            });
        }
        Path file = Files.createDirectories(Path.of("target", "ui-test")).resolve("access-1000.log");
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static void screenshot(Page page, String name, boolean fullPage) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(fullPage));
    }

    /** Some endpoints are built in parallel with the UI: a browser test of one that is not there yet is skipped, not failed. */
    private static void assumeEndpoint(String path) {
        int status = given().contentType(ContentType.TEXT).body("").post(path).statusCode();
        assumeTrue(status != 404 && status != 405, path + " is not served yet (" + status + ")");
    }
}
