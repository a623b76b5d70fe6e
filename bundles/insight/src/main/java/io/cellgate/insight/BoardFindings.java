package io.cellgate.insight;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.insight.CellEstimate;
import io.cellgate.api.insight.Finding;
import io.cellgate.api.insight.FindingKind;
import io.cellgate.api.pack.OcvCurve;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;

/**
 * What one pack's figures say about its cells and its board, in words: the weak cell (lowest capacity, or a
 * self-discharge several times the median cell's), balancing in the flat middle of the curve, a board that never
 * sleeps, a spread that grows while the board works at its limit. The board's figures are kept over a window of
 * {@code window.h} to twice that (two halves, the older dropped as the newer fills). The tick counts
 * ({@link #count}, no allocation); {@link #observe} and {@link #findings} run on the insight's thread. Not thread-safe:
 * its {@link PackLedger} guards it.
 */
final class BoardFindings {

    /** Balancing pair-time the flat-middle finding needs before it speaks. */
    static final double MIN_BALANCING_PAIR_SECONDS = 600;
    /** The share of balancing in the flat middle that makes it a finding. */
    static final double FLAT_SHARE = 0.5;
    /** The share of the window the board must stay awake without balancing to "never sleep". */
    static final double AWAKE_IDLE_SHARE = 0.95;
    /** The busiest pair's share of the window that counts as a board at its limit. */
    static final double AT_LIMIT_SHARE = 0.8;
    /** Growth of the resting spread that counts as growing, volts per day. */
    static final double SPREAD_GROWTH_VOLTS_PER_DAY = 0.005;
    /** The time the resting spreads must span. */
    static final double MIN_GROWTH_SECONDS = 12 * 3600;
    private static final int SPREAD_SAMPLES = 8;
    private static final double SECONDS_PER_DAY = 86_400;

    private final PackDescription pack;
    private final OcvCurve curve;
    private final boolean curveHasFlats;
    private final Window[] halves = {null, null};
    private int current;
    /** The ledger's pair active seconds at the last {@link #ledger} and at the start of the current half. */
    private final double[] pairTotals;
    private final double[] baseline;

    private final double[] restSpreadSeconds = new double[SPREAD_SAMPLES];
    private final double[] restSpreadVolts = new double[SPREAD_SAMPLES];
    private int spreadSamples;
    private int newestSpread = -1;
    private boolean restingBefore;
    private double lastObservedSeconds = Double.NaN;

    BoardFindings(PackDescription pack) {
        this.pack = pack;
        this.curve = OcvCurve.of(pack.chemistry());
        this.curveHasFlats = curve.flatSpanVolts(CellEstimator.MIN_VOLTS_PER_SOC) > 0;
        halves[0] = new Window(pack.pairs());
        halves[1] = new Window(pack.pairs());
        pairTotals = new double[pack.pairs()];
        baseline = new double[pack.pairs()];
    }

    /** Counts {@code seconds} of {@code held}. On the tick; allocates nothing. */
    void count(HeldDecision held, double seconds) {
        Window w = halves[current];
        w.seconds += seconds;
        if (held.boardState() == BoardState.SLEEP) {
            w.sleepSeconds += seconds;
        } else if (held.awakeIdle()) {
            w.awakeIdleSeconds += seconds;
            w.awakeIdleDrawCoulombs += held.boardDrawAmps() * seconds;
        }
    }

    /**
     * Takes the ledger's pair active seconds (since it began), from which each half's pair time is told; starts a new
     * half once the current one spans {@code windowSeconds}. Off the tick.
     */
    void ledger(IntToDoubleFunction pairActiveSeconds, double windowSeconds) {
        for (int k = 0; k < pairTotals.length; k++) {
            pairTotals[k] = pairActiveSeconds.applyAsDouble(k);
        }
        Window w = halves[current];
        if (w.seconds >= windowSeconds) {
            for (int k = 0; k < pairTotals.length; k++) {
                w.pairSeconds[k] = Math.max(0, pairTotals[k] - baseline[k]);
            }
            current ^= 1;
            halves[current].clear();
            System.arraycopy(pairTotals, 0, baseline, 0, baseline.length);
        }
    }

