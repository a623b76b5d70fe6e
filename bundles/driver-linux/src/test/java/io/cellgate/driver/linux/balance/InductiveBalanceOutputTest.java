package io.cellgate.driver.linux.balance;

import static io.cellgate.api.balancer.PairDirection.LOWER_TO_UPPER;
import static io.cellgate.api.balancer.PairDirection.UPPER_TO_LOWER;
import static io.cellgate.driver.linux.testing.FakeTree.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.driver.linux.testing.FakeGpio;
import io.cellgate.driver.linux.testing.FakeTree;
import io.cellgate.driver.linux.testing.TestLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.util.converter.Converters;

class InductiveBalanceOutputTest {

    @TempDir
    Path root;

    /** Up and down switch of each of the three pairs on the lines of gpiochip1. */
    static final String EVERY_SWITCH_ON_GPIO =
            "gpiochip1:0,gpiochip1:1,gpiochip1:2,gpiochip1:3,gpiochip1:4,gpiochip1:5";

    FakeTree tree;
    Path chip;
    final TestLog log = new TestLog();
    final FakeGpio gpio = new FakeGpio().chip("gpiochip1", 32);
    final Decision decision = new Decision(4);

    @BeforeEach
    void threePairsOnLedClassSwitchesAndAPwmChip() {
        tree = new FakeTree(root);
        for (int k = 1; k <= 3; k++) {
            tree.led("bal" + k + "-up", 1);
            tree.led("bal" + k + "-down", 1);
        }
        chip = tree.pwmChip("pwmchip0", 4, 3);
        FakeTree.write(root.resolve("dev/gpiochip1"), "");
    }

    private Map<String, Object> config() {
        return tree.driverConfig("switch.lines", "bal1-up,bal1-down, bal2-up,bal2-down, bal3-up,bal3-down",
                "pwm.channels", "pwmchip0:0,pwmchip0:1,pwmchip0:2", "pwm.period.ns", 1_000_000L,
                "duty.offset.percent", 10.0, "duty.gain.percent.per.amp", 40.0, "duty.max.percent", 80.0);
    }

    private InductiveBalanceOutput output(Map<String, Object> config) {
        return new InductiveBalanceOutput(Converters.standardConverter().convert(config).to(BalanceConfig.class),
                log.logger(), gpio);
    }

    /** The output of the default configuration, having driven pair 1 up and pair 3 down at 1 A. */
    private InductiveBalanceOutput drivingPairs1And3() throws IOException {
        InductiveBalanceOutput out = output(config());
        decision.setPair(0, LOWER_TO_UPPER, 1.0);
        decision.setPair(2, UPPER_TO_LOWER, 1.0);
        out.drive(decision);
        return out;
    }

    /** The output with its switches on {@code switchLines}: gpiochip1:N for a GPIO line, a name for an LED. */
    private InductiveBalanceOutput outputOnLines(String switchLines) {
        Map<String, Object> c = config();
        c.put("switch.lines", switchLines);
        return output(c);
    }

    private String sw(int pair, String dir) {
        return read(root.resolve("sys/class/leds/bal" + pair + "-" + dir + "/brightness"));
    }

    private String pwm(int channel, String attribute) {
        return read(chip.resolve("pwm" + channel + "/" + attribute));
    }

    /** Pair {@code pair} (from 0) drives: its PWM enabled at {@code duty} ns, only its {@code dir} switch closed. */
    private void assertPairDriven(int pair, String dir, String duty) {
        assertEquals("1", sw(pair + 1, dir), dir + " switch of pair " + (pair + 1));
        assertEquals("0", sw(pair + 1, dir.equals("up") ? "down" : "up"), "the other switch of pair " + (pair + 1));
        assertEquals(duty, pwm(pair, "duty_cycle"));
        assertEquals("1", pwm(pair, "enable"));
    }

