package io.cellgate.driver.linux.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A sysfs-shaped directory tree with the files and formats of the kernel's IIO, LED and PWM classes, to point a
 * driver's {@code sysfs.root} at. Unlike sysfs its attributes are regular files: what a driver writes stays there
 * to be read back, and delay_on and delay_off exist before the timer trigger is set.
 */
public final class FakeTree {

    private final Path root;

    public FakeTree(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /**
     * The configuration of a driver of the 4-cell pack {@code pack1} on this tree: its {@code sysfs.root} and
     * {@code dev.root} point here, then {@code keyValues} are set (a modifiable map, for tests to change further).
     */
    public Map<String, Object> driverConfig(Object... keyValues) {
        Map<String, Object> c = new HashMap<>();
        c.put("cellgate.pack", "pack1");
        c.put("cells", 4);
        c.put("sysfs.root", root.toString());
        c.put("dev.root", root.resolve("dev").toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            c.put((String) keyValues[i], keyValues[i + 1]);
        }
        return c;
    }

    /**
     * An IIO device as the kernel lays it out: the device under its bus device, and the link
     * {@code sys/bus/iio/devices/iio:deviceN} to it.
     *
     * @param bus    path of the bus device below {@code sys/devices/platform}, e.g. {@code soc/i2c-1/1-0048}
     * @param scale  what in_voltageM_scale holds, or null for a shared in_voltage_scale of 0.125000000
     */
    public Path iio(int n, String name, String bus, int channels, String scale) {
        String id = "iio:device" + n;
        Path dev = root.resolve("sys/devices/platform").resolve(bus).resolve(id);
        write(dev.resolve("name"), name + "\n");
        for (int m = 0; m < channels; m++) {
            write(dev.resolve("in_voltage" + m + "_raw"), "0\n");
            if (scale != null) {
                write(dev.resolve("in_voltage" + m + "_scale"), scale + "\n");
            }
        }
        if (scale == null) {
            write(dev.resolve("in_voltage_scale"), "0.125000000\n");
        }
        Path link = root.resolve("sys/bus/iio/devices").resolve(id);
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, link.getParent().relativize(dev));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return link;
    }

    /** A LED class device, off, with the timer trigger on offer. */
    public Path led(String name, int maxBrightness) {
        Path dir = root.resolve("sys/class/leds").resolve(name);
        write(dir.resolve("brightness"), "0\n");
        write(dir.resolve("max_brightness"), maxBrightness + "\n");
        write(dir.resolve("trigger"), "[none] kbd-scrolllock timer oneshot heartbeat default-on\n");
        write(dir.resolve("delay_on"), "500\n");
        write(dir.resolve("delay_off"), "500\n");
        return dir;
    }

    /** A PWM chip with {@code npwm} channels, of which the first {@code exported} are exported. */
    public Path pwmChip(String name, int npwm, int exported) {
        Path chip = root.resolve("sys/class/pwm").resolve(name);
        write(chip.resolve("npwm"), npwm + "\n");
        write(chip.resolve("export"), "");
        write(chip.resolve("unexport"), "");
        for (int m = 0; m < exported; m++) {
            write(chip.resolve("pwm" + m + "/period"), "0\n");
            write(chip.resolve("pwm" + m + "/duty_cycle"), "0\n");
            write(chip.resolve("pwm" + m + "/enable"), "0\n");
        }
        return chip;
    }

    /** As {@link #pwmChip}, with the {@code device} link to its bus device, e.g. {@code soc/i2c-1/1-0040}. */
    public Path pwmChip(String name, int npwm, int exported, String bus) {
        Path chip = pwmChip(name, npwm, exported);
        Path device = root.resolve("sys/devices/platform").resolve(bus);
        try {
            Files.createDirectories(device);
            Files.createSymbolicLink(chip.resolve("device"), chip.relativize(device));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return chip;
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's content without its trailing newline. */
    public static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a directory where the file was: opening works, reading fails with EISDIR, as close to EIO as we get. */
    public static void replaceWithDirectory(Path file) {
        try {
            Files.delete(file);
            Files.createDirectory(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
