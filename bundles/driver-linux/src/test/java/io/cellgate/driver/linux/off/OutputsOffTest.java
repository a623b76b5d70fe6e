package io.cellgate.driver.linux.off;

import static io.cellgate.driver.linux.testing.FakeTree.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.driver.linux.testing.FakeGpio;
import io.cellgate.driver.linux.testing.FakeTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputsOffTest {

    /** The example configuration the gateway ships, as the service manager's command would read it. */
    static final Path SHIPPED = Path.of("../../config/hardware");

    @TempDir
    Path root;
    @TempDir
    Path config;

    FakeTree tree;
    final FakeGpio gpio = new FakeGpio().chip("gpiochip1", 32);
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final List<Path> pwm = new ArrayList<>();

    @BeforeEach
    void theReferenceBoardLeftFullyOn() {
        tree = new FakeTree(root);
        Path chip0 = tree.pwmChip("pwmchip2", 16, 16, "soc/i2c-1/1-0040");
        Path chip1 = tree.pwmChip("pwmchip3", 16, 3, "soc/i2c-1/1-0041");
        for (int m = 0; m < 16; m++) {
            pwm.add(chip0.resolve("pwm" + m));
        }
        for (int m = 0; m < 3; m++) {
            pwm.add(chip1.resolve("pwm" + m));
        }
        // What a gateway killed mid-balance leaves: every channel running, switches closed, LEDs lit or flashing.
        for (Path p : pwm) {
            FakeTree.write(p.resolve("period"), "1000000");
            FakeTree.write(p.resolve("duty_cycle"), "640000");
            FakeTree.write(p.resolve("enable"), "1");
        }
        for (int k = 1; k <= 20; k++) {
            Path cell = tree.led(String.format("cell%02d", k), 255);
            FakeTree.write(cell.resolve("brightness"), "255");
            FakeTree.write(cell.resolve("trigger"), k % 2 == 0 ? "timer" : "none");
        }
        for (int k = 1; k <= 19; k++) {
            for (String dir : new String[] {"up", "down"}) {
                Path sw = tree.led(String.format("bal%02d-%s", k, dir), 1);
                FakeTree.write(sw.resolve("brightness"), "1");
                FakeTree.write(sw.resolve("trigger"), "none");
            }
        }
        FakeTree.write(root.resolve("dev/gpiochip1"), "");
    }

    /** The shipped file, pointed at the fake tree as the tests of the gateway do. */
    private void copyShipped(String name) throws IOException {
        String text = Files.readString(SHIPPED.resolve(name))
                .replace("sysfs.root=/\n", "sysfs.root=" + root + "\n")
                .replace("dev.root=/dev\n", "dev.root=" + root.resolve("dev") + "\n");
        assertTrue(!name.startsWith("io.cellgate.driver") || text.contains(root.toString()),
                name + " names sysfs.root");
        Files.writeString(config.resolve(name), text);
    }

    private int run(String... args) {
        return new OutputsOff(() -> gpio, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theShippedConfigurationAloneTurnsEveryOutputOff() throws IOException {
        copyShipped("io.cellgate.driver.linux.balance-pack1.cfg");
        copyShipped("io.cellgate.driver.linux.indicators-pack1.cfg");
        copyShipped("io.cellgate.driver.linux.iio-pack1.cfg");   // not an output: left alone
        copyShipped("io.cellgate.pack-pack1.cfg");

        assertEquals(0, run("outputs-off", config.toString()), stderr());
        for (Path p : pwm) {
            assertEquals("0", read(p.resolve("enable")), p.toString());
            assertEquals("0", read(p.resolve("duty_cycle")), p.toString());
        }
        for (int k = 1; k <= 19; k++) {
            for (String dir : new String[] {"up", "down"}) {
                Path sw = root.resolve(String.format("sys/class/leds/bal%02d-%s", k, dir));
                assertEquals("0", read(sw.resolve("brightness")), sw.toString());
            }
        }
        for (int k = 1; k <= 20; k++) {
            Path cell = root.resolve(String.format("sys/class/leds/cell%02d", k));
            assertEquals("0", read(cell.resolve("brightness")), cell.toString());
            assertEquals("none", read(cell.resolve("trigger")), "no timer flashes it on: " + cell);
        }
        assertEquals("""
                pack1 (io.cellgate.driver.linux.balance-pack1.cfg): 38 switch lines off
                pack1 (io.cellgate.driver.linux.balance-pack1.cfg): 19 PWM channels disabled at duty 0
                pack1 (io.cellgate.driver.linux.indicators-pack1.cfg): 20 cell LEDs off
                """, stdout());
        assertEquals("", stderr());
        assertTrue(gpio.requests.isEmpty(), "no GPIO chip is opened when no line is on one");
    }

    @Test
    void gpioLinesAreRequestedLowAndReleasedAndAFailureStopsNothingElse() throws IOException {
        Files.writeString(config.resolve("io.cellgate.driver.linux.balance-pack2.cfg"), """
                cellgate.pack=pack2
                cells=4
                switch.lines=gpiochip1:0, gpiochip1:1, bal02-up, bal02-down, \\
                    gpiochip1:4, gpiochip1:5
                pwm.channels=1-0040:0, pwmchip2:1, 1-0099:2
                sysfs.root=%s
                dev.root=%s
                """.formatted(root, root.resolve("dev")));
        Files.writeString(config.resolve("io.cellgate.driver.linux.indicators-pack2.cfg"), """
                cellgate.pack=pack2
                leds=cell01, gpiochip1:7, cell99, cell04
                sysfs.root=%s
                dev.root=%s
                """.formatted(root, root.resolve("dev")));
        FakeTree.replaceWithDirectory(pwm.get(1).resolve("enable"));

        assertEquals(1, run(config.toString()));
        assertEquals(2, gpio.requests.size(), "one request for the switch lines, one for the LED line");
        FakeGpio.Request switches = gpio.requests.get(0);
        assertEquals("cellgate-outputs-off", switches.consumer);
        assertTrue(switches.closed, "released again, low");
        assertEquals(0, switches.values);
        assertEquals(List.of(0, 1, 4, 5), java.util.Arrays.stream(switches.offsets).boxed().toList());
        assertEquals(List.of(7), java.util.Arrays.stream(gpio.requests.get(1).offsets).boxed().toList());
        assertEquals("0", read(root.resolve("sys/class/leds/bal02-up/brightness")));
        assertEquals("0", read(pwm.get(0).resolve("enable")));
        assertEquals("0", read(pwm.get(0).resolve("duty_cycle")));
        assertEquals("0", read(pwm.get(1).resolve("duty_cycle")), "its enable failed; its duty still went to 0");
        assertEquals("0", read(root.resolve("sys/class/leds/cell04/brightness")), "past the missing LED");

        String e = stderr();
        assertTrue(e.contains("pack2 (io.cellgate.driver.linux.balance-pack2.cfg): PWM chip 1-0099 not found under "
                + root.resolve("sys/class/pwm") + "; present: pwmchip2 (1-0040), pwmchip3 (1-0041)"), e);
        assertTrue(e.contains("writing 0 to " + pwm.get(1).resolve("enable") + " failed: Is a directory"), e);
        assertTrue(e.contains("LED 'cell99' not found under " + root.resolve("sys/class/leds")), e);
        assertTrue(e.contains("outputs-off: 3 outputs could not be turned off (above); check them by hand"), e);
        assertFalse(e.contains("Exception") || e.contains("\tat "), "no exception names, no stack traces: " + e);
        assertTrue(stdout().contains("pack2 (io.cellgate.driver.linux.indicators-pack2.cfg): 3 cell LEDs off"),
                stdout());
    }

    @Test
    void aWrongCallSaysWhatToGive() throws IOException {
        assertEquals(2, run());
        assertTrue(stderr().contains("usage: outputs-off CONFIG_DIR (the hardware gateway's configuration directory,"
                + " such as config/hardware)"), stderr());
        err.reset();
        assertEquals(2, run(root.resolve("nowhere").toString()));
        assertTrue(stderr().startsWith("outputs-off: " + root.resolve("nowhere") + " is no directory."), stderr());
        err.reset();
        Files.writeString(config.resolve("io.cellgate.pack-pack1.cfg"), "pack.id=pack1\n");
        assertEquals(1, run(config.toString()));
        assertTrue(stderr().contains("no balance or LED configuration (io.cellgate.driver.linux.balance-*.cfg, "
                + "io.cellgate.driver.linux.indicators-*.cfg) in " + config), stderr());
    }
}
