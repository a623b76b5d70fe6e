package io.cellgate.driver.linux.indicator;

import static io.cellgate.api.balancer.Indicator.FLASHING;
import static io.cellgate.api.balancer.Indicator.OFF;
import static io.cellgate.api.balancer.Indicator.ON;
import static io.cellgate.driver.linux.testing.FakeTree.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.testing.ManualTickClock;
import io.cellgate.driver.linux.testing.FakeGpio;
import io.cellgate.driver.linux.testing.FakeTree;
import io.cellgate.driver.linux.testing.TestLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.util.converter.Converters;

class LinuxIndicatorsTest {

    @TempDir
    Path root;

    FakeTree tree;
    Path[] leds = new Path[4];
    final TestLog log = new TestLog();
    final ManualTickClock clock = new ManualTickClock();
    final FakeGpio gpio = new FakeGpio().chip("gpiochip1", 16);
    final Decision decision = new Decision(4);

    @BeforeEach
    void fourLedClassLeds() {
        tree = new FakeTree(root);
        for (int c = 0; c < 4; c++) {
            leds[c] = tree.led("cell0" + (c + 1), 255);
        }
        FakeTree.write(root.resolve("dev/gpiochip1"), "");
    }

    private Map<String, Object> config() {
        return tree.driverConfig("leds", "cell01,cell02,cell03,cell04");
    }

    private LinuxIndicators indicators(Map<String, Object> config) {
        return new LinuxIndicators(Converters.standardConverter().convert(config).to(IndicatorsConfig.class),
                clock, log.logger(), gpio);
    }

    /** The indicators of the default configuration, activated, having shown {@code states} (cell 1 first). */
    private LinuxIndicators showing(Indicator... states) throws IOException {
        LinuxIndicators out = indicators(config());
        show(out, states);
        return out;
    }

    private void show(LinuxIndicators out, Indicator... states) throws IOException {
        for (int c = 0; c < states.length; c++) {
            decision.setIndicator(c, states[c]);
        }
        out.show(decision);
    }

    @Test
    void onIsMaxBrightnessOffIsZeroAndFlashingIsTheKernelsTimer() throws IOException {
        FakeTree.write(leds[2].resolve("trigger"), "[heartbeat] none timer"); // a trigger from the device tree
        LinuxIndicators out = indicators(config());
        assertEquals("none", read(leds[2].resolve("trigger")), "activation clears a device-tree trigger");
        show(out, ON, OFF, FLASHING, OFF);
        assertEquals("255", read(leds[0].resolve("brightness")));
        assertEquals("0", read(leds[1].resolve("brightness")));
        assertEquals("timer", read(leds[2].resolve("trigger")));
        assertEquals("250", read(leds[2].resolve("delay_on")));
        assertEquals("250", read(leds[2].resolve("delay_off")));

        show(out, FLASHING, OFF, ON, OFF);
        assertEquals("timer", read(leds[0].resolve("trigger")));
        assertEquals("none", read(leds[2].resolve("trigger")), "leaving the timer before the brightness");
        assertEquals("255", read(leds[2].resolve("brightness")));
        show(out, OFF, OFF, ON, OFF);
        assertEquals("none", read(leds[0].resolve("trigger")));
        assertEquals("0", read(leds[0].resolve("brightness")));
    }

    @Test
    void writesOnlyWhenAnLedChanges() throws IOException {
        LinuxIndicators out = showing(ON, FLASHING, OFF, OFF);
        for (Path led : leds) {
            FakeTree.write(led.resolve("brightness"), "untouched");
            FakeTree.write(led.resolve("trigger"), "untouched");
        }
        show(out, ON, FLASHING, OFF, OFF);
        show(out, ON, FLASHING, OFF, OFF);
        for (Path led : leds) {
            assertEquals("untouched", read(led.resolve("brightness")));
            assertEquals("untouched", read(led.resolve("trigger")));
        }
        show(out, ON, FLASHING, ON, OFF);
        assertEquals("255", read(leds[2].resolve("brightness")));
        assertEquals("untouched", read(leds[0].resolve("brightness")));
    }

    @Test
    void flashTimesAreConfigurable() throws IOException {
        Map<String, Object> c = config();
        c.put("flash.on.ms", 100L);
        c.put("flash.off.ms", 900L);
        show(indicators(c), FLASHING, OFF, OFF, OFF);
        assertEquals("100", read(leds[0].resolve("delay_on")));
        assertEquals("900", read(leds[0].resolve("delay_off")));
    }

    @Test
    void aFailingLedIsReportedAndEveryLedGoesToTheFailSafePattern() throws IOException {
        LinuxIndicators out = showing(ON, ON, OFF, ON);
        FakeTree.replaceWithDirectory(leds[1].resolve("brightness"));
        decision.setIndicator(1, OFF);
        assertThrows(IOException.class, () -> out.show(decision));
        // What Decision.failSafe shows, and telemetry says: every LED flashing, the failed one as well (its
        // trigger still works), none steadily on.
        for (Path led : leds) {
            assertEquals("timer", read(led.resolve("trigger")), led.toString());
            assertEquals("250", read(led.resolve("delay_on")));
        }
        decision.failSafe("an output driver failed"); // what the runtime shows next: no write, all flash already
        for (Path led : leds) {
            FakeTree.write(led.resolve("trigger"), "untouched");
        }
        out.show(decision);
        assertEquals("untouched", read(leds[0].resolve("trigger")));
    }

