package io.cellgate.driver.linux.line;

import io.cellgate.driver.linux.gpio.GpioChip;
import io.cellgate.driver.linux.gpio.GpioDriver;
import io.cellgate.driver.linux.gpio.GpioLineRequest;
import io.cellgate.driver.linux.gpio.GpioV2;
import io.cellgate.driver.linux.sysfs.Sysfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The on/off outputs of one component, opened together: LED class devices one by one, GPIO lines with one request
 * per chip holding all of the component's lines on it (every line low from the start). Anything missing is refused
 * with a message naming it, and whatever was opened before is released again.
 */
public final class OutputLines implements AutoCloseable {

    private final DigitalLine[] lines;
    private final List<GpioLineRequest> requests;

    private OutputLines(DigitalLine[] lines, List<GpioLineRequest> requests) {
        this.lines = lines;
        this.requests = requests;
    }

    /**
     * @param gpio asked for a driver only when a spec names a GPIO line
     * @throws IllegalArgumentException when an output is missing or cannot be held
     */
    public static OutputLines open(List<LineSpec> specs, Path sysfsRoot, Path devRoot, Supplier<GpioDriver> gpio,
            String consumer, Sysfs sysfs) {
        DigitalLine[] lines = new DigitalLine[specs.size()];
        List<GpioLineRequest> requests = new ArrayList<>();
        try {
            Map<String, List<Integer>> byChip = new LinkedHashMap<>();
            for (int i = 0; i < specs.size(); i++) {
                LineSpec s = specs.get(i);
                if (s.isGpio()) {
                    byChip.computeIfAbsent(s.chip(), c -> new ArrayList<>()).add(i);
                } else {
                    lines[i] = openLed(s, sysfsRoot, sysfs);
                }
            }
            GpioDriver driver = byChip.isEmpty() ? null : gpio.get();
            for (Map.Entry<String, List<Integer>> chip : byChip.entrySet()) {
                requests.add(requestChip(driver, devRoot, chip.getKey(), chip.getValue(), specs, lines, consumer));
            }
            return new OutputLines(lines, requests);
        } catch (RuntimeException e) {
            new OutputLines(lines, requests).close();
            throw e;
        }
    }

    private static DigitalLine openLed(LineSpec s, Path sysfsRoot, Sysfs sysfs) {
        LedClassDevice led = LedClassDevice.open(sysfsRoot, s.led(), sysfs);
        try {
            return new LedLine(led, sysfs);
        } catch (IOException e) {
            throw new IllegalArgumentException("LED '" + s.led() + "' cannot be switched off: " + e.getMessage(), e);
        }
    }

    private static GpioLineRequest requestChip(GpioDriver driver, Path devRoot, String chipName,
            List<Integer> indices, List<LineSpec> specs, DigitalLine[] lines, String consumer) {
        Path device = devRoot.resolve(chipName);
        if (!Files.exists(device)) {
            throw new IllegalArgumentException("GPIO chip " + chipName + " not found under " + devRoot + "; present: "
                    + chips(devRoot));
        }
        if (indices.size() > GpioV2.GPIO_V2_LINES_MAX) {
            throw new IllegalArgumentException(chipName + ": " + indices.size()
                    + " lines, but one request holds at most " + GpioV2.GPIO_V2_LINES_MAX);
        }
        try (GpioChip chip = driver.open(device)) {
            int[] offsets = new int[indices.size()];
            for (int j = 0; j < offsets.length; j++) {
                offsets[j] = specs.get(indices.get(j)).offset();
                if (offsets[j] >= chip.lines()) {
                    throw new IllegalArgumentException(chipName + " (" + chip.label() + ") has " + chip.lines()
                            + " lines, 0 to " + (chip.lines() - 1) + ": no line " + offsets[j]);
                }
            }
            GpioLineRequest request = chip.requestOutputs(offsets, consumer);
            for (int j = 0; j < offsets.length; j++) {
                int i = indices.get(j);
                lines[i] = new GpioLine(request, j, specs.get(i).spec());
            }
            return request;
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String chips(Path devRoot) {
        try (Stream<Path> s = Files.list(devRoot)) {
            String names = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("gpiochip")).sorted()
                    .collect(Collectors.joining(", "));
            return names.isEmpty() ? "none" : names;
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    public DigitalLine get(int i) {
        return lines[i];
    }

    public int size() {
        return lines.length;
    }

    /** Releases the GPIO requests; switch every line off first, the kernel keeps a released line as it was. */
    @Override
    public void close() {
        for (GpioLineRequest r : requests) {
            try {
                r.close();
            } catch (IOException ignored) {
                // released as far as the kernel lets us
            }
        }
        requests.clear();
    }
}
