package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.CookieManager;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator's actions on the pack page, in headless Chromium against {@code gateway.jar} with its HTTP bound to
 * every interface (0.0.0.0), as an operator binds it to the network: from the gateway itself (loopback) and without a
 * password, a swap from the page changes the model in the next ticks and in pack1's file, a model that fits only with
 * warnings asks for confirmation, a bad value is refused with the shell's own message and the range; from the
 * machine's own non-loopback address, a change is refused (403, and the page says what to configure); a request of
 * another site (wrong Origin) or without the page's token is refused; then with a password made by
 * {@code cellgate:password}, a change needs a login, the wrong password is refused, the right one works from the
 * network, and the log names the user and address.
 */
public class WebActionsIT {

    private static final String PASSWORD = "correct horse battery";

    private static GatewayConsole gateway;
    private static HeadlessBrowser chromium;
    private static WebDriver browser;
    private static String loopback;
    private static String network;
    private static String networkAddress;

    @BeforeClass
    public static void start() throws Exception {
        networkAddress = nonLoopbackAddress();
        int port = GatewayOptions.freePort();
        loopback = "http://127.0.0.1:" + port;
        network = "http://" + networkAddress + ":" + port;
        gateway = new GatewayConsole(port, "0.0.0.0");
        chromium = new HeadlessBrowser();
        browser = chromium.driver;
        gateway.awaitReady();
        HeadlessBrowser.awaitHttp(loopback + "/api/packs");
    }

