package io.cellgate.driver.linux.config;

import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.PackProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks the configuration values every driver shares, with messages that name the property and its range. */
public final class ConfigValues {

    private ConfigValues() {
    }

    /** The pack the driver serves: its services carry it as {@code cellgate.pack}. */
    public static String packId(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(PackProperties.PACK + " is missing: name the pack this driver serves");
        }
        return value.trim();
    }

    public static int cells(int cells) {
        if (cells < PackDescription.MIN_CELLS || cells > PackDescription.MAX_CELLS) {
            throw new IllegalArgumentException("cells=" + cells + " is out of range: a pack has "
                    + PackDescription.MIN_CELLS + " to " + PackDescription.MAX_CELLS + " cells");
        }
        return cells;
    }

    /**
     * The items of a list property. A FileInstall {@code .cfg} file gives a list as one comma-separated string,
     * Config Admin may give an array of them; both come out as one flat list of trimmed items.
     */
    public static List<String> list(String[] values) {
        List<String> items = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String item : v.split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.trim());
                    }
                }
            }
        }
        return items;
    }

    /** A list property that must have exactly {@code count} items; {@code what} says what one item is. */
    public static List<String> list(String property, String[] values, int count, String what) {
        List<String> items = list(values);
        if (items.size() != count) {
            throw new IllegalArgumentException(property + " lists " + items.size() + " item"
                    + (items.size() == 1 ? "" : "s") + " but " + count + " are needed: " + what);
        }
        Set<String> seen = new HashSet<>();
        for (String item : items) {
            if (!seen.add(item)) {
                throw new IllegalArgumentException(property + " lists '" + item + "' twice: each output is wired once");
            }
        }
        return items;
    }

    /**
     * Positive finite numbers: either one value for every item, or one per item.
     */
    public static double[] positiveNumbers(String property, String[] values, int count) {
        List<String> items = list(values);
        if (items.size() != 1 && items.size() != count) {
            throw new IllegalArgumentException(property + " lists " + items.size() + " values but " + count
                    + " are needed (or one for all)");
        }
        double[] numbers = new double[count];
        for (int i = 0; i < count; i++) {
            String item = items.get(items.size() == 1 ? 0 : i);
            double v;
            try {
                v = Double.parseDouble(item);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(property + ": '" + item + "' is not a number");
            }
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(property + ": " + item + " is out of range: a finite number > 0");
            }
            numbers[i] = v;
        }
        return numbers;
    }

    /** A root directory of the kernel's interfaces (e.g. {@code sysfs.root=/}); tests point it at a tree. */
    public static Path directory(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " is missing");
        }
        Path p = Path.of(value.trim());
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException(property + "=" + value + ": no such directory");
        }
        return p;
    }
}
