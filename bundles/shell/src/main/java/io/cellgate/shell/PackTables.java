package io.cellgate.shell;

import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.TickStats;
import io.cellgate.api.runtime.TickSummary;
import io.cellgate.api.telemetry.PackView;
import java.util.List;
import java.util.Locale;

/**
 * Formats packs as plain-text tables that fit a 100-column terminal. Cells and pairs are numbered from 1 for
 * operators (cell 1 is the pack's negative end; pair 1 joins cells 1 and 2).
 */
final class PackTables {

    private PackTables() {
    }

    static String packs(List<Pack> packs) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-12s %5s %-4s %-24s %-14s %9s %4s %9s %8s%n", "PACK", "CELLS", "CHEM",
                "MODEL", "BOARD", "SPREAD mV", "BAL", "TICKS", "TICK us"));
        for (Pack p : packs) {
            PackView s = p.latest();
            TickStats t = p.stats();
            String model = s == null || s.model() == null ? "-" : s.model();
            b.append(String.format(Locale.ROOT, "%-12s %5d %-4s %-24s %-14s %9.1f %4d %9d %8.1f%n",
                    p.description().id(), p.description().cells(), p.description().chemistry(), clip(model, 24),
                    s == null ? "-" : board(s), s == null ? 0.0 : s.maxAdjacentDeltaVolts() * 1000,
                    s == null ? 0 : s.balancingPairs() + s.bleedingCells(), t.ticks(),
                    t.lastDurationNanos() / 1000.0));
        }
        return b.toString();
    }

    /** The whole gateway in a few lines: how many packs, how they tick, how late and how long. */
    static String stats(List<Pack> packs) {
        long ticks = 0;
        long sumNanos = 0;
        long maxDuration = 0;
        long maxLateness = 0;
        int unhealthy = 0;
        for (Pack p : packs) {
            TickStats t = p.stats();
            ticks += t.ticks();
            sumNanos += t.meanDurationNanos() * t.ticks();
            maxDuration = Math.max(maxDuration, t.maxDurationNanos());
            maxLateness = Math.max(maxLateness, t.maxLatenessNanos());
            PackView s = p.latest();
            if (s == null || s.health() != io.cellgate.api.pack.PackHealth.OK) {
                unhealthy++;
            }
        }
        return String.format(Locale.ROOT, "packs %d (%d not OK), ticks %d, mean tick %.1f us, longest tick %.1f us, "
                + "latest start %.1f ms late%n", packs.size(), unhealthy, ticks,
                ticks == 0 ? 0.0 : sumNanos / 1000.0 / ticks, maxDuration / 1000.0, maxLateness / 1e6);
    }

    static String cells(Pack pack) {
        PackView s = pack.latest();
        if (s == null) {
            return pack.description().id() + ": no tick yet\n";
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %d %s cells, %s, board %s, tick %d%n", s.pack().id(),
                s.pack().cells(), s.pack().chemistry(), s.model() == null ? "no balancer" : s.model(), board(s),
                s.tick()));
        b.append(String.format(Locale.ROOT, "%4s %8s %-12s %-8s | %-7s %9s %-9s %7s%n", "CELL", "VOLTS", "STATUS",
                "LED", "PAIR", "DV mV", "DIRECTION", "AMPS"));
        for (int c = 0; c < s.cells(); c++) {
            b.append(String.format(Locale.ROOT, "%4d %8.4f %-12s %-8s", c + 1, s.volts(c), s.status(c),
                    s.bleedAmps(c) > 0 ? s.indicator(c) + "*" : s.indicator(c)));
            if (c < s.pairs()) {
                b.append(String.format(Locale.ROOT, " | %-7s %9.1f %-9s %7.3f", (c + 1) + "-" + (c + 2),
                        s.deltaVolts(c) * 1000, s.directionLabel(c), s.amps(c)));
            }
            b.append('\n');
        }
        for (String f : s.faults()) {
            b.append("! ").append(f).append('\n');
        }
        return b.toString();
    }

    static String history(Pack pack, List<TickSummary> ticks) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: last %d ticks%n", pack.description().id(),
                ticks.size()));
        b.append(String.format(Locale.ROOT, "%10s %12s %10s %4s %-8s %-16s %s%n", "TICK", "TIME s", "SPREAD mV",
                "BAL", "BOARD", "HEALTH", "MODEL"));
        long t0 = ticks.isEmpty() ? 0 : ticks.get(0).timeMillis();
        for (TickSummary t : ticks) {
            b.append(String.format(Locale.ROOT, "%10d %12.3f %10.1f %4d %-8s %-16s %s%n", t.tick(),
                    (t.timeMillis() - t0) / 1e3, t.maxAdjacentDeltaVolts() * 1000, t.balancingPairs(), t.boardState(),
                    t.health(), t.model() == null ? "-" : t.model()));
        }
        return b.toString();
    }

    static String faults(Pack pack) {
        List<Pack.ActiveFault> faults = pack.faults();
        if (faults.isEmpty()) {
            return pack.description().id() + ": no faults\n";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: %d fault%s%n", pack.description().id(),
                faults.size(), faults.size() == 1 ? "" : "s"));
        for (Pack.ActiveFault f : faults) {
            b.append(String.format(Locale.ROOT, "  since tick %-10d %s%n", f.sinceTick(), f.message()));
        }
        return b.toString();
    }

    private static String board(PackView s) {
        return s.health() == io.cellgate.api.pack.PackHealth.OK ? s.boardState().name()
                : s.health().name();
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
