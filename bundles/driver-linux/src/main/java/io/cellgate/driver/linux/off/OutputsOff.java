package io.cellgate.driver.linux.off;

import io.cellgate.driver.linux.balance.PwmChannel;
import io.cellgate.driver.linux.gpio.ChardevGpio;
import io.cellgate.driver.linux.gpio.GpioChip;
import io.cellgate.driver.linux.gpio.GpioDriver;
import io.cellgate.driver.linux.gpio.GpioLineRequest;
import io.cellgate.driver.linux.line.LineSpec;
import io.cellgate.driver.linux.sysfs.Sysfs;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code outputs-off CONFIG_DIR}: turns off every output the hardware gateway's configuration names, from its files
 * alone and without the gateway or an OSGi framework. The service manager runs it after the gateway's process ended,
 * however it ended ({@code ExecStopPost=} in the unit): after {@code kill -9}, an {@code Error} or the JVM's exit on
 * {@code OutOfMemoryError} nothing of the gateway is left to do it, and the kernel keeps PWM channels and LEDs as they
 * were (docs/hardware.md, "When the process ends").
 *
 * <p>It reads the {@code .cfg} files of the Linux drivers' factory configurations in the directory FileInstall
 * watches ({@code io.cellgate.driver.linux.balance-*.cfg}, {@code io.cellgate.driver.linux.indicators-*.cfg}) and,
 * in the order that stops currents soonest, opens every balance switch, disables every PWM channel, zeroes every
 * duty, and turns every cell LED off, continuing past errors. Exit status 0 when everything is off, 1 when something
 * could not be written (each said on stderr), 2 when the command was called wrongly.
 *
 * <p>Needs only this bundle's jar on the class path, and JNA's for lines on a GPIO chip
 * ({@code java -cp 'features/gateway-hw/target/export/gateway-hw/*' io.cellgate.driver.linux.off.OutputsOff
 * config/hardware}).
 */
public final class OutputsOff {

    static final String BALANCE_PREFIX = "io.cellgate.driver.linux.balance-";
    static final String INDICATORS_PREFIX = "io.cellgate.driver.linux.indicators-";
    static final String CONSUMER = "cellgate-outputs-off";
    private static final String USAGE = "usage: outputs-off CONFIG_DIR (the hardware gateway's configuration "
            + "directory, such as config/hardware)";
    private static final byte[] NONE = {'n', 'o', 'n', 'e'};
    private static final byte[] ZERO = {'0'};

    private final Supplier<GpioDriver> gpio;
    private final PrintStream out;
    private final PrintStream err;
    private final Sysfs sysfs = new Sysfs();
    private int failures;

    OutputsOff(Supplier<GpioDriver> gpio, PrintStream out, PrintStream err) {
        this.gpio = gpio;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // A lambda, not ChardevGpio::new: the class (and JNA) is loaded only when a line is on a GPIO chip, so
        // without JNA on the class path everything else still goes off.
        System.exit(new OutputsOff(() -> new ChardevGpio(), System.out, System.err).run(args));
    }

    /** The driver configurations of one file. */
    private record Config(String file, String pack, Properties values, Path sysfsRoot, Path devRoot) {

        List<String> list(String key) {
            List<String> items = new ArrayList<>();
            for (String item : values.getProperty(key, "").split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
            return items;
        }

        String where() {
            return pack + " (" + file + ")";
        }
    }

