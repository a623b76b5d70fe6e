package io.cellgate.driver.linux.line;

import io.cellgate.driver.linux.sysfs.Sysfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A device of the Linux LED class, {@code /sys/class/leds/NAME}: its brightness (0 to max_brightness) and its
 * trigger. Opening one checks it is there, so a wrong name is refused at activation, not at the first tick.
 */
public final class LedClassDevice {

    private static final byte[] NONE = {'n', 'o', 'n', 'e'};
    private static final byte[] TIMER = {'t', 'i', 'm', 'e', 'r'};

    private final String name;
    private final Path dir;
    private final long maxBrightness;
    private final String triggers;

    private LedClassDevice(String name, Path dir, long maxBrightness, String triggers) {
        this.name = name;
        this.dir = dir;
        this.maxBrightness = maxBrightness;
        this.triggers = triggers;
    }

    /** @throws IllegalArgumentException naming the LED and those present, when it is missing or unusable */
    public static LedClassDevice open(Path sysfsRoot, String name, Sysfs sysfs) {
        Path leds = sysfsRoot.resolve("sys/class/leds");
        Path dir = leds.resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("LED '" + name + "' not found under " + leds + "; present: "
                    + present(leds));
        }
        try {
            long max = sysfs.readLong(dir.resolve("max_brightness"));
            if (max < 1) {
                throw new IllegalArgumentException("LED '" + name + "': max_brightness is " + max);
            }
            if (!Files.isRegularFile(dir.resolve("brightness")) || !Files.isRegularFile(dir.resolve("trigger"))) {
                throw new IllegalArgumentException("LED '" + name + "' has no brightness or trigger attribute");
            }
            return new LedClassDevice(name, dir, max, sysfs.readText(dir.resolve("trigger")));
        } catch (IOException e) {
            throw new IllegalArgumentException("LED '" + name + "' cannot be read: " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public Path brightness() {
        return dir.resolve("brightness");
    }

    public Path trigger() {
        return dir.resolve("trigger");
    }

    /** Where the timer trigger takes its on time in ms; the kernel creates it when the trigger is set. */
    public Path delayOn() {
        return dir.resolve("delay_on");
    }

    public Path delayOff() {
        return dir.resolve("delay_off");
    }

    /** No trigger: the brightness is what was last written. */
    public void triggerNone(Sysfs sysfs) throws IOException {
        sysfs.write(trigger(), NONE);
    }

    /** The kernel's timer flashes the LED; it creates delay_on and delay_off, 500 ms each until written. */
    public void triggerTimer(Sysfs sysfs) throws IOException {
        sysfs.write(trigger(), TIMER);
    }

    public long maxBrightness() {
        return maxBrightness;
    }

    /**
     * True when the kernel offers the {@code timer} trigger for this LED (module ledtrig-timer). The kernel lists
     * every trigger with the active one in brackets; a file without brackets (a test tree holding what was last
     * written to it) tells nothing, and passes.
     */
    public boolean offersTimer() {
        if (triggers.indexOf('[') < 0) {
            return true;
        }
        for (String t : triggers.split("\\s+")) {
            if (t.equals("timer") || t.equals("[timer]")) {
                return true;
            }
        }
        return false;
    }

    public String triggers() {
        return triggers;
    }

    static String present(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "none (" + dir + " does not exist)";
        }
        try (Stream<Path> s = Files.list(dir)) {
            String names = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(", "));
            return names.isEmpty() ? "none" : names;
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
