package io.cellgate.itests.hw;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A fake sysfs tree for the hardware assembly, made from its driver configurations (config/hardware): ADS1115-like
 * IIO devices under their I2C bus addresses, LED class devices with the timer trigger on offer, PWM chips with the
 * channels the board uses already exported (nothing here plays the kernel's part of {@code export}). Attributes
 * are regular files: what the gateway writes stays there to be read.
 *
 * <p>JDK only, so that it also runs as a program, making a tree and a configuration folder to run gateway-hw.jar on:
 * <pre>
 * java itests/hardware/src/test/java/io/cellgate/itests/hw/FakeSysfs.java /tmp/cellgate-hw [config/hardware]
 * </pre>
 */
public final class FakeSysfs {

    /** The ADS1115 at gain 1 (±4.096 V): what in_voltageM_scale says, in mV per count. */
    static final String SCALE = "0.125000000";
    static final double MILLIVOLTS_PER_COUNT = 0.125;

    private final Path root;
    private final Path[] raw;
    private final double[] ratios;
    private final List<String> leds;
    private final List<String> switches;
    private final List<String> pwms;
    private final Path currentRaw;

    private FakeSysfs(Path root, Path[] raw, double[] ratios, List<String> leds, List<String> switches,
            List<String> pwms, Path currentRaw) {
        this.currentRaw = currentRaw;
        this.root = root;
        this.raw = raw;
        this.ratios = ratios;
        this.leds = leds;
        this.switches = switches;
        this.pwms = pwms;
    }

    /** Makes the tree under {@code root} for the drivers configured in {@code configDir}. */
    public static FakeSysfs create(Path root, Path configDir) throws IOException {
        Properties iio = load(configDir, "io.cellgate.driver.linux.iio-");
        Properties indicators = load(configDir, "io.cellgate.driver.linux.indicators-");
        Properties balance = load(configDir, "io.cellgate.driver.linux.balance-");
        List<String> channels = list(iio.getProperty("channels"));
        List<String> ratioTexts = list(iio.getProperty("divider.ratios", "1"));
        Path[] raw = new Path[channels.size()];
        double[] ratios = new double[channels.size()];
        Map<String, Path> devices = new LinkedHashMap<>();
        for (int k = 0; k < channels.size(); k++) {
            String[] spec = channels.get(k).split("/");
            if (spec.length != 2 || !spec[0].matches("\\d+-[0-9a-f]{4}")) {
                throw new IllegalArgumentException("FakeSysfs makes channels named BUS-ADDRESS/M, not "
                        + channels.get(k));
            }
            Path dev = devices.computeIfAbsent(spec[0], addr -> ads1115(root, addr, devices.size()));
            raw[k] = dev.resolve("in_voltage" + spec[1] + "_raw");
            ratios[k] = Double.parseDouble(ratioTexts.get(ratioTexts.size() == 1 ? 0 : k));
        }
        List<String> leds = list(indicators.getProperty("leds"));
        for (String led : leds) {
            led(root, led, 255);
        }
        List<String> switches = list(balance.getProperty("switch.lines"));
        for (String line : switches) {
            led(root, line, 1); // a gpio-leds line: max_brightness 1
        }
        List<String> pwms = new ArrayList<>();
        Map<String, Path> chips = new LinkedHashMap<>();
        for (String pwm : list(balance.getProperty("pwm.channels"))) {
            String[] spec = pwm.split(":");
            Path chip = chips.computeIfAbsent(spec[0], device -> pwmChip(root, device, 2 + chips.size()));
            Path dir = chip.resolve("pwm" + spec[1]);
            pwms.add(root.relativize(dir).toString());
            write(dir.resolve("period"), "0\n");
            write(dir.resolve("duty_cycle"), "0\n");
            write(dir.resolve("enable"), "0\n");
            write(dir.resolve("polarity"), "normal\n");
        }
        Files.createDirectories(root.resolve("dev"));
        Path current = ina226(root, devices.size());
        return new FakeSysfs(root, raw, ratios, leds, switches, pwms, current);
    }

    private static Path ads1115(Path root, String address, int n) {
        String id = "iio:device" + n;
        Path dev = root.resolve("sys/devices/platform/soc/i2c-" + address.split("-")[0]).resolve(address).resolve(id);
        write(dev.resolve("name"), "ads1115\n");
        for (int m = 0; m < 4; m++) {
            write(dev.resolve("in_voltage" + m + "_raw"), "0\n");
            write(dev.resolve("in_voltage" + m + "_scale"), SCALE + "\n");
            write(dev.resolve("in_voltage" + m + "_sampling_frequency"), "860\n");
        }
        Path link = root.resolve("sys/bus/iio/devices").resolve(id);
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, link.getParent().relativize(dev));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dev;
    }

    /** INA226 current LSB of the tree's shunt monitor, in mA per count (in_current3_scale). */
    static final double MILLIAMPS_PER_COUNT = 1.25;

    /**
     * An INA226 on the ina2xx-adc driver at I2C 1-0040, for {@code current.channel=1-0040/current3}: its
     * in_current3_raw, at 0 A until {@link #setPackAmps}.
     */
    private static Path ina226(Path root, int n) {
        String id = "iio:device" + n;
        Path dev = root.resolve("sys/devices/platform/soc/i2c-1/1-0040").resolve(id);
        write(dev.resolve("name"), "ina226\n");
        write(dev.resolve("in_voltage0_raw"), "0\n");
        write(dev.resolve("in_voltage0_scale"), "0.002500000\n");
        write(dev.resolve("in_current3_raw"), "0\n");
        write(dev.resolve("in_current3_scale"), "1.250000000\n");
        Path link = root.resolve("sys/bus/iio/devices").resolve(id);
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, link.getParent().relativize(dev));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dev.resolve("in_current3_raw");
    }

    /** What the shunt monitor's in_current3_raw reads, to the nearest count, for {@code amps} (its own sign). */
    public void setPackAmps(double amps) {
        write(currentRaw, Math.round(amps * 1000 / MILLIAMPS_PER_COUNT) + "\n");
    }

    private static void led(Path root, String name, int maxBrightness) {
        Path dir = root.resolve("sys/class/leds").resolve(name);
        write(dir.resolve("brightness"), "0\n");
        write(dir.resolve("max_brightness"), maxBrightness + "\n");
        write(dir.resolve("trigger"), "[none] kbd-scrolllock timer oneshot heartbeat default-on\n");
        write(dir.resolve("delay_on"), "500\n");
        write(dir.resolve("delay_off"), "500\n");
    }

    /** A PCA9685 as pwmchipN (pwmchip0 and 1 left to the SoC), linked to its I2C device like the kernel's. */
    private static Path pwmChip(Path root, String device, int n) {
        boolean named = device.matches("pwmchip\\d+");
        Path chip = root.resolve("sys/class/pwm").resolve(named ? device : "pwmchip" + n);
        write(chip.resolve("npwm"), "17\n"); // the PCA9685: 16 channels and the all-LED one
        write(chip.resolve("export"), "");
        write(chip.resolve("unexport"), "");
        if (!named) {
            Path dev = root.resolve("sys/devices/platform/soc/i2c-" + device.split("-")[0]).resolve(device);
            try {
                Files.createDirectories(dev);
                Files.createSymbolicLink(chip.resolve("device"), chip.relativize(dev));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return chip;
    }

    public Path root() {
        return root;
    }

    public int cells() {
        return raw.length;
    }

    /** Writes the taps of a pack with these cell voltages (cell 1 first). */
    public void setCells(double... volts) {
        double tap = 0;
        for (int k = 0; k < volts.length; k++) {
            tap += volts[k];
            setTap(k, tap);
        }
    }

    /** Writes the count the ADC reads for {@code volts} at tap {@code k} (0-based) through its divider. */
    public void setTap(int k, double volts) {
        writeRaw(k, Long.toString(Math.round(volts / ratios[k] / MILLIVOLTS_PER_COUNT * 1000)));
    }

    public void writeRaw(int k, String text) {
        write(raw[k], text + "\n");
    }

    public Path raw(int k) {
        return raw[k];
    }

    /** The voltage of cell {@code c} (0-based) the driver computes from the counts as written. */
    public double cellVolts(int c) {
        return tapVolts(c) - (c == 0 ? 0 : tapVolts(c - 1));
    }

    private double tapVolts(int k) {
        long count = Long.parseLong(read(raw[k]));
        return (count + 0.0) * (MILLIVOLTS_PER_COUNT / 1000 * ratios[k]);
    }

    /** An attribute of cell {@code c}'s LED (0-based): brightness, trigger, delay_on. */
    public String cellLed(int c, String attribute) {
        return read(root.resolve("sys/class/leds").resolve(leds.get(c)).resolve(attribute));
    }

    /** The brightness of pair {@code k}'s switch line (0-based) moving energy up or down. */
    public String switchLine(int k, boolean up) {
        return read(root.resolve("sys/class/leds").resolve(switches.get(2 * k + (up ? 0 : 1))).resolve("brightness"));
    }

    /** An attribute of pair {@code k}'s PWM channel: period, duty_cycle, enable. */
    public String pwm(int k, String attribute) {
        return read(root.resolve(pwms.get(k)).resolve(attribute));
    }

    /**
     * Copies every {@code .cfg} of {@code configDir} into {@code target}, with sysfs.root and dev.root pointing into
     * this tree and the single-line properties of {@code overrides} replaced. Each file appears whole (a move), as
     * FileInstall should see it.
     */
    public void installConfig(Path configDir, Path target, Map<String, String> overrides) throws IOException {
        Files.createDirectories(target);
        Map<String, String> replace = new LinkedHashMap<>(overrides);
        replace.put("sysfs.root", root.toAbsolutePath().toString());
        replace.put("dev.root", root.resolve("dev").toAbsolutePath().toString());
        try (Stream<Path> files = Files.list(configDir)) {
            for (Path cfg : files.filter(f -> f.toString().endsWith(".cfg")).sorted().toList()) {
                List<String> lines = new ArrayList<>();
                for (String line : Files.readAllLines(cfg)) {
                    int eq = line.indexOf('=');
                    String key = eq < 0 || line.startsWith("#") ? null : line.substring(0, eq).trim();
                    lines.add(key != null && replace.containsKey(key) ? key + "=" + replace.get(key) : line);
                }
                Path tmp = target.resolve(cfg.getFileName() + ".tmp");
                Files.write(tmp, lines);
                Files.move(tmp, target.resolve(cfg.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static Properties load(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().findFirst()
                    .orElseThrow(() -> new IOException("no " + prefix + "*.cfg in " + dir));
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            return p;
        }
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a tree and a configuration folder, with a 20S pack at 3.70 V whose cell 7 stands 150 mV higher. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java FakeSysfs.java DIR [CONFIG_DIR, default config/hardware]");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath();
        Path config = Path.of(args.length > 1 ? args[1] : "config/hardware");
        if (Files.exists(root.resolve("sys"))) {
            System.err.println(root.resolve("sys") + " exists already: give a new directory");
            System.exit(2);
        }
        FakeSysfs tree = create(root, config);
        double[] cells = new double[tree.cells()];
        Arrays.fill(cells, 3.70);
        if (cells.length >= 7) {
            cells[6] = 3.85;
        }
        tree.setCells(cells);
        tree.installConfig(config, root.resolve("config/hardware"), Map.of());
        System.out.printf(Locale.ROOT, "fake sysfs:  %s (%d cells at 3.70 V, cell 7 at 3.85 V)%n", root.resolve("sys"),
                cells.length);
        System.out.printf("config:      %s (sysfs.root and dev.root point into the tree)%n",
                root.resolve("config/hardware"));
        System.out.printf("run:         cd %s && java -jar <repository>/features/gateway-hw/target/gateway-hw.jar%n",
                root);
        System.out.printf("a tap:       %s%n", tree.raw(6));
        System.out.printf("an LED:      %s%n", root.resolve("sys/class/leds").resolve(tree.leds.get(6)));
        System.out.printf("a PWM:       %s%n", root.resolve(tree.pwms.get(6)));
    }
}