    /** The ledger's pair totals moved by {@code delta} (a reset, a restored file): the current half's start too. */
    void shiftBaseline(IntToDoubleFunction delta) {
        for (int k = 0; k < baseline.length; k++) {
            baseline[k] += delta.applyAsDouble(k);
        }
    }

    /** The pair's active seconds over both halves. */
    private double pairSeconds(int k) {
        return halves[current ^ 1].pairSeconds[k] + Math.max(0, pairTotals[k] - baseline[k]);
    }

    /**
     * Samples the pack's latest view, {@code seconds} after counting began: which balancing pairs sit in the curve's
     * flat part, the pair differences of an awake idle board, the spread at rest.
     */
    void observe(PackView view, double seconds, boolean resting) {
        double dt = lastObservedSeconds == lastObservedSeconds ? Math.max(0, seconds - lastObservedSeconds) : 0;
        lastObservedSeconds = seconds;
        Window w = halves[current];
        if (curveHasFlats) {
            for (int k = 0; k < view.pairs(); k++) {
                if (view.amps(k) > 0) {
                    w.balancingPairSeconds += dt;
                    if (view.isValid(k) && view.isValid(k + 1)
                            && curve.isFlatAt(view.volts(k), CellEstimator.MIN_VOLTS_PER_SOC)
                            && curve.isFlatAt(view.volts(k + 1), CellEstimator.MIN_VOLTS_PER_SOC)) {
                        w.flatPairSeconds += dt;
                    }
                }
            }
        }
        if (view.boardState() == BoardState.ACTIVE && view.balancingPairs() == 0 && view.bleedingCells() == 0) {
            double delta = view.maxAdjacentDeltaVolts();
            w.idleMinDeltaVolts = Math.min(w.idleMinDeltaVolts, delta);
            w.idleMaxDeltaVolts = Math.max(w.idleMaxDeltaVolts, delta);
        }
        if (resting) {
            if (!restingBefore) {
                newestSpread = (newestSpread + 1) % SPREAD_SAMPLES;
                spreadSamples = Math.min(SPREAD_SAMPLES, spreadSamples + 1);
            }
            restSpreadSeconds[newestSpread] = seconds; // the latest of a rest: the most relaxed
            restSpreadVolts[newestSpread] = view.spreadVolts();
        }
        restingBefore = resting;
    }