    /** No pair drives: every PWM disabled and every direction switch open. */
    private void assertEveryPairOff(String when) {
        for (int k = 0; k < 3; k++) {
            assertEquals("0", pwm(k, "enable"), when + ": enable of pair " + (k + 1));
            assertEquals("0", sw(k + 1, "up"), when + ": up switch of pair " + (k + 1));
            assertEquals("0", sw(k + 1, "down"), when + ": down switch of pair " + (k + 1));
        }
    }

    @Test
    void activationLeavesEveryOutputOffWithThePeriodSet() {
        FakeTree.write(chip.resolve("pwm1/enable"), "1");
        FakeTree.write(chip.resolve("pwm1/duty_cycle"), "999");
        FakeTree.write(root.resolve("sys/class/leds/bal2-up/brightness"), "1");
        FakeTree.write(root.resolve("sys/class/leds/bal2-up/trigger"), "[default-on] none timer");
        output(config());
        for (int k = 0; k < 3; k++) {
            assertEquals("0", pwm(k, "enable"));
            assertEquals("0", pwm(k, "duty_cycle"));
            assertEquals("1000000", pwm(k, "period"));
            assertEquals("0", sw(k + 1, "up"));
            assertEquals("0", sw(k + 1, "down"));
        }
        assertEquals("none", read(root.resolve("sys/class/leds/bal2-up/trigger")));
    }

    @Test
    void drivesEachPairsDirectionLineAndCalibratedDuty() throws IOException {
        InductiveBalanceOutput out = output(config());
        decision.setPair(0, LOWER_TO_UPPER, 1.0);   // 10 % + 40 %/A x 1 A = 50 %
        decision.setPair(2, UPPER_TO_LOWER, 0.5);   // 30 %
        out.drive(decision);
        assertPairDriven(0, "up", "500000");
        assertEquals("0", pwm(1, "enable"));
        assertEquals("0", pwm(1, "duty_cycle"));
        assertEquals("0", sw(2, "up"));
        assertEquals("0", sw(2, "down"));
        assertEquals("1", sw(3, "down"));
        assertEquals("0", sw(3, "up"));
        assertEquals("300000", pwm(2, "duty_cycle"));

        decision.reset();
        decision.setPair(0, LOWER_TO_UPPER, 5.0);
        out.drive(decision);
        assertEquals("800000", pwm(0, "duty_cycle"), "clamped to duty.max.percent");
        assertEquals("0", sw(3, "down"), "an idle pair is off");
        assertEquals("0", pwm(2, "enable"));
    }

    @Test
    void writesOnlyWhatChanges() throws IOException {
        InductiveBalanceOutput out = output(config());
        decision.setPair(1, UPPER_TO_LOWER, 1.0);
        out.drive(decision);
        FakeTree.write(chip.resolve("pwm1/duty_cycle"), "untouched");
        FakeTree.write(root.resolve("sys/class/leds/bal2-down/brightness"), "untouched");
        FakeTree.write(chip.resolve("pwm0/enable"), "untouched");
        out.drive(decision);
        out.drive(decision);
        assertEquals("untouched", pwm(1, "duty_cycle"));
        assertEquals("untouched", sw(2, "down"));
        assertEquals("untouched", pwm(0, "enable"));
    }

    @Test
    void aChangeOfDirectionBreaksBeforeItMakes() throws IOException {
        List<String> events = new ArrayList<>();
        gpio.onSet = r -> events.add("up=" + r.high(0) + " down=" + r.high(1) + " duty=" + pwm(0, "duty_cycle")
                + " enable=" + pwm(0, "enable"));
        InductiveBalanceOutput out = outputOnLines(EVERY_SWITCH_ON_GPIO);
        decision.setPair(0, LOWER_TO_UPPER, 1.0);
        out.drive(decision);
        decision.setPair(0, UPPER_TO_LOWER, 0.5);
        out.drive(decision);
        assertEquals(List.of(
                "up=true down=false duty=500000 enable=1",   // the duty is set before the switch closes
                "up=false down=false duty=500000 enable=1",  // the old direction opens first
                "up=false down=true duty=300000 enable=1"),  // the PWM went off and back with the new duty
                events);
        assertEquals("cellgate-pack1", gpio.request("gpiochip1").consumer);
    }

