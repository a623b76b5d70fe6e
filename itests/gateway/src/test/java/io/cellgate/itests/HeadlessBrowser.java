package io.cellgate.itests;

import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium through {@code chromedriver}, with a profile of its own that goes
 * when it is closed. Screenshots go to {@code docs/console/}, where the console's page shows them.
 */
final class HeadlessBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = GatewayProcess.ROOT.resolve("docs/console");

    final WebDriver driver;
    private final Path profile;

    HeadlessBrowser() throws IOException {
        assertTrue("Chromium and its driver are needed: apt-get install -y chromium chromium-driver",
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER));
        profile = Files.createTempDirectory("cellgate-chromium");
        // as root Chromium runs only without its sandbox
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=1400,900");
        long started = System.nanoTime();
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build(), options);
        System.out.println("browser started in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /** Waits for the condition; a failure says what was awaited and what {@code seen} describes. */
    <T> T waitFor(String what, long seconds, Supplier<String> seen, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)).withMessage(() -> what + "; " + seen.get())
                .pollingEvery(Duration.ofMillis(50)).until(condition);
    }

    Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    void shoot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Waits until the gateway answers on the test's port: it reads that port from config/ through FileInstall and
     * Config Admin, after its packs may already tick, and a page asked for before gets "connection refused".
     */
    static void awaitHttp(String url) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (GatewayProcess.get(url).isEmpty()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the gateway did not answer on " + url + " within 30 s");
            }
            Thread.sleep(100);
        }
    }

    /**
     * A browser test's end: the browser closes, the gateway's console is kept in
     * {@code target/console-screenshots/<transcript>} for a failure's reader, and the gateway ends. Either may be null
     * (a start that failed).
     */
    static void closeBoth(HeadlessBrowser browser, GatewayConsole gateway, String transcript) throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (gateway != null) {
            Files.writeString(Files.createDirectories(Path.of(System.getProperty("project.build.directory",
                    "target"), "console-screenshots")).resolve(transcript), gateway.screen());
            gateway.close();
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> all = Files.walk(profile)) {
            for (Path p : all.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
