package io.cellgate.sim.component;

import io.cellgate.sim.scenario.Scenario;
import java.util.Locale;

/**
 * What a scenario run inside the gateway may take. It keeps nothing per trace sample in memory (the trace is
 * streamed to the result file, or not kept when there is none), so the heap the packs' ticks live in does not grow
 * with the duration; the result file does. Its size is estimated before the run, and a run whose file would take
 * more than half the free space of its folder is refused with the figures: the other half is the gateway's (its
 * recordings and configuration share the disk).
 */
final class RunBudget {

    /** A cell's value in the result's JSON: indent, 16–18 digits, comma, line break. */
    static final long JSON_BYTES_PER_VOLT = 30;
    /** Values per cell in a trace sample: terminal voltage, open-circuit voltage, state of charge, a pair's amps. */
    static final int VALUES_PER_CELL = 4;
    /** A sample's time and brackets in the trace, its names, and its two spread entries. */
    static final long JSON_BYTES_PER_SAMPLE = 260;
    /** While the run goes, the trace also sits in a temporary file as doubles: time, both spreads, each cell's. */
    static final long TEMPORARY_BYTES_PER_VALUE = 8;

    private final long freeBytes;

    /** @param freeBytes the free space of the folder the result goes to */
    RunBudget(long freeBytes) {
        this.freeBytes = freeBytes;
    }

    /** Trace samples the run writes: one every {@code traceEverySeconds}, the first and the last. */
    static long samples(Scenario s) {
        return (long) Math.ceil(s.durationSeconds() / s.traceEverySeconds()) + 2;
    }

    static long bytesPerSample(int cells) {
        return JSON_BYTES_PER_SAMPLE + JSON_BYTES_PER_VOLT * VALUES_PER_CELL * cells + temporaryBytesPerSample(cells);
    }

    /** What a sample takes in the temporary file while the run goes. */
    static long temporaryBytesPerSample(int cells) {
        return TEMPORARY_BYTES_PER_VALUE * (VALUES_PER_CELL * cells + 2);
    }

    static long estimatedBytes(Scenario s) {
        return samples(s) * bytesPerSample(s.pack().cells());
    }

    /** @throws IllegalArgumentException saying how big, how much is free, and what to change */
    void check(Scenario s, String file, String resultFile) {
        long bytes = estimatedBytes(s);
        long budget = freeBytes / 2;
        if (bytes <= budget) {
            return;
        }
        double slowest = s.durationSeconds() / Math.max(1, budget / bytesPerSample(s.pack().cells()) - 2);
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s would write %,d trace samples of %d cells "
                + "(about %s) to %s, more than half of the %s free there: set traceEverySeconds to %.0f s or more, "
                + "or write the result where there is more room", file, samples(s), s.pack().cells(), size(bytes),
                resultFile, size(freeBytes), Math.ceil(slowest)));
    }

    static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", Math.max(1, bytes >> 20));
    }
}
