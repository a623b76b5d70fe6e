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
 * @param voltsPerCount the scale in volts at the divider's input per ADC count
 */
record IioChannel(Path raw, double voltsPerCount, double offsetCounts, String description) {

    private static final Pattern CHANNEL = Pattern.compile("(\\d{1,3})(?:-(\\d{1,3}))?");

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
            double millivoltsPerCount = sysfs.readDecimal(scale);
            if (!(millivoltsPerCount > 0)) {
                throw new IllegalArgumentException(description + ": scale " + millivoltsPerCount + " is not positive");
            }
            double offsetCounts = offset == null ? 0 : sysfs.readDecimal(offset);
            return new IioChannel(raw, millivoltsPerCount / 1000 * dividerRatio, offsetCounts, description);
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
