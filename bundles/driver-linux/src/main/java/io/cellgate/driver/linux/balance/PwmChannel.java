package io.cellgate.driver.linux.balance;

import io.cellgate.driver.linux.sysfs.Sysfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One channel of the kernel's PWM class, {@code /sys/class/pwm/pwmchipN/pwmM}: period, duty_cycle (both in ns)
 * and enable. Opening one exports it when needed, and leaves it disabled with a zero duty. Writes reach sysfs only
 * when a value changes.
 */
public final class PwmChannel {

    /** {@code pwmchipN:M}, or the chip's device (its bus address, stable across boots) and M: {@code 1-0040:3}. */
    private static final Pattern SPEC = Pattern.compile("([\\w.-]+):(\\d{1,3})");
    private static final Pattern CHIP = Pattern.compile("pwmchip\\d+");
    private static final byte[] ZERO = {'0'};
    private static final byte[] ONE = {'1'};
    private static final int UNKNOWN = -1;

    private final String spec;
    private final Path duty;
    private final Path enable;
    private final Sysfs sysfs;
    private long dutyWritten = UNKNOWN;
    private int enableWritten = UNKNOWN;

    private PwmChannel(String spec, Path dir, Sysfs sysfs) {
        this.spec = spec;
        this.duty = dir.resolve("duty_cycle");
        this.enable = dir.resolve("enable");
        this.sysfs = sysfs;
    }

    /**
     * @param spec {@code pwmchipN:M} or {@code DEVICE:M}
     * @throws IllegalArgumentException when the chip or channel is missing or cannot be set up
     */
    static PwmChannel open(Path sysfsRoot, String spec, long periodNanos, Sysfs sysfs) {
        Path chip = chip(sysfsRoot, spec);
        int channel = Integer.parseInt(SPEC.matcher(spec).replaceFirst("$2"));
        try {
            long npwm = sysfs.readLong(chip.resolve("npwm"));
            if (channel >= npwm) {
                throw new IllegalArgumentException("PWM chip " + chip.getFileName() + " has " + npwm
                        + " channels (npwm), 0 to " + (npwm - 1) + ": no channel " + channel);
            }
            Path dir = chip.resolve("pwm" + channel);
            if (!Files.isDirectory(dir)) {
                sysfs.writeLong(chip.resolve("export"), channel);
                if (!Files.isDirectory(dir)) {
                    throw new IllegalArgumentException("PWM channel " + spec + ": " + dir.getFileName()
                            + " did not appear after writing " + channel + " to " + chip.resolve("export"));
                }
            }
            for (String attribute : new String[] {"period", "duty_cycle", "enable"}) {
                if (!Files.isRegularFile(dir.resolve(attribute))) {
                    throw new IllegalArgumentException("PWM channel " + spec + " has no " + attribute);
                }
            }
            PwmChannel c = new PwmChannel(spec, dir, sysfs);
            c.off();
            // After the zero duty: the kernel refuses a period shorter than the duty in force.
            sysfs.writeLong(dir.resolve("period"), periodNanos);
            return c;
        } catch (IOException e) {
            throw new IllegalArgumentException("PWM channel " + spec + ": " + e.getMessage(), e);
        }
    }

    /**
     * The directory of the chip a spec names, {@code /sys/class/pwm/pwmchipN}.
     *
     * @throws IllegalArgumentException when the spec is malformed or the chip missing, naming those present
     */
    static Path chip(Path sysfsRoot, String spec) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("PWM channel '" + spec + "': expected pwmchipN:M or DEVICE:M");
        }
        Path pwm = sysfsRoot.resolve("sys/class/pwm");
        Path chip = CHIP.matcher(m.group(1)).matches() ? pwm.resolve(m.group(1)) : chipOfDevice(pwm, m.group(1));
        if (chip == null || !Files.isDirectory(chip)) {
            throw new IllegalArgumentException("PWM chip " + m.group(1) + " not found under " + pwm + "; present: "
                    + present(pwm));
        }
        return chip;
    }

    /**
     * The directory of the channel a spec names, {@code /sys/class/pwm/pwmchipN/pwmM}, whether exported or not.
     *
     * @throws IllegalArgumentException as {@link #chip}
     */
    public static Path channelDirectory(Path sysfsRoot, String spec) {
        return chip(sysfsRoot, spec).resolve("pwm" + SPEC.matcher(spec).replaceFirst("$2"));
    }

    /** Drives {@code dutyNanos} (duty first, then enable); 0 turns the channel off. */
    void set(long dutyNanos) throws IOException {
        if (dutyNanos == 0) {
            off();
            return;
        }
        if (dutyNanos != dutyWritten) {
            dutyWritten = UNKNOWN;
            sysfs.writeLong(duty, dutyNanos);
            dutyWritten = dutyNanos;
        }
        if (enableWritten != 1) {
            enableWritten = UNKNOWN;
            sysfs.write(enable, ONE);
            enableWritten = 1;
        }
    }

    /** Disables the output first, then zeroes the duty. */
    void off() throws IOException {
        if (enableWritten != 0) {
            enableWritten = UNKNOWN;
            sysfs.write(enable, ZERO);
            enableWritten = 0;
        }
        if (dutyWritten != 0) {
            dutyWritten = UNKNOWN;
            sysfs.writeLong(duty, 0);
            dutyWritten = 0;
        }
    }

    /**
     * Disables the output now, whatever was written before, with {@code own}'s buffers: the emergency path, safe
     * from another thread while the owner is in {@link #set}. The owner calls {@link #forget()} before its next
     * write.
     */
    void forceDisable(Sysfs own) throws IOException {
        own.write(enable, ZERO);
    }

    /** Zeroes the duty now, as {@link #forceDisable}; after it, so that the output never runs at an old duty. */
    void forceZeroDuty(Sysfs own) throws IOException {
        own.writeLong(duty, 0);
    }

    /** Forgets what was written, so that the next {@link #set} or {@link #off} writes everything. */
    void forget() {
        dutyWritten = UNKNOWN;
        enableWritten = UNKNOWN;
    }

    /** The chip whose {@code device} link leads to {@code device}, e.g. .../i2c-1/1-0040; null when none does. */
    private static Path chipOfDevice(Path pwm, String device) {
        try (Stream<Path> s = Files.list(pwm)) {
            return s.filter(chip -> device.equals(deviceOf(chip))).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String deviceOf(Path chip) {
        try {
            return chip.resolve("device").toRealPath().getFileName().toString();
        } catch (IOException e) {
            return null;
        }
    }

    private static String present(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "none (" + dir + " does not exist)";
        }
        try (Stream<Path> s = Files.list(dir)) {
            String chips = s.sorted().map(c -> {
                String device = deviceOf(c);
                return c.getFileName() + (device == null ? "" : " (" + device + ")");
            }).collect(Collectors.joining(", "));
            return chips.isEmpty() ? "none" : chips;
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return "PWM " + spec;
    }
}