    /** What the figures say now, weak cells first. */
    List<Finding> findings(List<CellEstimate> cells, PackSettings settings) {
        List<Finding> out = new ArrayList<>();
        weakByCapacity(cells, settings).ifPresent(out::add);
        weakBySelfDischarge(cells, settings).ifPresent(out::add);
        Window a = halves[0];
        Window b = halves[1];
        double seconds = a.seconds + b.seconds;
        double balancing = a.balancingPairSeconds + b.balancingPairSeconds;
        double flat = a.flatPairSeconds + b.flatPairSeconds;
        if (balancing >= MIN_BALANCING_PAIR_SECONDS && flat >= FLAT_SHARE * balancing) {
            out.add(new Finding(FindingKind.FLAT_MIDDLE_BALANCING, -1, String.format(Locale.ROOT, "the board "
                    + "balanced %.0f %% of its pair-time (%.2f h) with both cells of the pair in the flat middle of "
                    + "the %s curve, where 1 mV is more than 1 %% of charge: it acts on noise; balance near the "
                    + "top of charge instead (a higher trigger, or a board that balances only there)",
                    100 * flat / balancing, balancing / 3600, pack.chemistry())));
        }
        double awakeIdle = a.awakeIdleSeconds + b.awakeIdleSeconds;
        double sleep = a.sleepSeconds + b.sleepSeconds;
        if (seconds >= settings.windowSeconds() && sleep == 0 && awakeIdle >= AWAKE_IDLE_SHARE * seconds) {
            double drawAmps = (a.awakeIdleDrawCoulombs + b.awakeIdleDrawCoulombs) / awakeIdle;
            double lo = Math.min(a.idleMinDeltaVolts, b.idleMinDeltaVolts);
            double hi = Math.max(a.idleMaxDeltaVolts, b.idleMaxDeltaVolts);
            String pairs = hi >= lo ? String.format(Locale.ROOT, ": its largest pair difference stayed at %.0f–%.0f "
                    + "mV, above its stop and below its trigger", lo * 1000, hi * 1000) : "";
            out.add(new Finding(FindingKind.NEVER_SLEEPS, -1, String.format(Locale.ROOT, "the board stayed awake "
                    + "%.0f %% of the last %.1f h without balancing a pair and never slept%s; it draws %.1f mA "
                    + "(%.0f mAh a day) for nothing", 100 * awakeIdle / seconds, seconds / 3600, pairs,
                    drawAmps * 1000, drawAmps * SECONDS_PER_DAY / 3.6)));
        }
        spreadGrowsAtLimit(seconds).ifPresent(out::add);
        return out;
    }

    private Optional<Finding> weakByCapacity(List<CellEstimate> cells, PackSettings settings) {
        double[] known = cells.stream().filter(e -> e.capacityConfidence() >= 0.5)
                .mapToDouble(CellEstimate::capacityAh).sorted().toArray();
        if (known.length < Math.max(2, (cells.size() + 1) / 2)) {
            return Optional.empty();
        }
        double median = median(known);
        CellEstimate weakest = null;
        for (CellEstimate e : cells) {
            if (e.capacityConfidence() >= 0.5 && (weakest == null || e.capacityAh() < weakest.capacityAh())) {
                weakest = e;
            }
        }
        double relativeError = 1 - weakest.capacityConfidence();
        double below = 1 - weakest.capacityAh() / median;
        if (below - 2 * relativeError < settings.weakCapacityShare()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(FindingKind.WEAK_CELL_CAPACITY, weakest.cell(),
                String.format(Locale.ROOT, "cell %d is the weak cell: its capacity is %.3f Ah, %.1f %% below the "
                        + "median cell's %.3f Ah (confidence %.0f %%, %d rest points)", weakest.cell() + 1,
                        weakest.capacityAh(), 100 * below, median, 100 * weakest.capacityConfidence(),
                        weakest.restPoints())));
    }

    private Optional<Finding> weakBySelfDischarge(List<CellEstimate> cells, PackSettings settings) {
        double[] known = cells.stream().mapToDouble(CellEstimate::selfDischargeAmps).filter(v -> v == v).sorted()
                .toArray();
        if (known.length < Math.max(2, (cells.size() + 1) / 2)) {
            return Optional.empty();
        }
        double median = median(known);
        double[] capacities = cells.stream().mapToDouble(CellEstimate::capacityAh).filter(v -> v == v).sorted()
                .toArray();
        // the median's own leak may be tiny or, within its error, negative: compare against no less than 0.5 %/month
        double floor = capacities.length == 0 ? 0 : 0.005 * median(capacities) * 3600 / CellEstimate.SECONDS_PER_MONTH;
        double base = Math.max(median, floor);
        CellEstimate worst = null;
        for (CellEstimate e : cells) {
            if (e.selfDischargeAmps() == e.selfDischargeAmps()
                    && (worst == null || e.selfDischargeAmps() > worst.selfDischargeAmps())) {
                worst = e;
            }
        }
        if (!(base > 0) || worst.selfDischargeAmps() < settings.weakSelfDischarge() * base) {
            return Optional.empty();
        }
        String drift = worst.driftVoltsPerDay() == worst.driftVoltsPerDay() ? String.format(Locale.ROOT,
                "; at rest it falls behind the pack by %.2f mV a day", -1000 * worst.driftVoltsPerDay()) : "";
        String balance = worst.netBalanceCoulombsPerDay() == worst.netBalanceCoulombsPerDay()
                ? String.format(Locale.ROOT, "; the balancer moved a net %.2f mAh a day into it",
                        worst.netBalanceCoulombsPerDay() / 3.6) : "";
        return Optional.of(new Finding(FindingKind.WEAK_CELL_SELF_DISCHARGE, worst.cell(),
                String.format(Locale.ROOT, "cell %d is the weak cell: it loses charge %.1f times as fast as the median "
                        + "cell, %.3f mA (%.1f %%/month) against %.3f mA%s%s", worst.cell() + 1,
                        worst.selfDischargeAmps() / base, worst.selfDischargeAmps() * 1000,
                        worst.selfDischargePercentPerMonth(), median * 1000, drift, balance)));
    }

