package io.cellgate.driver.linux.gpio;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * The GPIO character device, ABI v2 ({@code GPIO_V2_GET_LINE_IOCTL}), through JNA: the kernel's supported way to
 * drive GPIO lines from user space (the sysfs GPIO interface is obsolete, v1 of the character device deprecated).
 */
public final class ChardevGpio implements GpioDriver {

    /** Architectures whose ioctl numbers follow the generic encoding {@link GpioV2} computes. */
    static final Set<String> GENERIC_IOCTL_ARCHS = Set.of("amd64", "x86_64", "x86", "i386", "i686", "aarch64",
            "arm", "riscv64");

    private LibC libc;

    @Override
    public GpioChip open(Path device) throws IOException {
        String arch = System.getProperty("os.arch");
        if (!GENERIC_IOCTL_ARCHS.contains(arch)) {
            throw new IOException("GPIO character device: ioctl numbers for " + arch + " are not known here");
        }
        LibC c = libc();
        int fd;
        try {
            fd = c.open(device.toString(), LibC.O_RDWR | LibC.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new IOException("open " + device + ": " + Errno.describe(e), e);
        }
        try {
            GpioV2.ChipInfo info = new GpioV2.ChipInfo();
            c.ioctl(fd, ioctl(GpioV2.GPIO_GET_CHIPINFO_IOCTL), info);
            return new Chip(c, fd, device, text(info.name), text(info.label), info.lines);
        } catch (LastErrorException e) {
            closeQuietly(c, fd);
            throw new IOException(device + " is no GPIO chip: GPIO_GET_CHIPINFO_IOCTL failed, " + Errno.describe(e), e);
        }
    }

    private synchronized LibC libc() {
        if (libc == null) {
            libc = Native.load("c", LibC.class);
        }
        return libc;
    }

    static NativeLong ioctl(long number) {
        return new NativeLong(number, true);
    }

    private static String text(byte[] cString) {
        int n = 0;
        while (n < cString.length && cString[n] != 0) {
            n++;
        }
        return new String(cString, 0, n, StandardCharsets.US_ASCII);
    }

    private static void closeQuietly(LibC c, int fd) {
        try {
            c.close(fd);
        } catch (LastErrorException ignored) {
            // nothing more to release
        }
    }

    private record Chip(LibC c, int fd, Path device, String name, String label, int lines) implements GpioChip {

        @Override
        public GpioLineRequest requestOutputs(int[] offsets, String consumer) throws IOException {
            if (offsets.length == 0 || offsets.length > GpioV2.GPIO_V2_LINES_MAX) {
                throw new IllegalArgumentException("a request holds 1 to " + GpioV2.GPIO_V2_LINES_MAX + " lines, not "
                        + offsets.length);
            }
            GpioV2.LineRequest req = new GpioV2.LineRequest();
            System.arraycopy(offsets, 0, req.offsets, 0, offsets.length);
            byte[] name = consumer.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, req.consumer, 0, Math.min(name.length, GpioV2.GPIO_MAX_NAME_SIZE - 1));
            req.numLines = offsets.length;
            // Pull-down as well: the kernel keeps a line as requested only while it is held, and one that reverts to
            // an input when released (the process ended) is then pulled low, off, where the chip can pull (gpiolib
            // skips a bias the chip does not support).
            req.config.flags = GpioV2.GPIO_V2_LINE_FLAG_OUTPUT | GpioV2.GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN;
            // Output values as an attribute of the request itself: every line starts low, no glitch.
            req.config.numAttrs = 1;
            req.config.attrs[0].attr.id = GpioV2.GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
            req.config.attrs[0].attr.value = 0;
            req.config.attrs[0].mask = offsets.length == 64 ? -1L : (1L << offsets.length) - 1;
            try {
                c.ioctl(fd, ioctl(GpioV2.GPIO_V2_GET_LINE_IOCTL), req);
            } catch (LastErrorException e) {
                throw new IOException(device + ": requesting lines " + java.util.Arrays.toString(offsets)
                        + " as outputs failed, " + Errno.describe(e), e);
            }
            return new Request(c, req.fd, device);
        }

        @Override
        public void close() {
            closeQuietly(c, fd);
        }
    }

    /** A held request; its one values buffer is reused for every write. */
    private static final class Request implements GpioLineRequest {
        private final LibC c;
        private final int fd;
        private final Path device;
        private final GpioV2.LineValues values = new GpioV2.LineValues();
        private final NativeLong setValues = ioctl(GpioV2.GPIO_V2_LINE_SET_VALUES_IOCTL);

        Request(LibC c, int fd, Path device) {
            this.c = c;
            this.fd = fd;
            this.device = device;
        }

        @Override
        public void setValues(long mask, long bits) throws IOException {
            set(values, mask, bits);
        }

        @Override
        public void setValuesConcurrently(long mask, long bits) throws IOException {
            set(new GpioV2.LineValues(), mask, bits); // the tick's buffer may be in use by a blocked ioctl
        }

        private void set(GpioV2.LineValues into, long mask, long bits) throws IOException {
            into.mask = mask;
            into.bits = bits;
            try {
                c.ioctl(fd, setValues, into);
            } catch (LastErrorException e) {
                throw new IOException(device + ": setting line values failed, " + Errno.describe(e), e);
            }
        }

        @Override
        public void close() {
            closeQuietly(c, fd);
        }
    }
}
