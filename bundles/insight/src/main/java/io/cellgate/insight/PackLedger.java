package io.cellgate.insight;

import io.cellgate.api.insight.CellEstimate;
import io.cellgate.api.insight.Finding;
import io.cellgate.api.insight.LedgerDay;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.insight.PackCharge;
import io.cellgate.api.insight.PackInsight;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackState;
import io.cellgate.api.telemetry.PackView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One pack's balancing ledger, fed every tick the pack runtime publishes. A tick's decision is what the outputs were
 * driven with until the next tick (the fail-safe one when the tick was not healthy, a stall's included), so the time
 * from one tick's reading to the next is counted with the earlier tick's decision, and its pack current likewise.
 * The first tick seen counts nothing: what ran before it is unknown. Days are calendar days in {@code zone}, a span
 * counted in the day of the tick that ends it.
 *
 * <p>The same ticks feed the pack's {@link CellEstimator} and {@link BoardFindings}; the insight's thread
 * {@link #observe observes} the pack's latest view to read rest voltages, work out findings and raise or clear
 * {@link PackAlerts alerts}.
 *
 * <p>Recording a tick allocates nothing, except once a day when the day changes. Thread-safe: the tick records,
 * other threads take snapshots.
 */
final class PackLedger {

    private final PackDescription pack;
    private final ZoneId zone;
    /** The decision driven since the last tick, held: the runtime reuses its buffer. */
    private final HeldDecision applied;
    private final CellEstimator estimator;
    private final BoardFindings board;
    private final PackAlerts alerts;
    private volatile PackInsight latestInsight;
    /**
     * Per cell, what the ledger's net balancing charge lacks against the estimator's, which counts from its first
     * tick on: a reset or a restored ledger moves the ledger's total, not the cell's charge.
     */
    private final double[] balanceOffset;
    private double appliedPackAmps = Double.NaN;
    private long appliedNanos;
    private boolean anyApplied;
    /** The seconds the held decision ran that are not counted in {@code pending} yet. */
    private double heldSeconds;

    private final Counters total;
    /**
     * What the ticks counted since the last {@link #fold}: a tick adds to this one set only, and a snapshot or the
     * next day adds it to the total and its day, off the tick or once a day.
     */
    private final Counters pending;
    /** A ring of the last days; {@code newest} is the index of the newest, a null date an unused slot. */
    private final Counters[] days = new Counters[LedgerSnapshot.MAX_DAYS];
    private final LocalDate[] dates = new LocalDate[LedgerSnapshot.MAX_DAYS];
    private int newest;
    /** The wall-clock span, [start, end), of the day that ticks count in now; empty until the first count. */
    private long dayStartMillis = Long.MAX_VALUE;
    private long dayEndMillis = Long.MIN_VALUE;

    private long sinceMillis;
    private double packInCoulombs;
    private double packOutCoulombs;
    private double packMeasuredSeconds;

    PackLedger(PackDescription pack, ZoneId zone, long sinceMillis) {
        this(pack, zone, sinceMillis, PackSettings.DEFAULTS, line -> { }, line -> { });
    }

    /**
     * @param raised  where a raised alert is told
     * @param cleared where a cleared alert is told
     */
    PackLedger(PackDescription pack, ZoneId zone, long sinceMillis, PackSettings settings, Consumer<String> raised,
            Consumer<String> cleared) {
        this.pack = pack;
        this.zone = zone;
        this.sinceMillis = sinceMillis;
        this.applied = new HeldDecision(pack.cells());
        this.estimator = new CellEstimator(pack, settings);
        this.board = new BoardFindings(pack);
        this.alerts = new PackAlerts(pack.id(), raised, cleared);
        this.balanceOffset = new double[pack.cells()];
        this.total = new Counters(pack.cells());
        this.pending = new Counters(pack.cells());
        for (int i = 0; i < days.length; i++) {
            days[i] = new Counters(pack.cells());
        }
    }

    PackDescription pack() {
        return pack;
    }

    /**
     * Counts the span since the last tick with the decision held, then holds this tick's if it differs: the held
     * decision's spans add up to one figure, counted per pair and cell when the decision changes or the ledger folds.
     */
    synchronized void record(PackState state) {
        long nowNanos = state.reading().timeNanos();
        if (anyApplied && nowNanos > appliedNanos) {
            double seconds = (nowNanos - appliedNanos) / 1e9;
            enterDayOf(state.timeMillis());
            heldSeconds += seconds;
            if (!Double.isNaN(appliedPackAmps)) {
                if (appliedPackAmps > 0) {
                    packInCoulombs += appliedPackAmps * seconds;
                } else {
                    packOutCoulombs -= appliedPackAmps * seconds;
                }
                packMeasuredSeconds += seconds;
            }
            estimator.count(applied.boardDrawAmps(), appliedPackAmps, seconds, nowNanos);
            board.count(applied, seconds);
        }
        if (!anyApplied) {
            applied.busyAll(nowNanos);
            applied.hold(state.decision(), nowNanos);
        } else if (!applied.holds(state.decision())) {
            countHeld();
            applied.hold(state.decision(), nowNanos);
        }
        appliedPackAmps = state.reading().packAmps();
        appliedNanos = nowNanos;
        anyApplied = true;
        estimator.hold(appliedPackAmps, nowNanos, state.timeMillis());
    }

    /** Counts the held decision's spans since they were last counted, per pair and cell. */
    private void countHeld() {
        if (heldSeconds > 0) {
            pending.add(applied, heldSeconds);
            heldSeconds = 0;
        }
    }

    /** From now on the pack's insight works with {@code settings}. */
    synchronized void configure(PackSettings settings) {
        estimator.configure(settings);
    }

    /**
     * Reads the pack's latest view ({@code null} when it has none yet): rest voltages, board samples; then works out
     * the estimates and findings and raises or clears the alerts. On the insight's thread.
     */
    synchronized PackInsight observe(PackView view, long nowMillis) {
        fold();
        for (int c = 0; c < pack.cells(); c++) {
            estimator.balance(c, total.net(c) + balanceOffset[c]);
        }
        board.ledger(total::pairActive, estimator.settings().windowSeconds());
        if (view != null && view.pack().equals(pack)) {
            estimator.observe(view, applied);
            board.observe(view, estimator.countedSeconds(), estimator.packResting());
        }
        PackSettings settings = estimator.settings();
        List<CellEstimate> cells = estimator.estimates();
        List<Finding> findings = board.findings(cells, settings);
        alerts.evaluate(view, findings, settings, nowMillis);
        PackInsight insight = new PackInsight(pack, nowMillis, cells, findings, alerts.active(), notes());
        latestInsight = insight;
        return insight;
    }

    /** What to keep of the estimates across a restart. */
    synchronized EstimatesFile.Saved savedEstimates(long nowMillis) {
        fold();
        for (int c = 0; c < pack.cells(); c++) {
            estimator.balance(c, total.net(c) + balanceOffset[c]);
        }
        return estimator.saved(nowMillis);
    }

    /** Takes the estimates saved before a restart. */
    synchronized void restoreEstimates(EstimatesFile.Saved saved) {
        estimator.restore(saved);
    }

    /** What the insight cannot work out for this pack, and why. */
    private List<String> notes() {
        List<String> notes = new ArrayList<>(3);
        if (estimator.showsPrior()) {
            notes.add("capacities and self-discharges not measured since the gateway started are those saved at "
                    + Instant.ofEpochMilli(estimator.priorMillis()) + ", until the next rests measure "
                    + "them again");
        }
        if (!estimator.currentMeasured()) {
            notes.add(pack.id() + "'s voltage source gives no pack current: no charge is counted and a rest cannot "
                    + "be told from a load, so no state of charge, capacity or self-discharge is worked out; give "
                    + "the pack a current channel (current.channel, docs/hardware.md)");
        }
        if (estimator.curve().flatSpanVolts(CellEstimator.MIN_VOLTS_PER_SOC) > 0) {
            notes.add(String.format(Locale.ROOT, "%s's open-circuit curve is flat over %.0f %% of its "
                    + "charge (%.0f mV in all): a resting cell's charge is read only outside those parts, near the "
                    + "knees; in between it is carried by counting", pack.chemistry(),
                    100 * estimator.curve().flatSocShare(CellEstimator.MIN_VOLTS_PER_SOC),
                    1000 * estimator.curve().flatSpanVolts(CellEstimator.MIN_VOLTS_PER_SOC)));
        }
        return notes;
    }

    /** The insight of the last {@link #observe}, or a fresh one when there was none. */
    PackInsight insight(long nowMillis) {
        PackInsight latest = latestInsight;
        return latest != null ? latest : observe(null, nowMillis);
    }

    /**
     * Makes the day of {@code millis} the one that pending counts go to: when the day changes, what the old day
     * counted is folded into it first. A clock set back counts in the newest day.
     */
    private void enterDayOf(long millis) {
        if (millis >= dayStartMillis && millis < dayEndMillis) {
            return;
        }
        LocalDate date = Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
        dayStartMillis = date.atStartOfDay(zone).toInstant().toEpochMilli();
        dayEndMillis = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        if (dates[newest] == null) {
            dates[newest] = date;
        } else if (date.isAfter(dates[newest])) {
            fold();
            newest = (newest + 1) % days.length;
            days[newest].clear();
            dates[newest] = date;
        }
    }

    /** Adds what the ticks counted since the last fold to the total and the newest day. */
    private void fold() {
        countHeld();
        total.addAll(pending);
        days[newest].addAll(pending);
        pending.clear();
    }

    /** Counting starts again from zero at {@code nowMillis}; the decision in force goes on being counted. */
    synchronized void reset(long nowMillis) {
        fold();
        for (int c = 0; c < pack.cells(); c++) {
            balanceOffset[c] += total.net(c);
        }
        board.shiftBaseline(k -> -total.pairActive(k));
        total.clear();
        pending.clear();
        for (int i = 0; i < days.length; i++) {
            days[i].clear();
            dates[i] = null;
        }
        dayStartMillis = Long.MAX_VALUE;
        dayEndMillis = Long.MIN_VALUE;
        sinceMillis = nowMillis;
        packInCoulombs = 0;
        packOutCoulombs = 0;
        packMeasuredSeconds = 0;
    }

    /** Takes the figures of a ledger saved before, of a pack of as many cells; the decision in force stays. */
    synchronized void restore(LedgerSnapshot saved) {
        if (saved.pack().cells() != pack.cells()) {
            throw new IllegalArgumentException("a ledger of " + saved.pack().cells() + " cells cannot be restored "
                    + "into " + pack.id() + " of " + pack.cells());
        }
        reset(saved.sinceMillis());
        total.copyFrom(saved.total());
        for (int c = 0; c < pack.cells(); c++) {
            balanceOffset[c] -= total.net(c);
        }
        board.shiftBaseline(total::pairActive);
        List<LedgerDay> newestFirst = saved.days();
        for (int i = newestFirst.size() - 1; i >= 0; i--) { // oldest first, so that the newest ends up newest
            if (i < newestFirst.size() - 1) {
                newest = (newest + 1) % days.length;
            }
            days[newest].copyFrom(newestFirst.get(i).counts());
            dates[newest] = newestFirst.get(i).date();
        }
        PackCharge charge = saved.packCharge();
        packInCoulombs = charge.inCoulombs();
        packOutCoulombs = charge.outCoulombs();
        packMeasuredSeconds = charge.measuredSeconds();
    }

    synchronized LedgerSnapshot snapshot() {
        fold();
        List<LedgerDay> newestFirst = new ArrayList<>(days.length);
        for (int i = 0; i < days.length; i++) {
            int slot = Math.floorMod(newest - i, days.length);
            if (dates[slot] != null) {
                newestFirst.add(new LedgerDay(dates[slot], days[slot].toCounts()));
            }
        }
        return new LedgerSnapshot(pack, sinceMillis, total.toCounts(), newestFirst,
                new PackCharge(packInCoulombs, packOutCoulombs, packMeasuredSeconds, appliedPackAmps));
    }
}
