package io.cellgate.insight;

import io.cellgate.api.insight.CellEstimate;
import io.cellgate.api.pack.OcvCurve;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pack's cell estimates: state of charge by coulomb counting (the pack current, plus each cell's balancing charge,
 * minus the board's draw) recalibrated from the chemistry's open-circuit curve whenever a cell has rested; capacity
 * and self-discharge from a fit of its rest points ({@link RestFit}); drift and the net balancing charge per day.
 *
 * <p>The tick only counts ({@link #count}, {@link #hold}: a few additions, no allocation); reading rest voltages
 * ({@link #observe}) and working out the estimates run on the insight's own thread. A rest reading is taken only
 * where the curve is steep enough to read the charge from a voltage ({@link #MIN_VOLTS_PER_SOC}): on LFP that is near
 * its knees, below about 40 % and in a few short stretches above; in its flat middle the charge is carried by counting
 * alone. Not thread-safe: its {@link PackLedger} guards it.
 */
final class CellEstimator {

    /** The flattest part of the curve a rest voltage is read on: 0.1 V per unit SOC, 1 mV per 1 % of charge. */
    static final double MIN_VOLTS_PER_SOC = 0.1;
    /** The error assumed of one cell's rest voltage (the ADC's, the last of the relaxation), for the confidence. */
    static final double VOLTS_ERROR = 0.001;
    /** The time a self-discharge needs its rest points to span. */
    static final double MIN_LEAK_SECONDS = 12 * 3600;
    private static final double SECONDS_PER_DAY = 86_400;
    /** Counted charge below this moves no state of charge worth a capacity to say so. */
    private static final double NEGLIGIBLE_COULOMBS = 0.01;

    private final PackDescription pack;
    private final OcvCurve curve;
    private PackSettings settings;

    private boolean counting;
    private long firstNanos;
    private long lastNanos;
    private long lastMillis;
    private boolean measured;
    /** Charge into every cell through the pack's terminals, minus the board's draw, since counting began. */
    private double packCoulombs;
    /** Per cell, net charge the balancer moved into it since counting began, as the ledger last gave it. */
    private final double[] balanceCoulombs;
    /** The last time the pack's current flowed; a cell's last balancing current is its held decision's to tell. */
    private long packBusyNanos;

    private final RestFit[] fits;
    private final RestFit scratch = new RestFit();
    /** Per cell, the newest rest reading; {@code pending} while it is not yet in the fit (its rest goes on). */
    private final double[] anchorSoc;
    private final double[] anchorCoulombs;
    private final double[] anchorSeconds;
    private final double[] anchorError;
    private final long[] anchorMillis;
    private final long[] anchorRestNanos;
    private final boolean[] pending;
    /** Per cell, the estimates saved before the last restart, shown until this run measures its own. */
    private final double[] priorCapacity;
    private final double[] priorConfidence;
    private final double[] priorLeak;
    private final int[] priorPoints;
    private long priorMillis;

    CellEstimator(PackDescription pack, PackSettings settings) {
        this.pack = pack;
        this.curve = OcvCurve.of(pack.chemistry());
        this.settings = settings;
        int cells = pack.cells();
        balanceCoulombs = new double[cells];
        fits = new RestFit[cells];
        for (int c = 0; c < cells; c++) {
            fits[c] = new RestFit();
        }
        anchorSoc = new double[cells];
        Arrays.fill(anchorSoc, Double.NaN);
        anchorCoulombs = new double[cells];
        anchorSeconds = new double[cells];
        anchorError = new double[cells];
        anchorMillis = new long[cells];
        anchorRestNanos = new long[cells];
        pending = new boolean[cells];
        priorCapacity = new double[cells];
        priorConfidence = new double[cells];
        priorLeak = new double[cells];
        priorPoints = new int[cells];
        Arrays.fill(priorCapacity, Double.NaN);
        Arrays.fill(priorLeak, Double.NaN);
    }

    /** Takes the estimates saved before a restart, of a pack of as many cells. */
    void restore(EstimatesFile.Saved saved) {
        System.arraycopy(saved.capacityCoulombs(), 0, priorCapacity, 0, priorCapacity.length);
        System.arraycopy(saved.confidence(), 0, priorConfidence, 0, priorConfidence.length);
        System.arraycopy(saved.leakAmps(), 0, priorLeak, 0, priorLeak.length);
        System.arraycopy(saved.points(), 0, priorPoints, 0, priorPoints.length);
        priorMillis = saved.atMillis();
    }

    /** What to keep across a restart: each cell's capacity, confidence, self-discharge and rest points. Off the tick. */
    EstimatesFile.Saved saved(long nowMillis) {
        int cells = pack.cells();
        double[] capacity = new double[cells];
        double[] confidence = new double[cells];
        double[] leak = new double[cells];
        int[] points = new int[cells];
        for (int c = 0; c < cells; c++) {
            Solved s = solved(c);
            capacity[c] = s.capacity();
            confidence[c] = s.confidence();
            leak[c] = s.leak();
            points[c] = s.points();
        }
        return new EstimatesFile.Saved(pack, nowMillis, capacity, confidence, leak, points);
    }

    /** True when some cell shows an estimate from before the restart. */
    boolean showsPrior() {
        for (int c = 0; c < pack.cells(); c++) {
            Solved s = solved(c);
            if (s.capacityPrior() || s.leakPrior()) {
                return true;
            }
        }
        return false;
    }

    long priorMillis() {
        return priorMillis;
    }

    /** A cell's capacity, confidence and self-discharge: this run's where it measured them, else the saved ones. */
    private record Solved(double capacity, double confidence, double leak, int points, boolean capacityPrior,
            boolean leakPrior) {
    }

    private Solved solved(int c) {
        RestFit fit = withAnchor(c);
        RestFit.Solution s = fit.solve(settings.minSwing(), MIN_LEAK_SECONDS);
        boolean capacityPrior = !s.hasCapacity() && priorCapacity[c] == priorCapacity[c];
        boolean leakPrior = s.leakAmps() != s.leakAmps() && priorLeak[c] == priorLeak[c];
        return new Solved(capacityPrior ? priorCapacity[c] : s.capacityCoulombs(),
                capacityPrior ? priorConfidence[c] : s.confidence(), leakPrior ? priorLeak[c] : s.leakAmps(),
                capacityPrior ? priorPoints[c] : fit.points(), capacityPrior, leakPrior);
    }

    void configure(PackSettings newSettings) {
        settings = newSettings;
    }

    PackSettings settings() {
        return settings;
    }

    /**
     * Counts {@code seconds} up to {@code nowNanos} of the board draw held and the pack current held ({@code NaN}:
     * not measured). The balancing charge of each cell is the ledger's ({@link #balance}), and the pack's last busy
     * moment is marked when a tick's current is {@link #hold held}: a span ends a tick after it, which {@code rest.s}
     * dwarfs. On the tick; allocates nothing.
     */
    void count(double boardDrawAmps, double packAmps, double seconds, long nowNanos) {
        if (packAmps == packAmps) {
            packCoulombs += packAmps * seconds;
            measured = true;
        }
        packCoulombs -= boardDrawAmps * seconds;
        lastNanos = nowNanos;
    }

    /** From {@code nowNanos} on, {@code packAmps} holds. On the tick. */
    void hold(double packAmps, long nowNanos, long nowMillis) {
        if (!counting) { // what ran before the first tick is unknown: nothing has rested yet
            counting = true;
            firstNanos = nowNanos;
            packBusyNanos = nowNanos;
        }
        if (!(Math.abs(packAmps) <= settings.restAmps())) {
            packBusyNanos = nowNanos;
        }
        lastNanos = nowNanos;
        lastMillis = nowMillis;
    }

    /**
     * The net charge the balancer moved into cell {@code cell} since this estimator began counting (in − out − bled,
     * from the ledger), in coulombs. Off the tick, before {@link #observe} and {@link #estimates}.
     */
    void balance(int cell, double netCoulombs) {
        balanceCoulombs[cell] = netCoulombs;
    }

    /** True when the pack current has stayed below the rest current for the rest time, as of the last tick. */
    boolean packResting() {
        return counting && lastNanos - packBusyNanos >= restNanos();
    }

    private long restNanos() {
        return (long) (settings.restSeconds() * 1e9);
    }

    /**
     * Reads the rest voltage of every cell that has rested, from the pack's latest view: its charge from the curve,
     * where the curve is steep enough, becomes the cell's newest rest point; {@code held} tells when a balancing
     * current last passed each cell. Off the tick.
     */
    void observe(PackView view, HeldDecision held) {
        if (!counting || view.cells() != pack.cells()) {
            return;
        }
        long rest = restNanos();
        double seconds = (lastNanos - firstNanos) / 1e9;
        for (int c = 0; c < pack.cells(); c++) {
            long restSince = Math.max(packBusyNanos, held.busyNanos(c, lastNanos));
            if (!view.isValid(c) || lastNanos - restSince < rest) {
                continue;
            }
            double volts = view.volts(c);
            if (volts <= curve.pointVolts(0) || volts >= curve.pointVolts(OcvCurve.POINTS - 1)) {
                continue; // beyond the table: the charge is not known from it
            }
            if (curve.isFlatAt(volts, MIN_VOLTS_PER_SOC)) {
                continue;
            }
            double soc = curve.soc(volts);
            double slope = curve.voltsPerSoc(soc);
            if (pending[c] && anchorRestNanos[c] != restSince) {
                fits[c].add(anchorSoc[c], anchorCoulombs[c], anchorSeconds[c], anchorError[c]);
            }
            anchorSoc[c] = soc;
            anchorCoulombs[c] = packCoulombs + balanceCoulombs[c];
            anchorSeconds[c] = seconds;
            anchorError[c] = VOLTS_ERROR / slope;
            anchorMillis[c] = view.timeMillis();
            anchorRestNanos[c] = restSince;
            pending[c] = true;
        }
    }

    /** True once a pack current has been measured. */
    boolean currentMeasured() {
        return measured;
    }

    /** The estimates of every cell now. Off the tick. */
    List<CellEstimate> estimates() {
        int cells = pack.cells();
        EstimatesFile.Saved fitted = saved(0); // every cell's fit solved once, as a restart would keep it
        double[] capacity = fitted.capacityCoulombs();
        double[] confidence = fitted.confidence();
        double[] leak = fitted.leakAmps();
        int[] points = fitted.points();
        double medianLeak = median(leak);
        double seconds = (lastNanos - firstNanos) / 1e9;
        double days = seconds / SECONDS_PER_DAY;
        List<CellEstimate> out = new ArrayList<>(cells);
        for (int c = 0; c < cells; c++) {
            double soc = soc(c, capacity[c], confidence[c], leak[c], seconds);
            double drift = Double.NaN;
            if (leak[c] == leak[c] && medianLeak == medianLeak && capacity[c] > 0 && soc == soc) {
                drift = -(leak[c] - medianLeak) / capacity[c] * SECONDS_PER_DAY * curve.voltsPerSoc(soc);
            }
            double netPerDay = seconds >= 3600 ? balanceCoulombs[c] / days : Double.NaN;
            out.add(new CellEstimate(c, soc, pending[c] || points[c] > 0 ? anchorMillis[c] : 0,
                    capacity[c] / 3600, confidence[c], leak[c], drift, netPerDay, points[c]));
        }
        return out;
    }

    /** The cell's fit with its newest rest point in it, in {@link #scratch}. */
    private RestFit withAnchor(int c) {
        scratch.copyFrom(fits[c]);
        if (pending[c]) {
            scratch.add(anchorSoc[c], anchorCoulombs[c], anchorSeconds[c], anchorError[c]);
        }
        return scratch;
    }

    /**
     * The state of charge now: the newest rest reading, carried on by the charge counted since over the measured
     * capacity (or the rated one while none is measured confidently), less the self-discharge where it is known.
     */
    private double soc(int c, double capacityCoulombs, double confidence, double leakAmps, double seconds) {
        double at = anchorSoc[c];
        if (at != at) {
            return Double.NaN;
        }
        double counted = packCoulombs + balanceCoulombs[c] - anchorCoulombs[c];
        double lost = leakAmps == leakAmps ? leakAmps * (seconds - anchorSeconds[c]) : 0;
        double capacity = confidence >= 0.5 ? capacityCoulombs : settings.capacityAh() * 3600;
        if (!(capacity > 0)) {
            return Math.abs(counted) < NEGLIGIBLE_COULOMBS ? at : Double.NaN;
        }
        return at + (counted - lost) / capacity;
    }

    private static double median(double[] values) {
        double[] known = Arrays.stream(values).filter(v -> v == v).sorted().toArray();
        if (known.length == 0) {
            return Double.NaN;
        }
        int mid = known.length / 2;
        return known.length % 2 == 1 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
    }

    OcvCurve curve() {
        return curve;
    }

    long lastMillis() {
        return lastMillis;
    }

    /** Seconds counted since the first tick. */
    double countedSeconds() {
        return counting ? (lastNanos - firstNanos) / 1e9 : 0;
    }
}
