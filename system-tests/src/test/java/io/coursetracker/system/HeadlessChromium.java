package io.coursetracker.system;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven through chromedriver, as the page tests use it: reads of the
 * page happen inside it in one step (the pages redraw their sections on every event), screenshots go
 * to system-tests/target/screenshots/, or to docs/screenshots/ (the README's) with
 * {@code -Dscreenshots.update=true}, so a plain test run leaves the work tree clean.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;

    private HeadlessChromium(WebDriver driver) {
        this.driver = driver;
    }

    /** A fresh browser with its own profile folder, 1280 px wide. */
    static HeadlessChromium start(Path profile) {
        requireBrowser();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1700", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(driver);
    }

    /**
     * The page tests need Debian's chromium and chromium-driver. CI installs them and sets
     * {@code COURSE_TRACKER_BROWSER_TESTS=required}, so there a missing browser fails the build; on
     * a machine with only a JDK the page tests are skipped, saying why, and the rest still runs.
     */
    static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String why = "the page tests need Debian's chromium and chromium-driver in /usr/bin "
                + "(apt-get install chromium chromium-driver; .ci/run does)";
        if ("required".equals(System.getenv("COURSE_TRACKER_BROWSER_TESTS"))) {
            assertThat(present).as(why).isTrue();
        }
        Assumptions.assumeTrue(present, why);
    }

    WebDriver driver() {
        return driver;
    }

    /** The element's visible text, trimmed, or null when there is none. */
    String text(String css) {
        return script("var e = document.querySelector(arguments[0]); return e === null ? null : e.innerText.trim();", css);
    }

    String attribute(String css, String name) {
        return script("var e = document.querySelector(arguments[0]); return e === null ? null : e.getAttribute(arguments[1]);", css, name);
    }

    String script(String script, Object... args) {
        Object value = ((JavascriptExecutor) driver).executeScript(script, args);
        return value == null ? null : value.toString();
    }

    /** Marks the current document; {@link #sameDocument()} is true until the page is reloaded or left. */
    void markDocument() {
        script("window.__sameDocument = true; return null;");
    }

    boolean sameDocument() {
        return "true".equals(script("return window.__sameDocument === true;"));
    }

    void screenshot(String name) throws Exception {
        Path folder = Boolean.getBoolean("screenshots.update")
                ? PlatformClient.REPO.resolve("docs/screenshots")
                : PlatformClient.REPO.resolve("system-tests/target/screenshots");
        Path target = folder.resolve(name);
        Files.createDirectories(target.getParent());
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Polls {@code condition} until it holds, or fails after {@code limit}. */
    static void await(String what, Supplier<Boolean> condition, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
            } catch (RuntimeException e) {
                // the element is not there yet, or was just redrawn
            }
            Thread.sleep(50);
        }
        assertThat(condition.get()).as("waited %s for %s", limit, what).isTrue();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
