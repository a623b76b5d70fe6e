package io.cellgate.sim.component;

import io.cellgate.sim.scenario.Scenario;
import java.util.Locale;

/**
 * What a scenario run inside the gateway may keep in memory. A run holds its trace (a voltage sample of every cell,
 * and the spread, every {@code traceEverySeconds}) until it ends; a year at one second would exhaust the heap the
 * packs' ticks live in. So the size is estimated before the run and a run over budget is refused with the figure.
 */
final class RunBudget {

    /** A voltage sample: its record, its array header and time, a spread sample, two list slots. */
    private static final long SAMPLE_BYTES = 16 + 16 + 8 + 32 + 2 * 8;

    private final long budgetBytes;

    RunBudget(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** A quarter of the heap the JVM may grow to: the rest is the gateway's. */
    static RunBudget ofHeap() {
        return new RunBudget(Runtime.getRuntime().maxMemory() / 4);
    }

    /** Trace samples the run keeps: one every {@code traceEverySeconds}, the first and the last. */
    static long samples(Scenario s) {
        return (long) Math.ceil(s.durationSeconds() / s.traceEverySeconds()) + 2;
    }

    static long estimatedBytes(Scenario s) {
        return samples(s) * (SAMPLE_BYTES + 8L * s.pack().cells());
    }

    /** @throws IllegalArgumentException saying how big, how big it may be, and what to change */
    void check(Scenario s, String file) {
        long bytes = estimatedBytes(s);
        if (bytes <= budgetBytes) {
            return;
        }
        double slowest = s.durationSeconds() / Math.max(1, budgetBytes / (SAMPLE_BYTES + 8L * s.pack().cells()) - 2);
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s would keep %,d trace samples of %d cells "
                + "(about %s), more than the %s a run inside the gateway may use (a quarter of its heap): set "
                + "traceEverySeconds to %s s or more, or run it outside the gateway with sim-cli", file, samples(s),
                s.pack().cells(), size(bytes), size(budgetBytes), String.format(Locale.ROOT, "%.0f",
                        Math.ceil(slowest))));
    }

    static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", Math.max(1, bytes >> 20));
    }
}
