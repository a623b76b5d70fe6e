package io.cellgate.itests.hw;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.After;
import org.junit.Test;

/**
 * The hardware gateway as the service manager runs it, a process of its own over a fake sysfs tree: killed with
 * SIGKILL mid-balance it leaves its outputs as they were (the kernel keeps PWM channels and LEDs as last written,
 * and so does the tree), and {@code outputs-off}, run from the configuration alone as {@code ExecStopPost} would,
 * turns every one of them off.
 */
public class OutputsOffIT {

    /** target/export/gateway-hw: the resolved bundles, the class path of the command as the docs give it. */
    static final Path BUNDLES = Path.of(System.getProperty("hardware.bundles.dir")).toAbsolutePath().normalize();
    static final Path JAR = BUNDLES.getParent().getParent().resolve("gateway-hw.jar");
    static final Path CONFIG = Path.of(System.getProperty("cellgate.hardware.config"));
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private Process gateway;

    @After
    public void stopTheGateway() throws InterruptedException {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    public void afterKillMinus9TheCommandTurnsEveryOutputOffFromTheConfigurationAlone() throws Exception {
        Path home = Files.createTempDirectory(Path.of(System.getProperty("project.build.directory")), "outputs-off");
        FakeSysfs tree = FakeSysfs.create(home, CONFIG);
        double[] cells = new double[tree.cells()];
        Arrays.fill(cells, 3.70);
        cells[6] = 3.85; // cell 7 high: the EK-L20S1A moves charge from it into cells 6 and 8
        tree.setCells(cells);
        Path config = home.resolve("config/hardware");
        tree.installConfig(CONFIG, config, Map.of("org.osgi.service.http.port",
                Integer.toString(HardwareOptions.freePort())));
        // No MQTT: a broker another test runs on this machine must not hear this gateway.
        Files.delete(config.resolve("io.cellgate.export.mqtt-local.cfg"));

        Path log = home.resolve("gateway.log");
        gateway = new ProcessBuilder(JAVA, "-jar", JAR.toString()).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        await("pair 7 balancing (" + log + ")", () -> "1".equals(tree.switchLine(5, false))
                && "1".equals(tree.switchLine(6, true)) && !"0".equals(tree.pwm(6, "duty_cycle")));
        String duty = tree.pwm(6, "duty_cycle");
        assertEquals("1", tree.pwm(6, "enable"));
        assertEquals("255", tree.cellLed(6, "brightness"));

        long pid = gateway.pid();
        gateway.destroyForcibly(); // SIGKILL: no shutdown hook, no deactivation, nothing of the gateway runs
        assertTrue(gateway.waitFor(30, TimeUnit.SECONDS));
        assertEquals("killed by SIGKILL", 128 + 9, gateway.exitValue());
        assertEquals("the outputs stay as the dead process left them", "1", tree.pwm(6, "enable"));
        assertEquals(duty, tree.pwm(6, "duty_cycle"));
        assertEquals("1", tree.switchLine(6, true));

        // As the unit's ExecStopPost runs it: the resolved bundles as the class path, the configuration directory.
        long start = System.nanoTime();
        Process off = new ProcessBuilder(JAVA, "-cp", BUNDLES + File.separator + "*",
                "io.cellgate.driver.linux.off.OutputsOff", "outputs-off", config.toString()).directory(home.toFile())
                .redirectErrorStream(true).start();
        String output = new String(off.getInputStream().readAllBytes());
        assertTrue(off.waitFor(60, TimeUnit.SECONDS));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(output, 0, off.exitValue());
        assertTrue(output, output.contains("pack1 (io.cellgate.driver.linux.balance-pack1.cfg): 38 switch lines off"));
        System.out.printf("outputs-off after kill -9 of gateway %d: every output off in %.2f s (JVM start included)%n",
                pid, seconds);

        List<String> on = new ArrayList<>();
        for (int k = 0; k < tree.cells() - 1; k++) {
            check(on, "pair " + (k + 1) + " enable", tree.pwm(k, "enable"));
            check(on, "pair " + (k + 1) + " duty_cycle", tree.pwm(k, "duty_cycle"));
            check(on, "pair " + (k + 1) + " up", tree.switchLine(k, true));
            check(on, "pair " + (k + 1) + " down", tree.switchLine(k, false));
        }
        for (int c = 0; c < tree.cells(); c++) {
            check(on, "cell " + (c + 1) + " LED", tree.cellLed(c, "brightness"));
            assertEquals("no timer flashes cell " + (c + 1) + "'s LED", "none", tree.cellLed(c, "trigger"));
        }
        assertTrue("still on: " + on, on.isEmpty());
        assertFalse(gateway.isAlive());
    }

    private static void check(List<String> on, String what, String value) {
        if (!"0".equals(value)) {
            on.add(what + "=" + value);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 90 s");
            }
            Thread.sleep(100);
        }
    }
}
