package io.posunbind.web.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages (chromium, chromium-driver), driven by Selenium: the way a person uses the
 * console. Without the browser the tests are skipped, unless UNBIND_TEST_BROWSER=required (CI sets it after
 * installing the packages), when they fail instead.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("UNBIND_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("UNBIND_TEST_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    /** Where the tests leave a screenshot of each page; scripts/console-screenshots.sh copies them to docs. */
    static final Path SCREENSHOTS = Path.of("target/console-screenshots");

    final ChromeDriver driver;
    final Path downloads;
    private final String base;

    private Browser(URL base, Path downloads) {
        this.base = base.toString().replaceAll("/$", "");
        this.downloads = downloads;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As the machine's probe starts it: no sandbox as root, and no calls home on a closed network.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,900", "--lang=en-US",
                "--force-device-scale-factor=1");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "en-US,en"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                downloads.toString()));
    }

    /** A browser, or the test skipped (failed where the browser is required) when there is none. */
    static Browser open(URL base) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        String why = "Chromium and ChromeDriver are needed at " + CHROMIUM + " and " + DRIVER
                + " (apt-get install chromium chromium-driver)";
        if (!present) {
            if ("required".equalsIgnoreCase(System.getenv("UNBIND_TEST_BROWSER"))) {
                Assertions.fail(why + "; UNBIND_TEST_BROWSER=required");
            }
            Assumptions.abort(why);
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            return new Browser(base, Files.createTempDirectory("console-downloads"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void go(String path) {
        driver.get(base + path);
        ready();
        Object ms = script("return document.body.getAttribute('data-ready-ms')");
        if (ms != null) {
            TIMINGS.add(path.replaceAll("sha256:[0-9a-f]+", "{version}").replaceAll("decisions/[0-9a-f-]{36}",
                    "decisions/{id}") + "\t" + ms);
        }
    }

    /** Each page opened with go(): its path and the milliseconds from navigation to its first work done. */
    static final List<String> TIMINGS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Writes the timings next to the screenshots (timings.tsv). */
    static void writeTimings() {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve("timings.tsv"), TIMINGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the page's script has done its first work (body[data-ready]). */
    void ready() {
        // One script reads the whole state, so a page that reloads meanwhile is never half read.
        Object state = new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> ((JavascriptExecutor) d)
                .executeScript("if (document.readyState !== 'complete' || !document.body) return null;"
                        + " if (document.body.classList.contains('sign-in-page')) return 'true';"
                        + " return document.body.getAttribute('data-ready');"));
        Assertions.assertNotEquals("failed", state, () -> "The page's script failed: " + text("main"));
    }

    void signIn(String name, String password) {
        go("/console/sign-in");
        signInHere(name, password);
    }

    /** Fills in the sign-in form the browser is on and sends it. */
    void signInHere(String name, String password) {
        WebElement user = driver.findElement(By.id("j_username"));
        user.clear();
        user.sendKeys(name);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        // The click only starts the form's POST: wait until it has left the sign-in page, or a navigation made
        // meanwhile would cancel the sign-in.
        waiting().until(d -> !d.getCurrentUrl().contains("/console/sign-in"));
        ready();
    }

    void signOut() {
        click(By.id("sign-out"));
        waitFor(By.className("sign-in-page"));
    }

    WebElement waitFor(By what) {
        try {
            return waiting().until(ExpectedConditions.visibilityOfElementLocated(what));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No " + what + " on " + driver.getCurrentUrl() + "; the page says: "
                    + pageText(), e);
        }
    }

    void waitForText(By where, String text) {
        try {
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(where, text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No '" + text + "' in " + where + " on " + driver.getCurrentUrl()
                    + "; the page says: " + pageText(), e);
        }
    }

    private String pageText() {
        try {
            return driver.findElement(By.tagName("main")).getText();
        } catch (WebDriverException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** A wait that looks again while a page reloads under it (its elements are then briefly gone or stale). */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    void click(By what) {
        WebElement element = new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.elementToBeClickable(what));
        element.click();
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A screenshot of the whole page (not only the window) to target/console-screenshots/NAME.png. */
    void screenshot(String name) {
        script("window.scrollTo(0, 0)");
        Number height = (Number) script("return Math.ceil(document.documentElement.scrollHeight)");
        Dimension window = driver.manage().window().getSize();
        size(window.getWidth(), Math.min(6000, Math.max(window.getHeight(), height.intValue() + 100)));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            size(window.getWidth(), window.getHeight());
        }
    }

    /** A screenshot of one part of the page: the card that holds the element, whole however tall it is. */
    void screenshot(String name, By element) {
        Dimension window = driver.manage().window().getSize();
        Number height = (Number) script("return Math.ceil(document.documentElement.scrollHeight)");
        size(window.getWidth(), Math.min(6000, Math.max(window.getHeight(), height.intValue() + 100)));
        try {
            WebElement card = driver.findElement(element);
            script("arguments[0].scrollIntoView()", card);
            Files.write(SCREENSHOTS.resolve(name + ".png"), card.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            size(window.getWidth(), window.getHeight());
        }
    }

    /** What the browser's console said: a content security policy violation or a script error shows here. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // A refused request the page shows as a message is the page working, not failing.
                .filter(message -> !message.matches(".*the server responded with a status of (40[0-9]|409|422).*"))
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
