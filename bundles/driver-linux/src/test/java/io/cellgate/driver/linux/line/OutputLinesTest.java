package io.cellgate.driver.linux.line;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.driver.linux.sysfs.Sysfs;
import io.cellgate.driver.linux.testing.FakeGpio;
import io.cellgate.driver.linux.testing.FakeTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLinesTest {

    @TempDir
    Path root;

    final FakeGpio gpio = new FakeGpio().chip("gpiochip0", 54).chip("gpiochip2", 16);

    @BeforeEach
    void devices() {
        new FakeTree(root).led("relay", 1);
        FakeTree.write(root.resolve("dev/gpiochip0"), "");
        FakeTree.write(root.resolve("dev/gpiochip2"), "");
    }

    private OutputLines open(String... specs) {
        return OutputLines.open(List.of(specs).stream().map(LineSpec::parse).toList(), root, root.resolve("dev"),
                () -> gpio, "cellgate-test", new Sysfs());
    }

    @Test
    void specsNameGpioLinesOrLedClassDevices() {
        LineSpec gpioLine = LineSpec.parse("gpiochip2:17");
        assertTrue(gpioLine.isGpio());
        assertEquals("gpiochip2", gpioLine.chip());
        assertEquals(17, gpioLine.offset());
        LineSpec led = LineSpec.parse("green:status");
        assertFalse(led.isGpio(), "LED names often hold colons");
        assertEquals("green:status", led.led());
        assertThrows(IllegalArgumentException.class, () -> LineSpec.parse("../../etc/passwd"));
    }

    @Test
    void oneRequestPerChipHoldsAllItsLinesInOrder() throws IOException {
        OutputLines lines = open("gpiochip2:5", "relay", "gpiochip0:17", "gpiochip2:3", "gpiochip0:27");
        assertEquals(2, gpio.requests.size());
        assertArrayEquals(new int[] {5, 3}, gpio.request("gpiochip2").offsets);
        assertArrayEquals(new int[] {17, 27}, gpio.request("gpiochip0").offsets);
        lines.get(3).set(true);
        assertTrue(gpio.request("gpiochip2").high(3));
        assertFalse(gpio.request("gpiochip2").high(5));
        lines.get(1).set(true);
        assertEquals("1", FakeTree.read(root.resolve("sys/class/leds/relay/brightness")));
        lines.get(3).set(true);
        assertEquals(1, gpio.request("gpiochip2").writes, "a line is written only when it changes");
        lines.close();
        assertTrue(gpio.requests.stream().allMatch(r -> r.closed));
    }

    @Test
    void refusesWhatTheChipCannotHold() {
        String[] tooMany = IntStream.range(0, 65).mapToObj(i -> "gpiochip0:" + (i % 54) + (i >= 54 ? "0" : ""))
                .toArray(String[]::new);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> open(tooMany)).getMessage()
                .contains("gpiochip0: 65 lines, but one request holds at most 64"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> open("gpiochip0:1", "gpiochip2:16"))
                .getMessage().contains("gpiochip2 (fake-gpiochip2) has 16 lines, 0 to 15: no line 16"));
        assertTrue(gpio.requests.stream().allMatch(r -> r.closed), "the request on gpiochip0 was released");
    }
}
