package io.cellgate.driver.linux.iio;

import io.cellgate.driver.linux.sysfs.Sysfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The IIO devices under {@code /sys/bus/iio/devices}, found by what an operator knows of them: {@code iio:deviceN},
 * the driver's {@code name} (ads1115, mcp3208), the device tree's {@code label}, or the bus address of the device
 * the IIO device belongs to ({@code 1-0048}: I2C bus 1, address 0x48; {@code spi0.0}). Numbers N may change from
 * one boot to the next, bus addresses and labels do not.
 */
final class IioDevices {

    /** One device as found, with what it can be named by. */
    record Device(Path dir, String id, String name, String label, String parent) {
        boolean answersTo(String wanted) {
            return wanted.equals(id) || wanted.equals(name) || wanted.equals(label) || wanted.equals(parent);
        }

        String describe() {
            return id + " (" + name + (label == null ? "" : ", label " + label) + " at " + parent + ")";
        }
    }

    private final Path root;
    private final List<Device> devices;

    IioDevices(Path sysfsRoot, Sysfs sysfs) {
        this.root = sysfsRoot.resolve("sys/bus/iio/devices");
        this.devices = list(root, sysfs);
    }

    /** @throws IllegalArgumentException naming what is present when {@code wanted} is missing or ambiguous */
    Device find(String wanted) {
        List<Device> matches = devices.stream().filter(d -> d.answersTo(wanted)).toList();
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("IIO device '" + wanted + "' not found under " + root + "; present: "
                    + (devices.isEmpty() ? "none" : devices.stream().map(Device::describe)
                            .collect(Collectors.joining(", "))));
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("IIO device '" + wanted + "' is ambiguous: "
                    + matches.stream().map(Device::describe).collect(Collectors.joining(", "))
                    + "; name one by its bus address, label or iio:deviceN");
        }
        return matches.get(0);
    }

    private static List<Device> list(Path root, Sysfs sysfs) {
        List<Device> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> s = Files.list(root)) {
            for (Path dir : s.sorted().toList()) {
                String id = dir.getFileName().toString();
                if (id.startsWith("iio:device")) {
                    found.add(new Device(dir, id, text(sysfs, dir.resolve("name")), text(sysfs, dir.resolve("label")),
                            parent(dir)));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + root + ": " + e.getMessage(), e);
        }
        return found;
    }

    private static String text(Sysfs sysfs, Path file) {
        try {
            return Files.isRegularFile(file) ? sysfs.readText(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The device the IIO device hangs off: the link iio:deviceN points to .../i2c-1/1-0048/iio:deviceN. */
    private static String parent(Path dir) {
        try {
            Path real = dir.toRealPath();
            return real.getParent() == null ? "?" : real.getParent().getFileName().toString();
        } catch (IOException e) {
            return "?";
        }
    }
}
