package io.cellgate.driver.linux.iio;

import io.cellgate.driver.linux.sysfs.Sysfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ADC input as the kernel's IIO driver shows it: {@code in_voltageM_raw} (or {@code in_voltageM-voltageN_raw}
 * for a differential input) and its scale and offset, so that volts at the ADC pin = (raw + offset) × scale / 1000
 * (IIO gives voltages in millivolts), times the divider ratio in front of the pin.
 *
 * <p>Scale and offset are read once, at activation: they change only when someone changes the ADC's range, and
 * reading them every tick would triple the file reads of a tick.
 *
 * <p>The pack current's channel ({@link #openCurrent}) is one too, its value in amperes: IIO gives currents in
 * milliamperes.
 *
 * @param voltsPerCount the scale in volts at the divider's input per ADC count (amperes, for the current's)
 */
record IioChannel(Path raw, double voltsPerCount, double offsetCounts, String description) {

    private static final Pattern CHANNEL = Pattern.compile("(\\d{1,3})(?:-(\\d{1,3}))?");
    private static final Pattern CURRENT = Pattern.compile("current(\\d{1,3})");

    /**
     * @param channel {@code M} for a single-ended input, {@code M-N} for a differential one
     * @throws IllegalArgumentException when the device has no such channel or its scale is missing or garbage
     */
    static IioChannel open(IioDevices.Device device, String channel, double dividerRatio, Sysfs sysfs) {
        Matcher m = CHANNEL.matcher(channel);
        if (!m.matches()) {
            throw new IllegalArgumentException("channel '" + channel + "' of " + device.id()
                    + ": expected a number M (in_voltageM_raw) or M-N (in_voltageM-voltageN_raw)");
        }
        boolean differential = m.group(2) != null;
        String base = differential ? "in_voltage" + m.group(1) + "-voltage" + m.group(2) : "in_voltage" + m.group(1);
        String shared = differential ? "in_voltage-voltage" : "in_voltage";
        return open(device, channel, base, shared, dividerRatio / 1000, sysfs);
    }

    /**
     * The pack current's channel, read in amperes: {@code currentM}, a current channel of a shunt monitor
     * (INA226/INA219-class, {@code in_currentM_raw} × scale in mA), or a voltage channel {@code M} or {@code M-N}
     * across the shunt, divided by its resistance.
     *
     * @param shuntOhms the shunt's resistance; needed for a voltage channel, ignored for a current channel
     * @throws IllegalArgumentException when the channel is missing, or a voltage channel is named without a shunt
     */
    static IioChannel openCurrent(IioDevices.Device device, String channel, double shuntOhms, Sysfs sysfs) {
        Matcher m = CURRENT.matcher(channel);
        if (m.matches()) {
            return open(device, channel, "in_current" + m.group(1), "in_current", 1.0 / 1000, sysfs);
        }
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("current channel '" + channel + "' of " + device.id()
                    + ": expected currentM (in_currentM_raw), or M or M-N (a voltage across the shunt)");
        }
        if (!(shuntOhms > 0)) {
            throw new IllegalArgumentException("current channel '" + channel + "' of " + device.id() + " is a voltage"
                    + " across the shunt: set current.shunt.milliohms to the shunt's resistance");
        }
        IioChannel volts = open(device, channel, 1, sysfs);
        return new IioChannel(volts.raw, volts.voltsPerCount / shuntOhms, volts.offsetCounts,
                volts.description + " across " + shuntOhms * 1000 + " mOhm");
    }

    /** Value = (raw + offset) × scale × {@code perScaleUnit}. */
    private static IioChannel open(IioDevices.Device device, String channel, String base, String shared,
            double perScaleUnit, Sysfs sysfs) {
        String description = device.id() + " " + base;
        Path dir = device.dir();
        Path raw = dir.resolve(base + "_raw");
        if (!Files.isRegularFile(raw)) {
            throw new IllegalArgumentException(device.describe() + " has no channel " + channel + ": no "
                    + raw.getFileName());
        }
        Path scale = firstPresent(dir.resolve(base + "_scale"), dir.resolve(shared + "_scale"));
        if (scale == null) {
            throw new IllegalArgumentException(description + ": neither " + base + "_scale nor " + shared + "_scale");
        }
        Path offset = firstPresent(dir.resolve(base + "_offset"), dir.resolve(shared + "_offset"));
        try {
            double perCount = sysfs.readDecimal(scale);
            if (!(perCount > 0)) {
                throw new IllegalArgumentException(description + ": scale " + perCount + " is not positive");
            }
            double offsetCounts = offset == null ? 0 : sysfs.readDecimal(offset);
            return new IioChannel(raw, perCount * perScaleUnit, offsetCounts, description);
        } catch (IOException e) {
            throw new IllegalArgumentException(description + ": " + e.getMessage(), e);
        }
    }

    private static Path firstPresent(Path a, Path b) {
        return Files.isRegularFile(a) ? a : Files.isRegularFile(b) ? b : null;
    }

    /** One conversion, in volts at the divider's input (the tap, or the cell). */
    double readVolts(Sysfs sysfs) throws IOException {
        return (sysfs.readLong(raw) + offsetCounts) * voltsPerCount;
    }

    @Override
    public String toString() {
        return description;
    }
}