    int run(String[] args) {
        if (args.length == 2 && args[0].equals("outputs-off")) {
            args = new String[] {args[1]};
        }
        if (args.length != 1 || args[0].startsWith("-")) {
            err.println(USAGE);
            return 2;
        }
        Path dir = Path.of(args[0]);
        if (!Files.isDirectory(dir)) {
            err.println("outputs-off: " + dir + " is no directory. " + USAGE);
            return 2;
        }
        List<Config> balance = new ArrayList<>();
        List<Config> indicators = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".cfg")) {
                    continue;
                }
                if (name.startsWith(BALANCE_PREFIX)) {
                    load(f).ifPresent(balance::add);
                } else if (name.startsWith(INDICATORS_PREFIX)) {
                    load(f).ifPresent(indicators::add);
                }
            }
        } catch (IOException e) {
            err.println("outputs-off: cannot list " + dir + ": " + e.getMessage());
            return 1;
        }
        if (balance.isEmpty() && indicators.isEmpty() && failures == 0) {
            err.println("outputs-off: no balance or LED configuration (" + BALANCE_PREFIX + "*.cfg, "
                    + INDICATORS_PREFIX + "*.cfg) in " + dir + ": is it the hardware gateway's configuration "
                    + "directory?");
            return 1;
        }

        // Switches first (no current can flow through an open switch), then the PWM enables, then the duties.
        for (Config c : balance) {
            int n = linesOff(c, c.list("switch.lines"), "switch line");
            out.println(c.where() + ": " + count(n, "switch line") + " off");
        }
        Map<Config, List<Path>> channels = new LinkedHashMap<>();
        for (Config c : balance) {
            channels.put(c, pwmChannels(c));
        }
        channels.forEach((c, dirs) -> dirs.forEach(d -> write(c, d.resolve("enable"), ZERO)));
        channels.forEach((c, dirs) -> {
            dirs.forEach(d -> write(c, d.resolve("duty_cycle"), ZERO));
            out.println(c.where() + ": " + count(dirs.size(), "PWM channel") + " disabled at duty 0");
        });
        for (Config c : indicators) {
            int n = linesOff(c, c.list("leds"), "LED");
            out.println(c.where() + ": " + count(n, "cell LED") + " off");
        }
        if (failures > 0) {
            err.println("outputs-off: " + count(failures, "output") + " could not be turned off (above); check "
                    + (failures == 1 ? "it" : "them") + " by hand");
            return 1;
        }
        return 0;
    }

    private Optional<Config> load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r); // the .cfg syntax FileInstall reads: key=value, '\' continues a line, '#' comments
        } catch (IOException | IllegalArgumentException e) {
            fail(file.getFileName() + ": cannot be read: "
                    + (e instanceof IOException io ? reason(io) : e.getMessage()));
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        String pack = p.getProperty("cellgate.pack", name).trim();
        return Optional.of(new Config(name, pack, p, Path.of(p.getProperty("sysfs.root", "/").trim()),
                Path.of(p.getProperty("dev.root", "/dev").trim())));
    }

    /** LED class lines and GPIO lines off; returns how many went off. */
    private int linesOff(Config c, List<String> specs, String what) {
        int off = 0;
        Map<String, List<LineSpec>> byChip = new LinkedHashMap<>();
        for (String s : specs) {
            LineSpec spec;
            try {
                spec = LineSpec.parse(s);
            } catch (IllegalArgumentException e) {
                fail(c.where() + ": " + what + " " + e.getMessage());
                continue;
            }
            if (spec.isGpio()) {
                byChip.computeIfAbsent(spec.chip(), k -> new ArrayList<>()).add(spec);
            } else if (ledOff(c, spec.led(), what)) {
                off++;
            }
        }
        for (Map.Entry<String, List<LineSpec>> chip : byChip.entrySet()) {
            off += gpioOff(c, chip.getKey(), chip.getValue(), what);
        }
        return off;
    }

    /** No trigger (the kernel then turns the LED off), then brightness 0. */
    private boolean ledOff(Config c, String name, String what) {
        Path led = c.sysfsRoot().resolve("sys/class/leds").resolve(name);
        if (!Files.isDirectory(led)) {
            fail(c.where() + ": " + what + " '" + name + "' not found under " + led.getParent());
            return false;
        }
        boolean trigger = write(c, led.resolve("trigger"), NONE);
        return write(c, led.resolve("brightness"), ZERO) && trigger;
    }

    /**
     * Requests the lines as outputs driven low (the request itself sets them, with the gateway's flags) and releases
     * them: a released line keeps its value on most chips, and reverts to a pulled-down input on the others.
     */
    private int gpioOff(Config c, String chipName, List<LineSpec> specs, String what) {
        Path device = c.devRoot().resolve(chipName);
        int[] offsets = specs.stream().mapToInt(LineSpec::offset).toArray();
        try {
            GpioDriver driver = gpio.get();
            try (GpioChip chip = driver.open(device);
                    GpioLineRequest request = chip.requestOutputs(offsets, CONSUMER)) {
                return offsets.length;
            }
        } catch (IOException | RuntimeException e) {
            String why = e instanceof IOException io ? reason(io) : e.getMessage();
            fail(c.where() + ": " + what + "s on " + device + " " + Arrays.toString(offsets) + ": " + why
                    + (why != null && why.contains("EBUSY") ? " (is the gateway still running? stop it first)" : ""));
        } catch (LinkageError e) {
            fail(c.where() + ": " + what + "s on " + device + ": the GPIO character device needs JNA: put jna.jar "
                    + "on the class path beside this jar");
        }
        return 0;
    }

    private List<Path> pwmChannels(Config c) {
        List<Path> dirs = new ArrayList<>();
        for (String spec : c.list("pwm.channels")) {
            try {
                Path d = PwmChannel.channelDirectory(c.sysfsRoot(), spec);
                if (Files.isDirectory(d)) {
                    dirs.add(d);
                } else {
                    out.println(c.where() + ": PWM channel " + spec + " is not exported: nothing drives it");
                }
            } catch (IllegalArgumentException e) {
                fail(c.where() + ": " + e.getMessage());
            }
        }
        return dirs;
    }

    private boolean write(Config c, Path file, byte[] value) {
        try {
            sysfs.write(file, value);
            return true;
        } catch (IOException e) {
            fail(c.where() + ": writing " + new String(value, StandardCharsets.US_ASCII) + " to " + file + " failed: "
                    + reason(e));
            return false;
        }
    }

    /** What went wrong, in words: the exceptions of java.nio.file carry only the path as their message. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied (run it as the user the gateway runs as, or as root)";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private void fail(String message) {
        failures++;
        err.println("outputs-off: " + message);
    }
}
