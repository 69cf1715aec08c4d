package org.opensoc.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The machine's own Chromium (Debian's package) driven by Playwright, offline: Playwright must not fetch a
 * browser of its own, and the browser must not call home.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path EXECUTABLE = Paths.get(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    final Browser browser;

    HeadlessChromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(ARGS));
    }

    static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