    @Test
    void allOffTurnsEverythingOffAndDeactivationReleasesTheLines() throws IOException {
        InductiveBalanceOutput out = outputOnLines("gpiochip1:0,gpiochip1:1,bal2-up,bal2-down,gpiochip1:4,gpiochip1:5");
        FakeGpio.Request r = gpio.request("gpiochip1");
        decision.setPair(0, LOWER_TO_UPPER, 1.0);
        decision.setPair(1, LOWER_TO_UPPER, 1.0);
        decision.setPair(2, UPPER_TO_LOWER, 1.0);
        out.drive(decision);
        assertTrue(r.high(0) && r.high(5));
        out.allOff();
        assertFalse(r.high(0) || r.high(5));
        assertEquals("0", sw(2, "up"));
        for (int k = 0; k < 3; k++) {
            assertEquals("0", pwm(k, "enable"));
            assertEquals("0", pwm(k, "duty_cycle"));
        }
        int writes = r.writes;
        out.allOff();
        assertEquals(writes, r.writes, "nothing to write when everything is off");

        out.drive(decision);
        out.deactivate();
        assertFalse(r.high(0) || r.high(5));
        assertEquals("0", pwm(2, "enable"));
        assertTrue(r.closed, "the GPIO request is released after the lines went low");
        out.drive(decision);
        out.allOff();
        assertEquals("0", pwm(2, "enable"), "a deactivated output drives nothing");
    }

    @Test
    void aFailedPwmWriteTurnsEveryPairOffAtOnceAndIsReported() throws IOException {
        InductiveBalanceOutput out = drivingPairs1And3();
        assertEquals("1", pwm(0, "enable"));
        assertEquals("1", sw(3, "down"));

        FakeTree.replaceWithDirectory(chip.resolve("pwm1/duty_cycle"));
        decision.setPair(1, LOWER_TO_UPPER, 1.0);
        IOException e = assertThrows(IOException.class, () -> out.drive(decision));
        assertTrue(e.getMessage().contains("pwm1/duty_cycle"), e.getMessage());
        // Before the runtime does anything: every channel it can reach is off, the failed one disabled too.
        assertEveryPairOff("after the failed write");
        assertEquals("0", pwm(0, "duty_cycle"));
        assertEquals("0", pwm(2, "duty_cycle"));

        out.allOff(); // as the runtime does after the failure, and every tick while the pack is unhealthy
        out.allOff();
        assertEquals(1, log.matching("balance outputs could not all be turned off").size(), log.lines().toString());
        java.nio.file.Files.delete(chip.resolve("pwm1/duty_cycle"));
        FakeTree.write(chip.resolve("pwm1/duty_cycle"), "0");
        out.allOff();
        assertEquals(1, log.matching("balance outputs are all off again").size());
        out.drive(decision);
        assertEquals("1", pwm(1, "enable"), "driven again once the channel works");
        assertEquals("1", sw(2, "up"));
    }

    @Test
    void aPersistentlyFailingChannelNeverLetsASwitchCloseEvenForAMoment() throws IOException {
        InductiveBalanceOutput out = outputOnLines(EVERY_SWITCH_ON_GPIO);
        FakeGpio.Request r = gpio.request("gpiochip1");
        List<Long> values = new ArrayList<>();
        gpio.onSet = x -> values.add(x.values);
        FakeTree.replaceWithDirectory(chip.resolve("pwm2/duty_cycle"));
        decision.setPair(0, LOWER_TO_UPPER, 1.0);
        decision.setPair(1, UPPER_TO_LOWER, 1.0);
        decision.setPair(2, LOWER_TO_UPPER, 1.0);
        for (int tick = 0; tick < 3; tick++) {
            assertThrows(IOException.class, () -> out.drive(decision));
            out.allOff();
        }
        assertTrue(values.stream().allMatch(v -> v == 0), "every switch line stayed low: " + values);
        assertEquals(0, r.values);
        assertEquals("0", pwm(0, "enable"));
        assertEquals("0", pwm(1, "enable"));
    }

