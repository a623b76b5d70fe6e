package io.cellgate.shell;

import io.cellgate.api.insight.ActiveAlert;
import io.cellgate.api.insight.CellEstimate;
import io.cellgate.api.insight.Finding;
import io.cellgate.api.insight.LedgerCounts;
import io.cellgate.api.insight.LedgerDay;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.insight.PackCharge;
import io.cellgate.api.insight.PackInsight;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A pack's balancing ledger as text for people: charge in mAh, time in hours, cells and pairs numbered from 1, the
 * cell the balancer works hardest on said in a sentence. Every figure is the ledger's; only the units change here.
 */
final class InsightTables {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final double SECONDS_PER_HOUR = 3600;

    private InsightTables() {
    }

    static String ledger(LedgerSnapshot ledger) {
        String id = ledger.pack().id();
        LedgerCounts total = ledger.total();
        LedgerDay day = ledger.latestDay().orElse(new LedgerDay(
                Instant.ofEpochMilli(ledger.sinceMillis()).atZone(ZoneId.systemDefault()).toLocalDate(),
                LedgerCounts.zero(ledger.pack().cells())));
        LedgerCounts today = day.counts();
        StringBuilder b = new StringBuilder();
        String since = DATE_TIME.format(Instant.ofEpochMilli(ledger.sinceMillis()).atZone(ZoneId.systemDefault()));
        b.append(id).append(": balancing ledger since ").append(since).append(", latest day ").append(day.date())
                .append('\n');
        b.append(hardest(total)).append('\n');
        b.append(packCharge(id, ledger.packCharge())).append('\n');
        b.append(String.format(Locale.ROOT, "%4s %9s %9s %9s %8s | %9s %9s %9s %8s%n", "CELL", "IN mAh", "OUT mAh",
                "BLED mAh", "ACTIVE h", "DAY IN", "DAY OUT", "DAY BLED", "DAY h"));
        for (int c = 0; c < total.cells(); c++) {
            b.append(String.format(Locale.ROOT, "%4d %9.2f %9.2f %9.2f %8.2f | %9.2f %9.2f %9.2f %8.2f%n", c + 1,
                    milliampHours(total.inCoulombs(c)), milliampHours(total.outCoulombs(c)),
                    milliampHours(total.bledCoulombs(c)), hours(total.activeSeconds(c)),
                    milliampHours(today.inCoulombs(c)), milliampHours(today.outCoulombs(c)),
                    milliampHours(today.bledCoulombs(c)), hours(today.activeSeconds(c))));
        }
        b.append(String.format(Locale.ROOT, "%4s %9s %9s | %9s %8s%n", "PAIR", "MOVED mAh", "ACTIVE h", "DAY mAh",
                "DAY h"));
        for (int k = 0; k < total.pairs(); k++) {
            b.append(String.format(Locale.ROOT, "%4d %9.2f %9.2f | %9.2f %8.2f%n", k + 1,
                    milliampHours(total.pairCoulombs(k)), hours(total.pairActiveSeconds(k)),
                    milliampHours(today.pairCoulombs(k)), hours(today.pairActiveSeconds(k))));
        }
        return b.toString();
    }

    /**
     * A pack's alerts, findings and notes in sentences, then per cell its state of charge, capacity (with its
     * confidence), self-discharge, drift and net balancing charge a day; a dash where a figure is not known yet.
     */
    static String insight(PackInsight insight) {
        StringBuilder b = new StringBuilder();
        String id = insight.pack().id();
        if (insight.alerts().isEmpty()) {
            b.append(id).append(": no alert raised\n");
        }
        for (ActiveAlert a : insight.alerts()) {
            b.append("ALERT ").append(a.kind().id()).append(" since ")
                    .append(DATE_TIME.format(Instant.ofEpochMilli(a.sinceMillis()).atZone(ZoneId.systemDefault())))
                    .append(": ").append(a.message()).append('\n');
        }
        if (insight.findings().isEmpty()) {
            b.append("No finding: no weak cell, and the balancing helps where it works.\n");
        }
        for (Finding f : insight.findings()) {
            b.append("Finding: ").append(f.message()).append('\n');
        }
        for (String note : insight.notes()) {
            b.append("Note: ").append(note).append('\n');
        }
        b.append(String.format(Locale.ROOT, "%4s %6s %8s %6s %11s %9s %12s %5s%n", "CELL", "SOC %", "CAP Ah",
                "CONF %", "SELF %/mo", "mV/day", "NET mAh/day", "RESTS"));
        for (CellEstimate e : insight.cells()) {
            b.append(String.format(Locale.ROOT, "%4d %6s %8s %6s %11s %9s %12s %5d%n", e.cell() + 1,
                    figure(100 * e.soc(), "%.1f"), figure(e.capacityAh(), "%.3f"),
                    e.capacityAh() == e.capacityAh() ? String.format(Locale.ROOT, "%.0f", 100 * e.capacityConfidence())
                            : "-",
                    figure(e.selfDischargePercentPerMonth(), "%.2f"), figure(1000 * e.driftVoltsPerDay(), "%.2f"),
                    figure(e.netBalanceCoulombsPerDay() / LedgerCounts.COULOMBS_PER_MILLIAMPERE_HOUR, "%.2f"),
                    e.restPoints()));
        }
        return b.toString();
    }

    private static String figure(double value, String format) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "-";
    }

    /** The cell the balancer works hardest on, in a sentence with its figures. */
    static String hardest(LedgerCounts total) {
        int cell = total.hardestWorkedCell();
        if (cell < 0) {
            return "The balancer has moved no charge yet.";
        }
        String bled = total.bledCoulombs(cell) > 0
                ? String.format(Locale.ROOT, ", %.2f mAh bled from it", milliampHours(total.bledCoulombs(cell))) : "";
        return String.format(Locale.ROOT, "The balancer works hardest on cell %d: %.2f mAh moved out of it and "
                + "%.2f mAh into it%s, active %.2f h.", cell + 1, milliampHours(total.outCoulombs(cell)),
                milliampHours(total.inCoulombs(cell)), bled, hours(total.activeSeconds(cell)));
    }

    /** The pack current and the charge counted from it, or why there is none. */
    static String packCharge(String packId, PackCharge charge) {
        String counted = String.format(Locale.ROOT, "%.2f mAh charged and %.2f mAh discharged over %.2f h measured",
                milliampHours(charge.inCoulombs()), milliampHours(charge.outCoulombs()),
                hours(charge.measuredSeconds()));
        if (!charge.measured()) {
            return "Pack current: not measured: " + packId + "'s voltage source gives no pack current"
                    + (charge.measuredSeconds() > 0 ? " now; before, " + counted + "." : ", so no charge through the "
                            + "pack is counted.");
        }
        String way = charge.lastAmps() > 0 ? "charging" : charge.lastAmps() < 0 ? "discharging" : "at rest";
        return String.format(Locale.ROOT, "Pack current: %.3f A (%s); %s.", charge.lastAmps(), way, counted);
    }

    private static double milliampHours(double coulombs) {
        return coulombs / LedgerCounts.COULOMBS_PER_MILLIAMPERE_HOUR;
    }

    private static double hours(double seconds) {
        return seconds / SECONDS_PER_HOUR;
    }
}
