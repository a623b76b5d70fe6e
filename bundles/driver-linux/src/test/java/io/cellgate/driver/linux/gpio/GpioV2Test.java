package io.cellgate.driver.linux.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The ABI as JNA lays it out, against the numbers {@code src/test/c/gpio_abi.c} prints from the kernel's
 * {@code <linux/gpio.h>} (linux-libc-dev 6.1, x86-64), and the character device path against the running kernel.
 */
class GpioV2Test {

    @Test
    void structureSizesAreTheKernels() {
        assertEquals(68, new GpioV2.ChipInfo().size(), "sizeof(struct gpiochip_info)");
        assertEquals(16, new GpioV2.LineValues().size(), "sizeof(struct gpio_v2_line_values)");
        assertEquals(16, new GpioV2.LineAttribute().size(), "sizeof(struct gpio_v2_line_attribute)");
        assertEquals(24, new GpioV2.LineConfigAttribute().size(), "sizeof(struct gpio_v2_line_config_attribute)");
        assertEquals(272, new GpioV2.LineConfig().size(), "sizeof(struct gpio_v2_line_config)");
        assertEquals(592, new GpioV2.LineRequest().size(), "sizeof(struct gpio_v2_line_request)");
    }

    @Test
    void fieldOffsetsAreTheKernels() {
        GpioV2.ChipInfo info = new GpioV2.ChipInfo();
        assertEquals(32, info.offsetOf("label"));
        assertEquals(64, info.offsetOf("lines"));
        assertEquals(8, new GpioV2.LineValues().offsetOf("mask"));
        assertEquals(8, new GpioV2.LineAttribute().offsetOf("value"), "the union of flags, values, debounce");
        assertEquals(16, new GpioV2.LineConfigAttribute().offsetOf("mask"));
        GpioV2.LineConfig config = new GpioV2.LineConfig();
        assertEquals(8, config.offsetOf("numAttrs"));
        assertEquals(12, config.offsetOf("padding"));
        assertEquals(32, config.offsetOf("attrs"));
        GpioV2.LineRequest req = new GpioV2.LineRequest();
        assertEquals(0, req.offsetOf("offsets"));
        assertEquals(256, req.offsetOf("consumer"));
        assertEquals(288, req.offsetOf("config"));
        assertEquals(560, req.offsetOf("numLines"));
        assertEquals(564, req.offsetOf("eventBufferSize"));
        assertEquals(568, req.offsetOf("padding"));
        assertEquals(588, req.offsetOf("fd"));
    }

    @Test
    void ioctlNumbersAreTheKernels() {
        assertEquals(0x8044B401L, GpioV2.GPIO_GET_CHIPINFO_IOCTL, "_IOR(0xB4, 0x01, struct gpiochip_info)");
        assertEquals(0xC250B407L, GpioV2.GPIO_V2_GET_LINE_IOCTL, "_IOWR(0xB4, 0x07, struct gpio_v2_line_request)");
        assertEquals(0xC110B40DL, GpioV2.GPIO_V2_LINE_SET_CONFIG_IOCTL,
                "_IOWR(0xB4, 0x0D, struct gpio_v2_line_config)");
        assertEquals(0xC010B40EL, GpioV2.GPIO_V2_LINE_GET_VALUES_IOCTL,
                "_IOWR(0xB4, 0x0E, struct gpio_v2_line_values)");
        assertEquals(0xC010B40FL, GpioV2.GPIO_V2_LINE_SET_VALUES_IOCTL,
                "_IOWR(0xB4, 0x0F, struct gpio_v2_line_values)");
        assertEquals(3260068871L, GpioV2.GPIO_V2_GET_LINE_IOCTL, "as gpio_abi.c prints it");
    }

    @Test
    void constantsAreTheKernels() {
        assertEquals(8, GpioV2.GPIO_V2_LINE_FLAG_OUTPUT);
        assertEquals(512, GpioV2.GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN, "_BITULL(9)");
        assertEquals(2, GpioV2.GPIO_V2_LINE_FLAG_ACTIVE_LOW);
        assertEquals(1, GpioV2.GPIO_V2_LINE_ATTR_ID_FLAGS);
        assertEquals(2, GpioV2.GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES);
        assertEquals(64, GpioV2.GPIO_V2_LINES_MAX);
        assertEquals(32, GpioV2.GPIO_MAX_NAME_SIZE);
        assertEquals(10, GpioV2.GPIO_V2_LINE_NUM_ATTRS_MAX);
    }

    @Test
    void aRequestLandsInMemoryWhereTheKernelReadsIt() {
        GpioV2.LineRequest req = new GpioV2.LineRequest();
        req.offsets[2] = 17;
        req.consumer[0] = 'c';
        req.config.flags = GpioV2.GPIO_V2_LINE_FLAG_OUTPUT;
        req.config.numAttrs = 1;
        req.config.attrs[0].attr.id = GpioV2.GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
        req.config.attrs[0].attr.value = 0x5;
        req.config.attrs[0].mask = 0x7;
        req.config.attrs[1].mask = 0x99;
        req.numLines = 3;
        req.fd = 0x11223344;
        req.write();
        Pointer p = req.getPointer();
        assertEquals(17, p.getInt(8));
        assertEquals('c', p.getByte(256));
        assertEquals(8L, p.getLong(288));
        assertEquals(1, p.getInt(288 + 8));
        assertEquals(2, p.getInt(288 + 32), "attrs[0].attr.id");
        assertEquals(5L, p.getLong(288 + 32 + 8), "attrs[0].attr.values");
        assertEquals(7L, p.getLong(288 + 32 + 16), "attrs[0].mask");
        assertEquals(0x99L, p.getLong(288 + 32 + 24 + 16), "attrs[1].mask");
        assertEquals(3, p.getInt(560));
        assertEquals(0x11223344, p.getInt(588));

        p.setInt(588, 42); // the kernel's answer: the request's file descriptor
        req.read();
        assertEquals(42, req.fd);
    }

    @Test
    void anythingButAGpioChipIsRefusedByTheKernel() {
        // /dev/null opens, but has no ioctls: the chip-info ioctl reaches the kernel and comes back ENOTTY.
        IOException e = assertThrows(IOException.class, () -> new ChardevGpio().open(Path.of("/dev/null")));
        assertTrue(e.getMessage().contains("/dev/null is no GPIO chip: GPIO_GET_CHIPINFO_IOCTL failed, ENOTTY"),
                e.getMessage());
        e = assertThrows(IOException.class, () -> new ChardevGpio().open(Path.of("/dev/gpiochip-none")));
        assertTrue(e.getMessage().contains("open /dev/gpiochip-none: ENOENT"), e.getMessage());
    }

    /** Runs where the kernel has GPIO chips (a board, or gpio-sim); this build machine's kernel has none. */
    @Test
    void aRealChipAnswersItsInfo() throws IOException {
        Path chip;
        try (Stream<Path> s = Files.list(Path.of("/dev"))) {
            chip = s.filter(p -> p.getFileName().toString().startsWith("gpiochip")).sorted().findFirst().orElse(null);
        }
        Assumptions.assumeTrue(chip != null, "no /dev/gpiochip* on this machine (kernel without GPIOLIB or gpio-sim)");
        try (GpioChip c = new ChardevGpio().open(chip)) {
            assertEquals(chip.getFileName().toString(), c.name());
            assertTrue(c.lines() > 0, c.label() + " has " + c.lines() + " lines");
        }
    }
}