    @Test
    void allOffFromAnotherThreadDoesNotWaitForADriveBlockedInAWrite() throws Exception {
        InductiveBalanceOutput out = drivingPairs1And3();

        // A FIFO where pair 2's duty_cycle was: opening it to write blocks until someone reads, as a write to a
        // hung I2C PWM chip blocks in the kernel.
        Path fifo = chip.resolve("pwm1/duty_cycle");
        java.nio.file.Files.delete(fifo);
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        decision.setPair(1, LOWER_TO_UPPER, 1.0);
        Thread tick = new Thread(() -> {
            try {
                out.drive(decision);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "tick");
        tick.start();
        awaitBlockedInAWrite(tick);

        Thread watchdog = new Thread(out::allOff, "watchdog");
        long start = System.nanoTime();
        watchdog.start();
        // Every switch and enable goes off while the tick still holds the lock; the duties follow, and only the
        // FIFO's own write and those after it wait (for its reader).
        awaitEquals("0", () -> pwm(0, "duty_cycle"));
        double millis = (System.nanoTime() - start) / 1e6;
        assertEveryPairOff("beside the blocked drive");
        assertTrue(tick.isAlive(), "the drive is still blocked");
        System.out.printf("allOff() beside a drive blocked in a write: every switch and enable off in %.1f ms%n",
                millis);

        // Unblock: a reader and writer on the FIFO lets both writes through; the drive must close no switch now.
        try (java.nio.channels.FileChannel unblock = java.nio.channels.FileChannel.open(fifo,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            tick.join(5000);
            watchdog.join(5000);
        }
        assertFalse(tick.isAlive() || watchdog.isAlive());
        assertEquals("0", pwm(2, "duty_cycle"));
        assertEveryPairOff("after the resumed drive");
        assertEquals(1, log.matching("balance outputs forced off while a drive held them").size(),
                log.lines().toString());

        // The next tick drives again, though the records said nothing changed.
        java.nio.file.Files.delete(fifo);
        FakeTree.write(fifo, "0");
        decision.setPair(1, PairDirection.IDLE, 0);
        out.drive(decision);
        assertPairDriven(0, "up", "500000");
        assertEquals("1", sw(3, "down"));
        assertEquals("0", pwm(1, "enable"));
    }

    private static void awaitBlockedInAWrite(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (StackTraceElement e : t.getStackTrace()) {
                if (e.getMethodName().equals("writeOut")) {
                    Thread.sleep(50); // inside open(2) of the FIFO by now
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the drive never reached the FIFO");
    }

    private static void awaitEquals(String expected, java.util.function.Supplier<String> actual)
            throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!expected.equals(actual.get())) {
            if (System.nanoTime() > deadline) {
                assertEquals(expected, actual.get());
            }
            Thread.sleep(1);
        }
    }

    @Test
    void findsAPwmChipByItsBusDevice() throws IOException {
        Path second = tree.pwmChip("pwmchip3", 17, 3, "soc/i2c-1/1-0041");
        Map<String, Object> c = config();
        c.put("pwm.channels", "1-0041:0, 1-0041:1, 1-0041:2");
        decision.setPair(2, LOWER_TO_UPPER, 1.0);
        output(c).drive(decision);
        assertEquals("500000", read(second.resolve("pwm2/duty_cycle")));
        assertEquals("0", pwm(2, "duty_cycle"), "pwmchip0 untouched");

        c.put("pwm.channels", "1-0041:0, 1-0041:1, 1-0099:2");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> output(c)).getMessage()
                .contains("PWM chip 1-0099 not found under " + root.resolve("sys/class/pwm")
                        + "; present: pwmchip0, pwmchip3 (1-0041)"));
    }

    @Test
    void refusesADecisionThatBleedsACell() {
        InductiveBalanceOutput out = output(config());
        decision.setPair(0, LOWER_TO_UPPER, 1.0);
        decision.setBleed(2, 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> out.drive(decision));
        assertEquals(InductiveBalanceOutput.NO_BLEED, e.getMessage());
        assertEquals("0", sw(1, "up"), "nothing was driven");
        assertEquals("0", pwm(0, "enable"));
    }

    @Test
    void exportsAChannelThatIsNotYetExported() {
        Map<String, Object> c = config();
        c.put("pwm.channels", "pwmchip0:0,pwmchip0:1,pwmchip0:3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> output(c));
        assertEquals("3", read(chip.resolve("export")), "the channel number went to export");
        assertTrue(e.getMessage().contains("pwm3 did not appear after writing 3 to " + chip.resolve("export")),
                e.getMessage());
    }

    @Test
    void badConfigurationsAreRefusedAtActivationNamingTheProblem() {
        Object[][] cases = {
                {"pwm.channels", "pwmchip0:0,pwmchip0:1,pwmchip7:0", "PWM chip pwmchip7 not found under "
                        + root.resolve("sys/class/pwm") + "; present: pwmchip0"},
                {"pwm.channels", "pwmchip0:0,pwmchip0:1,pwmchip0:4", "PWM chip pwmchip0 has 4 channels (npwm), 0 to "
                        + "3: no channel 4"},
                {"pwm.channels", "pwmchip0:0,pwmchip0:1", "pwm.channels lists 2 items but 3 are needed: one per pair"},
                {"pwm.channels", "pwmchip0:0,pwmchip0:1,pwm0", "PWM channel 'pwm0': expected pwmchipN:M"},
                {"pwm.channels", "pwmchip0:0,pwmchip0:0,pwmchip0:1", "pwm.channels lists 'pwmchip0:0' twice"},
                {"switch.lines", "bal1-up,bal1-down,bal2-up,bal2-down,bal3-up", "switch.lines lists 5 items but 6 "
                        + "are needed: two per pair (up, then down), 3 pairs"},
                {"switch.lines", "bal1-up,bal1-down,bal2-up,bal2-down,bal3-up,bal9-down", "LED 'bal9-down' not found"},
                {"switch.lines", "bal1-up,bal1-down,bal2-up,bal2-down,bal3-up,gpiochip1:99", "gpiochip1 "
                        + "(fake-gpiochip1) has 32 lines, 0 to 31: no line 99"},
                {"pwm.period.ns", 10L, "pwm.period.ns=10 is out of range: 1000 to 1000000000 ns"},
                {"duty.offset.percent", 100.0, "duty.offset.percent=100.0 is out of range"},
                {"duty.gain.percent.per.amp", -1.0, "duty.gain.percent.per.amp=-1.0 is out of range"},
                {"duty.max.percent", 5.0, "duty.max.percent=5.0 is out of range: above duty.offset.percent=10.0"},
                {"duty.max.percent", 101.0, "duty.max.percent=101.0 is out of range"},
                {"cells", 1, "cells=1 is out of range"},
        };
        for (Object[] c : cases) {
            Map<String, Object> config = config();
            config.put((String) c[0], c[1]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> output(config),
                    c[0] + "=" + c[1]);
            assertTrue(e.getMessage().contains((String) c[2]), c[0] + "=" + c[1] + ": " + e.getMessage());
            assertEquals(1, log.matching("balance outputs of pack pack1: configuration refused: " + e.getMessage())
                    .size());
        }
        assertTrue(gpio.requests.stream().allMatch(r -> r.closed), "every refused activation released its lines");
    }

    @Test
    void theCalibrationIsOffsetPlusGainTimesAmpsClampedAndNothingForZero() {
        DutyCalibration cal = new DutyCalibration(50_000, 5, 30, 65);
        assertEquals(0, cal.dutyNanos(0));
        assertEquals(0, cal.dutyNanos(Double.NaN));
        assertEquals(0, cal.dutyNanos(-1));
        assertEquals(Math.round(50_000 * 0.08), cal.dutyNanos(0.1));
        assertEquals(Math.round(50_000 * 0.35), cal.dutyNanos(1.0));
        assertEquals(Math.round(50_000 * 0.65), cal.dutyNanos(3.0));
    }
}
