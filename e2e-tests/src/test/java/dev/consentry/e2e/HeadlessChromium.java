package dev.consentry.e2e;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Debian's chromium and chromium-driver (.ci/run installs them), headless, as the browser tests drive them. */
final class HeadlessChromium {

    /** Where screenshots of the people's surfaces go (shown in the README). */
    static final Path SCREENSHOTS = Path.of(System.getProperty("consentry.home", "..")).toAbsolutePath().normalize()
            .resolve("docs/screenshots");

    private HeadlessChromium() {
    }

    /** A browser whose Accept-Language is {@code languages} (e.g. "vi-VN,vi") and that saves downloads to {@code downloads}. */
    static ChromeDriver start(String languages, Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("no Chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--lang=" + languages.split(",")[0]);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", languages));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("no chromedriver", "/usr/bin/chromedriver",
                        "/usr/lib/chromium/chromedriver"))).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return browser;
    }

    static void screenshot(ChromeDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Waits (at most 15 s) until the browser's address starts with {@code prefix}: after a click that posts a form
     * and follows redirects (a sign-in at the identity provider and the code exchange behind it), the click does not
     * wait for all of them.
     */
    static void awaitAddress(ChromeDriver browser, String prefix) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().startsWith(prefix));
    }

    /** The browser's cookies as a Cookie header, for a request made beside the browser with its session. */
    static String cookies(ChromeDriver browser) {
        return browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private static String executable(String missing, String... candidates) {
        for (String candidate : List.of(candidates)) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        throw new IllegalStateException(missing + ": install Debian's chromium and chromium-driver (.ci/run does)");
    }
}
