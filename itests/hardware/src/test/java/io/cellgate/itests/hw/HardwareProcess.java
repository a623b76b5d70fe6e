package io.cellgate.itests.hw;

import static org.junit.Assert.assertEquals;
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

/**
 * The hardware gateway as the service manager runs it: {@code gateway-hw.jar}, a process of its own in a folder
 * holding a fake sysfs tree made from {@code config/hardware} (cell 7 high, so pair 7 balances), and
 * {@code outputs-off} as the unit's {@code ExecStopPost} runs it.
 */
final class HardwareProcess {

    /** target/export/gateway-hw: the resolved bundles, the class path of the command as the docs give it. */
    static final Path BUNDLES = Path.of(System.getProperty("hardware.bundles.dir")).toAbsolutePath().normalize();
    static final Path JAR = BUNDLES.getParent().getParent().resolve("gateway-hw.jar");
    static final Path CONFIG = Path.of(System.getProperty("cellgate.hardware.config"));
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    final Path home;
    final FakeSysfs tree;
    final Path config;
    final Path log;

    private HardwareProcess(Path home, FakeSysfs tree, Path config) {
        this.home = home;
        this.tree = tree;
        this.config = config;
        this.log = home.resolve("gateway.log");
    }

    /** A fresh folder under target/ with the tree and the shipped configuration, without MQTT. */
    static HardwareProcess prepare(String name) throws IOException {
        Path home = Files.createTempDirectory(Path.of(System.getProperty("project.build.directory")), name);
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
        return new HardwareProcess(home, tree, config);
    }

    Process start(List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        return new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    /** Ends a gateway a test left running, the hard way: what it leaves is what the test is about. */
    static void end(Process gateway) throws InterruptedException {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until pair 7 moves charge from cell 7 down into cell 6 and its LED is lit. */
    void awaitPair7Balancing() throws InterruptedException {
        // The LEDs are written after the balance outputs, in the same tick: wait for both, not only the first.
        await("pair 7 balancing (" + log + ")", () -> "1".equals(tree.switchLine(5, false))
                && "1".equals(tree.switchLine(6, true)) && !"0".equals(tree.pwm(6, "duty_cycle"))
                && "255".equals(tree.cellLed(6, "brightness")));
    }

    /** Runs the command as the unit's ExecStopPost does; returns what it printed, after checking it ended well. */
    String outputsOff() throws IOException, InterruptedException {
        Process off = new ProcessBuilder(JAVA, "-cp", BUNDLES + File.separator + "*",
                "io.cellgate.driver.linux.off.OutputsOff", "outputs-off", config.toString()).directory(home.toFile())
                .redirectErrorStream(true).start();
        String output = new String(off.getInputStream().readAllBytes());
        assertTrue(off.waitFor(60, TimeUnit.SECONDS));
        assertEquals(output, 0, off.exitValue());
        assertTrue(output, output.contains("pack1 (io.cellgate.driver.linux.balance-pack1.cfg): 38 switch lines off"));
        return output;
    }

    /** Every enable, duty, switch line and cell LED of the tree that is not 0, and any LED a timer still flashes. */
    List<String> stillOn() throws IOException {
        List<String> on = new ArrayList<>();
        for (int k = 0; k < tree.cells() - 1; k++) {
            check(on, "pair " + (k + 1) + " enable", tree.pwm(k, "enable"));
            check(on, "pair " + (k + 1) + " duty_cycle", tree.pwm(k, "duty_cycle"));
            check(on, "pair " + (k + 1) + " up", tree.switchLine(k, true));
            check(on, "pair " + (k + 1) + " down", tree.switchLine(k, false));
        }
        for (int c = 0; c < tree.cells(); c++) {
            check(on, "cell " + (c + 1) + " LED", tree.cellLed(c, "brightness"));
            if (!"none".equals(tree.cellLed(c, "trigger"))) {
                on.add("cell " + (c + 1) + " LED trigger=" + tree.cellLed(c, "trigger"));
            }
        }
        return on;
    }

    private static void check(List<String> on, String what, String value) {
        if (!"0".equals(value)) {
            on.add(what + "=" + value);
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 90 s");
            }
            Thread.sleep(100);
        }
    }
}
