package io.cellgate.shell;

import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.TickStats;
import io.cellgate.api.runtime.TickSummary;
import io.cellgate.api.telemetry.PackView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Formats packs as plain-text tables that fit a 100-column terminal. Cells and pairs are numbered from 1 for
 * operators (cell 1 is the pack's negative end; pair 1 joins cells 1 and 2). Every figure comes from the pack's
 * {@link PackView}, as in every other presenter; a missing reading shows as {@value #MISSING}.
 */
final class PackTables {

    static final String MISSING = "\u2014";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
            Locale.ROOT);

    private PackTables() {
    }

    static String packs(List<Pack> packs) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-10s %5s %-4s %-20s %-15s %9s %9s %3s %9s %7s%n", "PACK", "CELLS",
                "CHEM", "MODEL", "BOARD", "SPREAD mV", "MAX DV mV", "BAL", "TICKS", "TICK us"));
        for (Pack p : packs) {
            PackView s = p.latest();
            TickStats t = p.stats();
            String model = s == null || s.model() == null ? "-" : s.model();
            b.append(String.format(Locale.ROOT, "%-10s %5d %-4s %-20s %-15s %9s %9s %3d %9d %7.1f%n",
                    clip(p.description().id(), 10), p.description().cells(), p.description().chemistry(),
                    clip(model, 20), s == null ? "-" : board(s), s == null ? MISSING : millivolts(s.spreadVolts()),
                    s == null ? MISSING : millivolts(s.maxAdjacentDeltaVolts()),
                    s == null ? 0 : s.balancingPairs() + s.bleedingCells(), t.ticks(), t.lastDurationNanos() / 1000.0));
        }
        return b.append(fitWarnings(packs)).toString();
    }

    /** One line per warning about how a pack's model fits it (low strings, a cascade), as the view carries them. */
    static String fitWarnings(List<Pack> packs) {
        StringBuilder b = new StringBuilder();
        for (Pack p : packs) {
            PackView s = p.latest();
            if (s != null) {
                s.fitWarnings().forEach(w -> b.append("! ").append(p.description().id()).append(" on ")
                        .append(s.model()).append(": ").append(w).append('\n'));
            }
        }
        return b.toString();
    }

    /** The whole gateway in a few lines: how many packs, how they tick, how late and how long. */
    static String stats(List<Pack> packs) {
        GatewayStats g = GatewayStats.of(packs);
        return String.format(Locale.ROOT, "packs %d (%d not OK), ticks %d, mean tick %.1f us, longest tick %.1f us, "
                + "latest start %.1f ms late%n", g.packs(), g.notOk(), g.ticks(), g.meanTickMicros(),
                g.longestTickMicros(), g.latestStartLateMillis());
    }

    static String cells(Pack pack) {
        PackView s = pack.latest();
        if (s == null) {
            return pack.description().id() + ": no tick yet\n";
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %d %s cells, %s, board %s, tick %d at %s%n", s.pack().id(),
                s.pack().cells(), s.pack().chemistry(), s.model() == null ? "no balancer" : s.model(), board(s),
                s.tick(), time(s.timeMillis(), TIME)));
        b.append(String.format(Locale.ROOT, "spread %s mV (highest - lowest cell), largest adjacent DV %s mV%n",
                millivolts(s.spreadVolts()), millivolts(s.maxAdjacentDeltaVolts())));
        b.append(String.format(Locale.ROOT, "%4s %8s %-12s %-8s %7s | %-7s %9s %-9s %7s%n", "CELL", "VOLTS", "STATUS",
                "LED", "BLEED A", "PAIR", "DV mV", "DIRECTION", "AMPS"));
        for (int c = 0; c < s.cells(); c++) {
            b.append(String.format(Locale.ROOT, "%4d %8s %-12s %-8s %7s", c + 1,
                    Double.isFinite(s.volts(c)) ? String.format(Locale.ROOT, "%.4f", s.volts(c)) : MISSING,
                    s.status(c), s.indicator(c), s.bleedAmps(c) == 0 ? "-" : amps(s.bleedAmps(c))));
            if (c < s.pairs()) {
                b.append(String.format(Locale.ROOT, " | %-7s %9s %-9s %7s", (c + 1) + "-" + (c + 2),
                        millivolts(s.deltaVolts(c)), s.directionLabel(c), amps(s.signedAmps(c))));
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
        b.append(String.format(Locale.ROOT, "%10s %12s %9s %9s %4s %-8s %-16s %s%n", "TICK", "TIME", "SPREAD mV",
                "MAX DV mV", "BAL", "BOARD", "HEALTH", "MODEL"));
        for (TickSummary t : ticks) {
            b.append(String.format(Locale.ROOT, "%10d %12s %9s %9s %4d %-8s %-16s %s%n", t.tick(),
                    time(t.timeMillis(), TIME), millivolts(t.spreadVolts()), millivolts(t.maxAdjacentDeltaVolts()),
                    t.balancingPairs(), t.boardState(), t.health(), t.model() == null ? "-" : t.model()));
        }
        return b.toString();
    }

    /** The pack's faults (the cell insight's alerts among them), each with the time and the tick it appeared at. */
    static String faults(Pack pack) {
        List<Pack.ActiveFault> faults = pack.faults();
        StringBuilder b = new StringBuilder(pack.description().id()).append(": ");
        b.append(faults.isEmpty() ? "no faults" : faults.size() + (faults.size() == 1 ? " fault" : " faults"));
        b.append('\n');
        for (Pack.ActiveFault f : faults) {
            b.append("  since ").append(time(f.sinceMillis(), DATE_TIME));
            if (f.sinceTick() >= 0) {
                b.append(" (tick ").append(f.sinceTick()).append(')');
            }
            b.append("  ").append(f.message()).append('\n');
        }
        return b.toString();
    }

    /** Millivolts with one decimal; {@value #MISSING} when absent; never "-0.0". */
    static String millivolts(double volts) {
        return Double.isFinite(volts) ? unsigned(String.format(Locale.ROOT, "%.1f", volts * 1000)) : MISSING;
    }

    private static String amps(double amps) {
        return unsigned(String.format(Locale.ROOT, "%.3f", amps));
    }

    /** A value that rounds to zero reads 0, whatever side of zero it came from. */
    private static String unsigned(String number) {
        return number.startsWith("-") && number.chars().allMatch(ch -> ch == '-' || ch == '0' || ch == '.')
                ? number.substring(1) : number;
    }

    /** Wall-clock time on the gateway's time zone, as the operator's log shows it. */
    private static String time(long epochMillis, DateTimeFormatter format) {
        return format.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()));
    }

    private static String board(PackView s) {
        return s.health() == PackHealth.OK ? s.boardState().name() : s.health().name();
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
