package io.cellgate.sim.cli;

import io.cellgate.sim.scenario.Scenario;
import java.util.Locale;

/**
 * Refuses up front a run whose results would not fit in the memory this JVM may use: a result held for its JSON on
 * standard output or for a report keeps every trace sample (each cell's terminal voltage, open-circuit voltage and
 * state of charge). A result written to a file streams its trace and is not limited here.
 */
final class MemoryBudget {

    /** A sample's own objects (two records, three arrays' headers, list slots), beyond its doubles. */
    static final long BYTES_PER_SAMPLE = 160;
    /** Doubles per cell in a held sample. */
    static final long DOUBLES_PER_CELL = 4;

    private MemoryBudget() {
    }

    static long samples(Scenario s) {
        return (long) Math.ceil(s.durationSeconds() / s.traceEverySeconds()) + 2;
    }

    static long bytes(Scenario s, int runs) {
        return runs * samples(s) * (BYTES_PER_SAMPLE + 8 * DOUBLES_PER_CELL * s.pack().cells());
    }

    /** @throws ScenarioError with the figure, the memory there is and what to change */
    static void check(Scenario s, int runs) {
        check(s, runs, Runtime.getRuntime().maxMemory());
    }

    static void check(Scenario s, int runs, long maxMemory) {
        long need = bytes(s, runs);
        long budget = maxMemory / 2;
        if (need <= budget) {
            return;
        }
        long perSample = runs * (BYTES_PER_SAMPLE + 8 * DOUBLES_PER_CELL * s.pack().cells());
        double every = s.durationSeconds() / Math.max(1, budget / perSample - 2);
        throw new ScenarioError(ScenarioError.MEMORY, String.format(Locale.ROOT, "%s would hold %,d trace samples "
                + "of %d cells%s (about %s) in memory, more than half of the %s this JVM may use: set "
                + "traceEverySeconds to %.0f s or more, write the result to a file without --report (its trace is "
                + "then streamed), or give Java more memory (java -Xmx...)", s.name(), samples(s), s.pack().cells(),
                runs > 1 ? " for each of " + runs + " runs" : "", size(need), size(maxMemory), Math.ceil(every)));
    }

    static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", Math.max(1, bytes >> 20));
    }
}
