package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real browser against the real gateway: {@code gateway.jar} runs as a process on a terminal
 * (its Gogo console takes the {@code sim:*} commands) with its HTTP on a free loopback port, and Debian's headless
 * Chromium, driven by Selenium through {@code chromedriver}, opens its pages. The overview lists pack1; the pack page
 * shows its 20 cells and 19 pairs; {@code sim:imbalance pack1 7 150} lights the LEDs of cells 6, 7, 8 and raises
 * cell 7's bar within 2 s, and they go out once it is balanced; {@code sim:disconnect pack1 4} makes cell 4's LED
 * really flash, its status read "open wire", a fault appear with its time, and pack1's tile stand out. Screenshots
 * go to {@code docs/console/}, where docs/console.md shows them.
 */
public class WebConsoleIT {

    private static GatewayConsole gateway;
    private static HeadlessBrowser chromium;
    private static WebDriver browser;
    private static String base;

    @BeforeClass
    public static void start() throws Exception {
        int port = GatewayOptions.freePort();
        base = "http://127.0.0.1:" + port;
        gateway = new GatewayConsole(port);
        chromium = new HeadlessBrowser();
        browser = chromium.driver;
        gateway.awaitReady();
        // the cell insight reads a cell's charge once the pack has rested 10 s (the least it takes), not half an hour
        java.nio.file.Path insight = gateway.dir.resolve("config/io.cellgate.insight.pack-pack1.cfg");
        java.nio.file.Files.writeString(insight.resolveSibling("insight.tmp"), "pack.id=pack1\nrest.s=10\n");
        java.nio.file.Files.move(insight.resolveSibling("insight.tmp"), insight,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        HeadlessBrowser.awaitHttp(base + "/api/packs");
    }

    @AfterClass
    public static void stop() throws IOException {
        HeadlessBrowser.closeBoth(chromium, gateway, "console.txt");
    }

    private static <T> T waitFor(String what, long seconds, Function<WebDriver, T> condition) {
        return chromium.waitFor(what, seconds, () -> "the page shows " + seen() + "; the console's last lines:\n"
                + tail(gateway.screen()), condition);
    }

    /** What the pack page shows of cells 3 to 9, for a failure's message. */
    private static String seen() {
        StringBuilder b = new StringBuilder();
        for (WebElement c : browser.findElements(By.cssSelector("li.cell"))) {
            int n = Integer.parseInt(c.getAttribute("data-cell"));
            if (n >= 3 && n <= 9) {
                b.append("\n  ").append(c.getAttribute("aria-label"));
            }
        }
        return b.length() == 0 ? "no cells" : b.toString();
    }

    private static String tail(String screen) {
        return screen.substring(Math.max(0, screen.length() - 1500));
    }

    private static WebElement cell(int n) {
        return browser.findElement(By.cssSelector("li.cell[data-cell='" + n + "']"));
    }

    private static double deviationMillivolts(int n) {
        String dev = cell(n).findElement(By.className("dev")).getText(); // "+12.3 mV"
        return Double.parseDouble(dev.replace(" mV", "").replace("+", ""));
    }

    private static void shoot(String name) throws IOException {
        chromium.shoot(name);
    }

    private static Object js(String script) {
        return chromium.js(script);
    }

    @Test
    public void theConsoleShowsThePackAndFollowsItLive() throws Exception {
        // the overview: one tile for pack1 with what it is and how it is
        long asked = System.nanoTime();
        browser.get(base + "/");
        WebElement tile = waitFor("pack1's tile on the overview", 10,
                b -> b.findElements(By.cssSelector("li.tile[data-pack='pack1'] [data-k='model']")).stream()
                        .filter(e -> !e.getText().isEmpty()).findFirst().map(e -> e.findElement(By.xpath(
                                "ancestor::li[@data-pack='pack1']"))).orElse(null));
        System.out.println("overview shows pack1 " + (System.nanoTime() - asked) / 1_000_000 + " ms after asking");
        String text = tile.getText();
        assertTrue(text, text.contains("20 NCM") && text.contains("EK-L20S1A/datasheet") && text.contains("ACTIVE"));
        assertTrue(text, text.matches("(?s).*Spread \\(max−min\\)\\s+\\d+\\.\\d mV.*"));
        assertTrue(text, text.matches("(?s).*Largest adjacent ΔV\\s+\\d+\\.\\d mV.*"));
        assertEquals("/packs/pack1", tile.findElement(By.cssSelector("a.tile-name")).getDomProperty("pathname"));
        shoot("overview");

        // the pack page: 20 bars, 19 pairs between them
        asked = System.nanoTime();
        browser.get(base + "/packs/pack1");
        waitFor("20 cells with their voltages", 10, b -> b.findElements(By.cssSelector("li.cell .volts")).stream()
                .filter(e -> e.getText().matches("\\d\\.\\d{3} V")).count() == 20);
        System.out.println("pack page shows 20 cells " + (System.nanoTime() - asked) / 1_000_000 + " ms after asking");
        assertEquals(19, browser.findElements(By.cssSelector("li.pair")).size());
        assertEquals("20 NCM", browser.findElement(By.id("s-cells")).getText());
        assertTrue(cell(7).getAttribute("aria-label").matches("Cell 7: \\d\\.\\d{3} V, [+-]\\d+\\.\\d mV from the "
                + "mean, LED (on|off|flashing), status ok"));
        waitFor("the charts with the history", 10, b -> ((Number) js("return CellgateCharts.points()")).intValue() >= 1
                && b.findElements(By.cssSelector("#spread-chart canvas")).size() == 1
                && b.findElements(By.cssSelector("#cells-chart .u-legend .u-series")).size() == 21);
        long tickBefore = tick();
        waitFor("the page to follow the ticks", 5, b -> tick() > tickBefore);

        // the cell insight: a row of estimates per cell, the charge of the cells that rested read from their voltage
        // (read in one script: the rows are drawn anew when the figures change)
        String rows = "return Array.from(document.querySelectorAll('#estimates tbody tr')).map(r => "
                + "Array.from(r.cells).map(c => c.textContent).join('|'))";
        waitFor("the charge of a rested cell in the insight's table", 40, b -> ((java.util.List<?>) js(rows))
                .stream().anyMatch(r -> r.toString().matches("\\d+\\|\\d+\\.\\d %\\|.*")));
        java.util.List<?> table = (java.util.List<?>) js(rows);
        assertEquals(table.toString(), 20, table.size());
        assertTrue(table.toString(), table.get(0).toString().matches("1\\|(\\d+\\.\\d %|–)\\|–\\|–\\|–\\|–"));
        js("document.getElementById('faults-title').scrollIntoView()");
        shoot("pack-insight");
        js("window.scrollTo(0, 0)");

        // imbalance: cell 7 up by 150 mV; its neighbours' pairs balance it, the LEDs of 6, 7, 8 light
        double before = deviationMillivolts(7);
        long typed = System.nanoTime();
        gateway.type("sim:imbalance pack1 7 150\r");
        // (its reading rises less than its open-circuit voltage: its balancing current flows through its resistance)
        waitFor("the LEDs of cells 6, 7, 8 to light and cell 7's bar to rise", 2, b ->
                on(6) && on(7) && on(8) && deviationMillivolts(7) > before + 50);
        System.out.println("imbalance shown " + (System.nanoTime() - typed) / 1_000_000 + " ms after the command");
        assertEquals("pos", cell(7).getAttribute("data-sign"));
        WebElement pair6 = browser.findElement(By.cssSelector("li.pair[data-pair='6']"));
        WebElement pair7 = browser.findElement(By.cssSelector("li.pair[data-pair='7']"));
        assertEquals("7->6", pair6.getAttribute("data-direction"));
        assertEquals("←", pair6.findElement(By.className("arrow")).getText());
        assertEquals("7->8", pair7.getAttribute("data-direction"));
        assertEquals("→", pair7.findElement(By.className("arrow")).getText());
        assertTrue(pair7.getText(), pair7.getText().matches("(?s).*\\d\\.\\d\\d A.*"));
        shoot("pack-balancing");

        // balanced, ten simulated minutes a second: the LEDs go out
        gateway.type("sim:speed pack1 600\r");
        waitFor("cell 7's LED to go out once it is balanced", 60, b -> "OFF".equals(cell(7).getAttribute("data-led")));
        gateway.type("sim:speed pack1 1\r");

        // an open sense wire: the LED flashes, for real, and the status says so
        gateway.type("sim:disconnect pack1 4\r");
        waitFor("cell 4's LED to flash and its status to read open wire", 5, b ->
                "FLASHING".equals(cell(4).getAttribute("data-led"))
                        && cell(4).findElement(By.className("status")).getText().equals("open wire"));
        WebElement led = cell(4).findElement(By.className("led"));
        assertEquals("LED flashing", led.getAttribute("aria-label"));
        assertEquals("led-flash", led.getCssValue("animation-name"));
        Set<String> opacities = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            opacities.add(led.getCssValue("opacity"));
            Thread.sleep(100);
        }
        assertTrue("the LED's opacity changes over a second: " + opacities, opacities.size() >= 2);
        waitFor("the fault with the time it appeared", 5, b -> !b.findElements(By.cssSelector("#faults li time"))
                .isEmpty());
        String fault = browser.findElement(By.cssSelector("#faults li")).getText();
        assertTrue(fault, fault.contains("cell 4") || fault.contains("cell 5"));
        assertTrue(browser.findElement(By.tagName("body")).getAttribute("class").contains("faulted"));
        shoot("pack-faulted");
        WebElement day = browser.findElement(By.id("range-day"));
        day.click();
        waitFor("the day's spread chart", 5, b -> "true".equals(day.getAttribute("aria-pressed")));

        browser.get(base + "/");
        waitFor("pack1's tile to stand out as faulted", 10, b -> b.findElements(
                By.cssSelector("li.tile.fault[data-pack='pack1'] .tile-faults li")).size() > 0);
        shoot("overview-faulted");

        browser.manage().window().setSize(new Dimension(390, 1400));
        browser.get(base + "/packs/pack1");
        waitFor("the phone-width page", 10, b -> b.findElements(By.cssSelector("li.cell .volts")).size() == 20);
        Thread.sleep(300);
        shoot("pack-phone");
        browser.manage().window().setSize(new Dimension(1400, 900));
        Object heap = js("return performance.memory ? performance.memory.usedJSHeapSize : -1");
        System.out.println("page JS heap " + heap + " bytes");
        Thread.sleep(1500); // the streams of the pages left behind are found closed at their next event
        assertFalse("a page that closes its stream is no error for the gateway's log:\n" + gateway.screen(),
                gateway.screen().contains("Exception"));
    }

    private static boolean on(int n) {
        return "ON".equals(cell(n).getAttribute("data-led"));
    }

    private static long tick() {
        String t = browser.findElement(By.id("s-tick")).getText(); // "#123, 11:32:20 AM"
        return t.startsWith("#") ? Long.parseLong(t.substring(1, t.indexOf(','))) : -1;
    }

}
