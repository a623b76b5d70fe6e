package io.cellgate.driver.linux.testing;

import io.cellgate.driver.linux.gpio.GpioChip;
import io.cellgate.driver.linux.gpio.GpioDriver;
import io.cellgate.driver.linux.gpio.GpioLineRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * GPIO chips in memory, for the logic above the character device: requests, values, release. The character device
 * itself is tested against the kernel in GpioV2Test.
 */
public final class FakeGpio implements GpioDriver {

    /** One held request and the line values it drives, bit i for offsets[i]. */
    public static final class Request implements GpioLineRequest {
        public final String chip;
        public final int[] offsets;
        public final String consumer;
        public long values;
        public boolean closed;
        public int writes;
        private final Consumer<Request> onSet;

        Request(String chip, int[] offsets, String consumer, Consumer<Request> onSet) {
            this.chip = chip;
            this.offsets = offsets.clone();
            this.consumer = consumer;
            this.onSet = onSet;
        }

        @Override
        public void setValues(long mask, long bits) throws IOException {
            if (closed) {
                throw new IOException("request released");
            }
            values = (values & ~mask) | (bits & mask);
            writes++;
            onSet.accept(this);
        }

        /** Whether the line at {@code offset} is high. */
        public boolean high(int offset) {
            for (int i = 0; i < offsets.length; i++) {
                if (offsets[i] == offset) {
                    return (values & (1L << i)) != 0;
                }
            }
            throw new IllegalArgumentException("line " + offset + " not in " + Arrays.toString(offsets));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final Map<String, Integer> chips = new HashMap<>();
    public final List<Request> requests = new ArrayList<>();
    public Consumer<Request> onSet = r -> { };

    /** A chip /dev/NAME of {@code lines} lines (the test must also create the device file under its dev root). */
    public FakeGpio chip(String name, int lines) {
        chips.put(name, lines);
        return this;
    }

    public Request request(String chip) {
        return requests.stream().filter(r -> r.chip.equals(chip)).findFirst().orElseThrow();
    }

    @Override
    public GpioChip open(Path device) throws IOException {
        String name = device.getFileName().toString();
        Integer lines = chips.get(name);
        if (lines == null) {
            throw new IOException("open " + device + ": ENOENT");
        }
        return new GpioChip() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String label() {
                return "fake-" + name;
            }

            @Override
            public int lines() {
                return lines;
            }

            @Override
            public GpioLineRequest requestOutputs(int[] offsets, String consumer) {
                Request r = new Request(name, offsets, consumer, x -> onSet.accept(x));
                requests.add(r);
                return r;
            }

            @Override
            public void close() {
            }
        };
    }
}