    private Optional<Finding> spreadGrowsAtLimit(double windowSeconds) {
        if (spreadSamples < 3 || !(windowSeconds > 0)) {
            return Optional.empty();
        }
        double n = spreadSamples;
        double st = 0;
        double sv = 0;
        double stt = 0;
        double stv = 0;
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < spreadSamples; i++) {
            double t = restSpreadSeconds[i];
            double v = restSpreadVolts[i];
            st += t;
            sv += v;
            stt += t * t;
            stv += t * v;
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        double ctt = stt / n - (st / n) * (st / n);
        if (last - first < MIN_GROWTH_SECONDS || !(ctt > 0)) {
            return Optional.empty();
        }
        double slopePerDay = (stv / n - (st / n) * (sv / n)) / ctt * SECONDS_PER_DAY;
        int busiest = -1;
        double most = 0;
        for (int k = 0; k < pack.pairs(); k++) {
            double pairSeconds = pairSeconds(k);
            if (pairSeconds > most) {
                most = pairSeconds;
                busiest = k;
            }
        }
        if (slopePerDay < SPREAD_GROWTH_VOLTS_PER_DAY || most < AT_LIMIT_SHARE * windowSeconds) {
            return Optional.empty();
        }
        int oldest = Math.floorMod(newestSpread - spreadSamples + 1, SPREAD_SAMPLES);
        return Optional.of(new Finding(FindingKind.SPREAD_GROWS_AT_LIMIT, -1, String.format(Locale.ROOT,
                "the spread at rest grew from %.0f mV to %.0f mV over %.1f days (%.1f mV a day) while pair %d "
                        + "balanced %.0f %% of the time: the balancer cannot keep up; the pack needs a board of "
                        + "more current", restSpreadVolts[oldest] * 1000, restSpreadVolts[newestSpread] * 1000,
                (last - first) / SECONDS_PER_DAY, slopePerDay * 1000, busiest + 1, 100 * most / windowSeconds)));
    }

    private static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** One half of the window. */
    private static final class Window {
        double seconds;
        double sleepSeconds;
        double awakeIdleSeconds;
        double awakeIdleDrawCoulombs;
        double balancingPairSeconds;
        double flatPairSeconds;
        double idleMinDeltaVolts = Double.POSITIVE_INFINITY;
        double idleMaxDeltaVolts = Double.NEGATIVE_INFINITY;
        final double[] pairSeconds;

        Window(int pairs) {
            pairSeconds = new double[pairs];
        }

        void clear() {
            seconds = sleepSeconds = awakeIdleSeconds = awakeIdleDrawCoulombs = 0;
            balancingPairSeconds = flatPairSeconds = 0;
            idleMinDeltaVolts = Double.POSITIVE_INFINITY;
            idleMaxDeltaVolts = Double.NEGATIVE_INFINITY;
            Arrays.fill(pairSeconds, 0);
        }
    }
}