    /** An IPv4 address of this machine's that is not loopback: a client from there is "the network" to the gateway. */
    static String nonLoopbackAddress() throws SocketException {
        for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (i.isUp() && !i.isLoopback()) {
                for (InetAddress a : Collections.list(i.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return a.getHostAddress();
                    }
                }
            }
        }
        throw new AssertionError("this machine has no non-loopback IPv4 address to reach the gateway from the "
                + "network; AccessRulesTest (bundles/web) checks the rule without one");
    }

    @AfterClass
    public static void stop() throws IOException {
        HeadlessBrowser.closeBoth(chromium, gateway, "actions-console.txt");
    }

    private static <T> T waitFor(String what, long seconds, Function<WebDriver, T> condition) {
        return chromium.waitFor(what, seconds, () -> "the page says " + text("act-result") + " / "
                + text("act-why") + "; the console's last lines:\n" + tail(), condition);
    }

    private static String tail() {
        String s = gateway.screen();
        return s.substring(Math.max(0, s.length() - 1500));
    }

    private static String text(String id) {
        List<WebElement> e = browser.findElements(By.id(id));
        return e.isEmpty() ? "" : e.get(0).getText();
    }

    private static Path packFile() {
        return gateway.dir.resolve("config/io.cellgate.pack-pack1.cfg");
    }

    /** The pack page, with its actions ready: the models and properties loaded, the forms enabled or not. */
    private static void openPack(String base, boolean mayChange) {
        browser.get(base + "/packs/pack1");
        waitFor("the actions, " + (mayChange ? "enabled" : "refused"), 15, b ->
                String.valueOf(mayChange).equals(b.findElement(By.tagName("body")).getAttribute("data-may-change"))
                        && (!mayChange || new Select(b.findElement(By.id("swap-model"))).getOptions().size() > 2
                        && !new Select(b.findElement(By.id("set-property"))).getOptions().isEmpty()));
    }

    private static void setOnPage(String property, String value) {
        new Select(browser.findElement(By.id("set-property"))).selectByValue(property);
        WebElement input = browser.findElement(By.id("set-value"));
        input.clear();
        input.sendKeys(value);
        browser.findElement(By.id("set-button")).click();
    }

    private static String resultAfter(String action) {
        return waitFor("the answer to " + action, 10, b -> {
            String r = text("act-result");
            return r.isEmpty() ? null : r;
        });
    }

    @Test
    public void theOperatorsActionsFollowTheShellsRulesAndNeedWhatTheConfigurationAsks() throws Exception {
        // From the gateway itself, no password: swap to a model that fits, from the page.
        openPack(loopback, true);
        Select models = new Select(browser.findElement(By.id("swap-model")));
        assertTrue(models.getFirstSelectedOption().getText(),
                models.getFirstSelectedOption().getText().matches("EK-L20S1A/datasheet — ✓ fits \\(in use\\)"));
        WebElement lfp = browser.findElement(By.cssSelector("#swap-model option[value='EK-L20S1A/lfp']"));
        assertEquals("FITS_WITH_WARNINGS", lfp.getAttribute("data-verdict"));
        assertTrue(lfp.getText(), lfp.getText().contains("⚠ fits with warnings"));
        models.selectByValue("EK-L20S1A/tight");
        long asked = System.nanoTime();
        browser.findElement(By.id("swap-button")).click();
        String said = resultAfter("the swap");
        assertEquals("pack1: EK-L20S1A/datasheet -> EK-L20S1A/tight (balancer.target=(&(cellgate.model=EK-L20S1A)"
                + "(cellgate.variant=tight))), io.cellgate.pack-pack1.cfg updated", said);
        waitFor("the page to show the new model in the next ticks", 5,
                b -> "EK-L20S1A/tight".equals(text("s-model")));
        System.out.println("swap shown on the page " + (System.nanoTime() - asked) / 1_000_000 + " ms after the click");
        assertTrue(Files.readString(packFile()), Files.readString(packFile()).contains(
                "balancer.target = (&(cellgate.model=EK-L20S1A)(cellgate.variant=tight))")
                || Files.readString(packFile()).contains(
                "balancer.target=(&(cellgate.model=EK-L20S1A)(cellgate.variant=tight))"));
        gateway.await("the swap in the log with who asked", s -> s.contains(
                "swap requested by web console without a password from 127.0.0.1: EK-L20S1A/datasheet -> "
                        + "EK-L20S1A/tight"));

        // A model that fits with warnings asks first; cancelled, nothing changes.
        models.selectByValue("EK-L20S1A/lfp");
        browser.findElement(By.id("swap-button")).click();
        WebElement confirm = waitFor("the confirmation", 5, b -> {
            WebElement c = b.findElement(By.id("swap-confirm"));
            return c.isDisplayed() ? c : null;
        });
        assertTrue(confirm.getText(), confirm.getText().contains("cascade"));
        chromium.shoot("pack-actions");
        browser.findElement(By.id("swap-confirm-no")).click();
        assertEquals("swap cancelled", resultAfter("cancel"));
        assertEquals("EK-L20S1A/tight", text("s-model"));

        // A bad value: refused on the page with the range, in the words of the shell.
        setOnPage("tick.ms", "5");
        waitFor("the refusal", 10, b -> text("act-result").contains("tick.ms=5"));
        assertEquals("tick.ms=5 is out of range: 10 to 60000 ms", text("act-result"));
        assertTrue(text("set-range"), text("set-range").startsWith("range 10 to 60000 ms; now 100"));
        gateway.type("cellgate:set pack1 tick.ms 5\r");
        // the page's refusal goes to no log: the console shows the shell's alone, the same words
        gateway.await("the shell's refusal", s -> s.contains("tick.ms=5 is out of range: 10 to 60000 ms"));
        assertFalse(Files.readString(packFile()).contains("tick.ms=5\n"));
        setOnPage("tick.ms", "200");
        waitFor("the change", 10, b -> text("act-result").startsWith("pack1: tick.ms=200"));
        assertTrue(Files.readString(packFile()), Files.readString(packFile()).matches("(?s).*tick.ms ?= ?200\n.*"));

        // Cross-site: the token of the page is what a request needs, and another site's Origin is refused even with it.
        String token = session(loopback, null).get("token").getAsString();
        assertRefused(403, "X-Cellgate-Token", post(loopback, "/api/packs/pack1/set", "{\"property\": \"tick.ms\", "
                + "\"value\": \"300\"}", null, null, null));
        assertRefused(403, "cross-site request is refused", post(loopback, "/api/packs/pack1/set",
                "{\"property\": \"tick.ms\", \"value\": \"300\"}", token, "http://evil.example", null));
        assertRefused(405, "use POST", get(loopback + "/api/packs/pack1/set"));
        // the gateway, not the page, holds the rule: unconfirmed, a model that fits with warnings is refused
        assertRefused(409, "confirm to use it anyway", post(loopback, "/api/packs/pack1/swap",
                "{\"model\": \"EK-L20S1A/lfp\"}", token, null, null));
        assertRefused(400, "unknown model 'ACME-9'", post(loopback, "/api/packs/pack1/swap",
                "{\"model\": \"ACME-9\"}", token, null, null));
        assertRefused(400, "not a JSON object", post(loopback, "/api/packs/pack1/set", "{not json", token, null, null));

        // From the network without a password: refused, and the page says what to configure.
        assertTrue(session(network, null).get("token").isJsonNull());
        HttpResponse<String> refused = post(network, "/api/packs/pack1/set", "{\"property\": \"tick.ms\", "
                + "\"value\": \"300\"}", token, network, null);
        assertRefused(403, "needs a password, and this console has none: set password.hash in "
                + "config/io.cellgate.web.cfg", refused);
        openPack(network, false);
        assertTrue(text("act-why"), text("act-why").contains("set password.hash in config/io.cellgate.web.cfg "
                + "(cellgate:password prints the line)"));
        assertFalse(browser.findElement(By.id("set-button")).isEnabled());
        assertTrue(Files.readString(packFile()).matches("(?s).*tick.ms ?= ?200\n.*"));

        // A password, hashed by the gateway's own command, in the configuration file.
        gateway.type("cellgate:password '" + PASSWORD + "'\r");
        String screen = gateway.await("the hash", s -> s.contains("password.hash=pbkdf2-sha256:"));
        Matcher line = Pattern.compile("password\\.hash=(pbkdf2-sha256:\\d+:[A-Za-z0-9+/]+:[A-Za-z0-9+/]+)")
                .matcher(screen);
        assertTrue(line.find());
        assertFalse(screen.substring(screen.indexOf("password.hash=")).contains(PASSWORD));
        Files.writeString(gateway.dir.resolve("config/io.cellgate.web.cfg"), "password.hash=" + line.group(1) + "\n");
        // The console takes the new configuration without going away (@Modified): an empty change is refused for
        // its body (400) until the password applies, and then for want of a login (401), never anything between
        // (when the servlets were deactivated and activated again, Jetty once answered a POST with its own 405).
        List<Integer> statuses = new ArrayList<>();
        chromium.waitFor("the console to ask for its password", 15, () -> "statuses " + statuses, b -> {
            statuses.add(setStatus(loopback, token));
            JsonObject s = session(network, null);
            return s != null && s.get("passwordSet").getAsBoolean() && statuses.get(statuses.size() - 1) == 401
                    ? s : null;
        });
        int firstLogin = statuses.indexOf(401);
        assertTrue("400 before the password, 401 after: " + statuses, firstLogin >= 0
                && statuses.subList(0, firstLogin).stream().allMatch(st -> st == 400)
                && statuses.subList(firstLogin, statuses.size()).stream().allMatch(st -> st == 401));

        // Now even the gateway itself needs to log in, and the wrong password is refused.
        assertRefused(401, "log in first", post(loopback, "/api/packs/pack1/set", "{\"property\": \"tick.ms\", "
                + "\"value\": \"300\"}", token, null, null));
        CookieManager cookies = new CookieManager();
        assertRefused(401, "wrong user or password", post(network, "/api/login", "{\"user\": \"admin\", "
                + "\"password\": \"guess\"}", null, network, cookies));
        HttpResponse<String> login = post(network, "/api/login", "{\"user\": \"admin\", \"password\": \"" + PASSWORD
                + "\"}", null, network, cookies);
        assertEquals(login.body(), 200, login.statusCode());
        assertTrue(login.headers().firstValue("Set-Cookie").orElse(""),
                login.headers().firstValue("Set-Cookie").orElse("").contains("HttpOnly; SameSite=Strict"));
        String sessionToken = JsonParser.parseString(login.body()).getAsJsonObject().get("token").getAsString();
        assertRefused(403, "X-Cellgate-Token", post(network, "/api/packs/pack1/set", "{\"property\": \"tick.ms\", "
                + "\"value\": \"300\"}", token, network, cookies)); // the old loopback token is no session's
        HttpResponse<String> scripted = post(network, "/api/packs/pack1/set", "{\"property\": \"tick.ms\", "
                + "\"value\": \"300\"}", sessionToken, network, cookies);
        assertEquals(scripted.body(), 200, scripted.statusCode());

        // The page from the network: log in, then a change works and the log names who made it.
        openPack(network, false);
        waitFor("the login form", 10, b -> b.findElement(By.id("login")).isDisplayed());
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-button")).click();
        waitFor("the actions after the login", 15, b -> "true".equals(b.findElement(By.tagName("body"))
                .getAttribute("data-may-change")) && !new Select(b.findElement(By.id("set-property"))).getOptions()
                .isEmpty());
        assertEquals("logged in as admin", text("act-who"));
        setOnPage("tick.ms", "250");
        waitFor("the change from the network", 10, b -> text("act-result").startsWith("pack1: tick.ms=250"));
        gateway.await("the change in the log with the user and address", s -> s.contains(
                "tick.ms set to 250 by web console user admin from " + networkAddress));
        assertTrue(Files.readString(packFile()).matches("(?s).*tick.ms ?= ?250\n.*"));
        assertFalse("no exception reached the gateway's console:\n" + gateway.screen(),
                gateway.screen().contains("Exception"));
    }

    private static void assertRefused(int status, String says, HttpResponse<String> r) {
        assertEquals(r.body(), status, r.statusCode());
        String error = JsonParser.parseString(r.body()).getAsJsonObject().get("error").getAsString();
        assertTrue(error, error.contains(says));
        assertFalse("no stack trace, no exception class: " + error, error.matches("(?s).*(Exception|\\tat ).*"));
    }

    private static final HttpClient PLAIN = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static JsonObject session(String base, CookieManager cookies) {
        try {
            HttpResponse<String> r = client(cookies).send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JsonParser.parseString(r.body()).getAsJsonObject() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return PLAIN.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The status of an empty change of pack1, or -1 when the gateway does not answer. */
    private static int setStatus(String base, String token) {
        try {
            return post(base, "/api/packs/pack1/set", "{}", token, null, null).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A POST as a script sends it: JSON, the token and Origin given (or none), the cookies of a login. */
    private static HttpResponse<String> post(String base, String path, String json, String token, String origin,
            CookieManager cookies) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("X-Cellgate-Token", token);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return client(cookies).send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient client(CookieManager cookies) {
        return cookies == null ? PLAIN : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(cookies).build();
    }
}
