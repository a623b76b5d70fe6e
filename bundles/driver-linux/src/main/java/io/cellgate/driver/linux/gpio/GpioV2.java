package io.cellgate.driver.linux.gpio;

import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * The GPIO character device ABI v2 of {@code <linux/gpio.h>}: the structures JNA lays out and the ioctl numbers
 * computed from their sizes. {@code GpioV2Test} checks both against what the kernel headers give.
 *
 * <p>Every 64-bit member of these structures sits at a multiple of 8 through the explicit padding of the header
 * ({@code __aligned_u64}), so the layout is the same on 32- and 64-bit ARM.
 */
public final class GpioV2 {

    public static final int GPIO_MAX_NAME_SIZE = 32;
    public static final int GPIO_V2_LINES_MAX = 64;
    public static final int GPIO_V2_LINE_NUM_ATTRS_MAX = 10;

    public static final long GPIO_V2_LINE_FLAG_ACTIVE_LOW = 1L << 1;
    public static final long GPIO_V2_LINE_FLAG_OUTPUT = 1L << 3;
    public static final long GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN = 1L << 9;
    public static final int GPIO_V2_LINE_ATTR_ID_FLAGS = 1;
    public static final int GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES = 2;

    /** The ioctl "magic" of the GPIO character device, 0xB4. */
    static final int GPIO_IOC_MAGIC = 0xB4;

    // The generic ioctl encoding of asm-generic/ioctl.h (x86, ARM, arm64, RISC-V): nr 8 bits, type 8, size 14, dir 2.
    private static final int IOC_WRITE = 1;
    private static final int IOC_READ = 2;

    public static final long GPIO_GET_CHIPINFO_IOCTL = ioc(IOC_READ, 0x01, new ChipInfo().size());
    public static final long GPIO_V2_GET_LINE_IOCTL = ioc(IOC_READ | IOC_WRITE, 0x07, new LineRequest().size());
    public static final long GPIO_V2_LINE_SET_CONFIG_IOCTL = ioc(IOC_READ | IOC_WRITE, 0x0D, new LineConfig().size());
    public static final long GPIO_V2_LINE_GET_VALUES_IOCTL = ioc(IOC_READ | IOC_WRITE, 0x0E, new LineValues().size());
    public static final long GPIO_V2_LINE_SET_VALUES_IOCTL = ioc(IOC_READ | IOC_WRITE, 0x0F, new LineValues().size());

    private GpioV2() {
    }

    /** {@code _IOC(dir, type, nr, size)} as an unsigned 32-bit number. */
    static long ioc(int dir, int nr, int size) {
        if (size >= 1 << 14) {
            throw new IllegalArgumentException("an ioctl argument of " + size + " bytes does not fit 14 bits");
        }
        return ((long) dir << 30) | ((long) size << 16) | ((long) GPIO_IOC_MAGIC << 8) | nr;
    }

    /** A structure whose field offsets a test can ask for. */
    public abstract static class KernelStruct extends Structure {
        public int offsetOf(String field) {
            return fieldOffset(field);
        }
    }

    /** {@code struct gpiochip_info}: 68 bytes. */
    @FieldOrder({"name", "label", "lines"})
    public static class ChipInfo extends KernelStruct {
        public byte[] name = new byte[GPIO_MAX_NAME_SIZE];
        public byte[] label = new byte[GPIO_MAX_NAME_SIZE];
        public int lines;
    }

    /** {@code struct gpio_v2_line_values}: 16 bytes. */
    @FieldOrder({"bits", "mask"})
    public static class LineValues extends KernelStruct {
        public long bits;
        public long mask;
    }

    /** {@code struct gpio_v2_line_attribute}: 16 bytes; {@code value} is the union of flags, values, debounce. */
    @FieldOrder({"id", "padding", "value"})
    public static class LineAttribute extends KernelStruct {
        public int id;
        public int padding;
        public long value;
    }

    /** {@code struct gpio_v2_line_config_attribute}: 24 bytes. */
    @FieldOrder({"attr", "mask"})
    public static class LineConfigAttribute extends KernelStruct {
        public LineAttribute attr = new LineAttribute();
        public long mask;
    }

    /** {@code struct gpio_v2_line_config}: 272 bytes. */
    @FieldOrder({"flags", "numAttrs", "padding", "attrs"})
    public static class LineConfig extends KernelStruct {
        public long flags;
        public int numAttrs;
        public int[] padding = new int[5];
        public LineConfigAttribute[] attrs = newAttrs();

        private static LineConfigAttribute[] newAttrs() {
            LineConfigAttribute[] a = new LineConfigAttribute[GPIO_V2_LINE_NUM_ATTRS_MAX];
            for (int i = 0; i < a.length; i++) {
                a[i] = new LineConfigAttribute();
            }
            return a;
        }
    }

    /** {@code struct gpio_v2_line_request}: 592 bytes; the kernel returns the request's file descriptor in fd. */
    @FieldOrder({"offsets", "consumer", "config", "numLines", "eventBufferSize", "padding", "fd"})
    public static class LineRequest extends KernelStruct {
        public int[] offsets = new int[GPIO_V2_LINES_MAX];
        public byte[] consumer = new byte[GPIO_MAX_NAME_SIZE];
        public LineConfig config = new LineConfig();
        public int numLines;
        public int eventBufferSize;
        public int[] padding = new int[5];
        public int fd;
    }
}