    @Test
    void gpioLedsFlashFromTheBlinkTaskAfterAFailure() throws IOException {
        Map<String, Object> c = config();
        c.put("leds", "gpiochip1:0,cell02,gpiochip1:2,cell04");
        LinuxIndicators out = indicators(c);
        FakeGpio.Request r = gpio.request("gpiochip1");
        show(out, ON, ON, ON, OFF);
        FakeTree.replaceWithDirectory(leds[1].resolve("brightness"));
        decision.setIndicator(1, OFF);
        assertThrows(IOException.class, () -> out.show(decision));
        assertEquals("timer", read(leds[3].resolve("trigger")));
        assertTrue(r.high(0) && r.high(2), "the GPIO LEDs flash, lit first");
        clock.step();
        assertFalse(r.high(0) || r.high(2), "dark 250 ms later: no LED stays steadily on");
        clock.step();
        assertTrue(r.high(0) && r.high(2));
    }

    @Test
    void deactivationTurnsEveryLedOff() throws IOException {
        LinuxIndicators out = showing(ON, FLASHING, ON, FLASHING);
        out.deactivate();
        for (Path led : leds) {
            assertEquals("0", read(led.resolve("brightness")));
            assertEquals("none", read(led.resolve("trigger")));
        }
        show(out, ON, ON, ON, ON);
        assertEquals("0", read(leds[0].resolve("brightness")), "a deactivated component drives nothing");
        // The trigger files now hold "none", not the kernel's bracketed list: a restart on this tree still works.
        showing(FLASHING, OFF, OFF, OFF);
        assertEquals("timer", read(leds[0].resolve("trigger")));
    }

    @Test
    void gpioLedsFlashByTheGatewaysBlinkTask() throws IOException {
        Map<String, Object> c = config();
        c.put("leds", new String[] {"cell01", "gpiochip1:4", "gpiochip1:5", "cell04"});
        LinuxIndicators out = indicators(c);
        FakeGpio.Request r = gpio.request("gpiochip1");
        assertEquals("cellgate-pack1", r.consumer);
        assertEquals(1, clock.tasks().size());
        assertEquals(250_000_000L, clock.tasks().get(0).periodNanos());

        show(out, OFF, ON, FLASHING, OFF);
        assertTrue(r.high(4));
        assertTrue(r.high(5), "a flashing LED starts lit");
        clock.step();
        assertFalse(r.high(5), "dark after 250 ms");
        assertTrue(r.high(4), "an ON LED does not blink");
        clock.step();
        assertTrue(r.high(5));
        show(out, OFF, OFF, OFF, OFF);
        clock.step();
        assertFalse(r.high(5), "an LED that stopped flashing stays off");

        show(out, OFF, ON, FLASHING, OFF);
        out.deactivate();
        assertFalse(r.high(4));
        assertFalse(r.high(5));
        assertTrue(r.closed, "the lines are released");
        assertTrue(clock.tasks().get(0).cancelled(), "the blink task is cancelled");
    }

    @Test
    void badConfigurationsAreRefusedAtActivationNamingTheProblem() {
        FakeTree.write(root.resolve("sys/class/leds/cell04/trigger"), "[none] heartbeat");
        FakeTree.write(root.resolve("dev/gpiochip0"), "");
        Object[][] cases = {
                {"leds", "cell01,cell02,cell03,cell05", "LED 'cell05' not found under "
                        + root.resolve("sys/class/leds") + "; present: cell01, cell02, cell03, cell04"},
                {"leds", "cell01,cell02,cell03,cell04", "LED 'cell04' offers no timer trigger"},
                {"leds", "cell01,cell02,cell03", "leds lists 3 items but 4 are needed: one LED per cell"},
                {"leds", "cell01,cell02,cell03,cell03", "leds lists 'cell03' twice"},
                {"leds", "cell01,cell02,cell03,gpiochip9:1", "GPIO chip gpiochip9 not found under "
                        + root.resolve("dev") + "; present: gpiochip0, gpiochip1"},
                {"leds", "cell01,cell02,cell03,gpiochip1:16", "gpiochip1 (fake-gpiochip1) has 16 lines, 0 to 15: "
                        + "no line 16"},
                {"leds", "cell01,cell02,cell03,../x", "'../x' is neither gpiochipN:LINE nor a LED class name"},
                {"flash.on.ms", 5L, "flash.on.ms=5 is out of range: 10 to 10000 ms"},
                {"dev.root", "/no/dev", "dev.root=/no/dev: no such directory"},
        };
        for (Object[] c : cases) {
            Map<String, Object> config = config();
            config.put((String) c[0], c[1]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> indicators(config),
                    c[0] + "=" + c[1]);
            assertTrue(e.getMessage().contains((String) c[2]), c[0] + "=" + c[1] + ": " + e.getMessage());
            assertEquals(1, log.matching("LEDs of pack pack1: configuration refused: " + e.getMessage()).size());
        }
    }

    @Test
    void aRefusalReleasesTheGpioLinesAlreadyHeld() {
        FakeTree.write(root.resolve("dev/gpiochip2"), ""); // a device the GPIO driver cannot open
        Map<String, Object> c = config();
        c.put("leds", "gpiochip1:0,gpiochip1:1,gpiochip2:0,cell04");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> indicators(c));
        assertTrue(e.getMessage().contains("gpiochip2: ENOENT"), e.getMessage());
        assertEquals(1, gpio.requests.size());
        assertTrue(gpio.request("gpiochip1").closed);
    }

    @Test
    void softBlinkStepsByTheCommonDivisorOfOnAndOff() {
        SoftBlink b = new SoftBlink(100, 300);
        assertEquals(100, b.stepMillis());
        boolean[] phases = new boolean[8];
        phases[0] = b.isOn();
        for (int i = 1; i < phases.length; i++) {
            phases[i] = b.advance();
        }
        assertEquals("[true, false, false, false, true, false, false, false]", java.util.Arrays.toString(phases));
        assertEquals(10, new SoftBlink(11, 13).stepMillis(), "never faster than every 10 ms");
    }
}
