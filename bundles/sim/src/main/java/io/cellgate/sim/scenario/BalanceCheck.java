package io.cellgate.sim.scenario;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Microvolts;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.Topology;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackReading;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Balanced", honestly: a pack is balanced when each of its boards' cells are within the model's own stop threshold
 * ({@code stop.volts}, or {@code stop.volts.<chemistry>}) of each other — for an adjacent board every adjacent pair,
 * for a bleed or pack-to-cell board highest minus lowest — measured on the cells' open-circuit voltages (what is in
 * them, not what a balancing current makes them read), or on the recorded voltages of a replay. A pair joining two
 * boards of a cascade belongs to no board: its gap is reported, never counted as balanced. A model that declares no
 * stop threshold falls back to the datasheet's criterion (nothing left to do), with a warning saying so. A board
 * with a cell it cannot read or outside its working range is not balanced (a drained pack is flat, not balanced). The run's
 * board time (awake, asleep, fault), its energy and its peak pair current are kept here too: one place for what a
 * result says about the board.
 */
final class BalanceCheck {

    private final int cells;
    private final int strings;
    private final int boards;
    private final boolean adjacent;
    private final long stopMicrovolts;
    private final double stopVolts;
    private final double minCellVolts;
    private final double maxCellVolts;
    private final Double[] boardSince;
    private final double[] boardVolts;
    private final boolean[] outOfRange;
    private final boolean[] unjudged;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final String criterion;
    private Double balancedSince;

    private double awakeSeconds;
    private double asleepSeconds;
    private double faultSeconds;
    private double boardJoules;
    private double peakPairAmps;

    BalanceCheck(ModelDescriptor model, PackDescription pack) {
        cells = pack.cells();
        double declared = model.parameter(ModelDescriptor.STRINGS);
        strings = declared >= 2 && declared == Math.rint(declared) ? (int) declared : cells;
        boards = (cells + strings - 1) / strings;
        adjacent = model.topology() == Topology.ADJACENT;
        stopVolts = parameter(model, pack, "stop.volts");
        stopMicrovolts = Double.isFinite(stopVolts) ? Microvolts.of(stopVolts) : -1;
        minCellVolts = parameter(model, pack, "min.cell.volts");
        maxCellVolts = parameter(model, pack, "max.cell.volts");
        boardSince = new Double[boards];
        boardVolts = new double[boards];
        outOfRange = new boolean[cells];
        unjudged = new boolean[cells];
        warnings.addAll(model.fit(pack).reasons());
        if (stopMicrovolts < 0) {
            criterion = "the board had nothing left to do (" + model.qualifiedName() + " declares no stop.volts)";
            warnings.add(model.qualifiedName() + " declares no stop threshold (stop.volts): 'balanced' means only "
                    + "that the board stopped, not that the cells are close");
        } else {
            criterion = String.format(Locale.ROOT, "%s within the stop threshold of %s (%.1f mV) on each board, "
                    + "on the cells' open-circuit voltages", adjacent ? "every adjacent pair" : "highest minus lowest cell",
                    model.qualifiedName(), stopVolts * 1000);
        }
    }

    /** {@code name.<chemistry>} when the model declares it, else {@code name}, else NaN. */
    private static double parameter(ModelDescriptor model, PackDescription pack, String name) {
        double specific = model.parameter(name + "." + pack.chemistry().name().toLowerCase(Locale.ROOT));
        return Double.isNaN(specific) ? model.parameter(name) : specific;
    }

    /**
     * One tick: {@code cellVolts} are the voltages balance is judged on (NaN for a cell not known), {@code reading}
     * what the board saw, {@code idleSince} the datasheet criterion's answer for the fallback.
     */
    void tick(double atSeconds, double[] cellVolts, PackReading reading, Decision decision, Double idleSince) {
        checkRange(atSeconds, reading);
        boolean all = true;
        for (int b = 0; b < boards; b++) {
            double v = boardVolts(b, cellVolts);
            boardVolts[b] = v;
            boolean balanced = stopMicrovolts < 0 ? idleSince != null
                    : !Double.isNaN(v) && Microvolts.of(v) <= stopMicrovolts && judged(b);
            if (!balanced) {
                boardSince[b] = null;
                all = false;
            } else if (boardSince[b] == null) {
                boardSince[b] = atSeconds;
            }
        }
        if (!all) {
            balancedSince = null;
        } else if (balancedSince == null) {
            balancedSince = atSeconds;
        }
        for (int k = 0; k < cells - 1; k++) {
            double amps = decision.amps(k);
            if (amps > peakPairAmps) {
                peakPairAmps = amps;
            }
        }
    }

    /**
     * Whether the board can vouch for its cells: every one read and inside its working range. A drained pack whose
     * cells all sit at the bottom of the curve is not balanced, it is flat.
     */
    private boolean judged(int b) {
        int lo = b * strings;
        int hi = Math.min(cells, lo + strings);
        for (int c = lo; c < hi; c++) {
            if (unjudged[c]) {
                return false;
            }
        }
        return true;
    }

    /** The board held its state for {@code seconds} at a draw of {@code amps} from a string at {@code packVolts}. */
    void hold(BoardState state, double seconds, double amps, double packVolts) {
        if (state == BoardState.SLEEP) {
            asleepSeconds += seconds;
        } else if (state == BoardState.FAULT) {
            faultSeconds += seconds;
        } else {
            awakeSeconds += seconds;
        }
        boardJoules += amps * seconds * packVolts;
    }

    private double boardVolts(int b, double[] v) {
        int lo = b * strings;
        int hi = Math.min(cells, lo + strings) - 1;
        double worst = 0;
        if (adjacent) {
            for (int c = lo; c < hi; c++) {
                double d = Math.abs(v[c + 1] - v[c]);
                if (!(d <= worst)) {
                    worst = d; // NaN sticks: a cell not known is not balanced
                }
            }
            return worst;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = lo; c <= hi; c++) {
            if (Double.isNaN(v[c])) {
                return Double.NaN;
            }
            min = Math.min(min, v[c]);
            max = Math.max(max, v[c]);
        }
        return max - min;
    }

    private void checkRange(double atSeconds, PackReading reading) {
        for (int c = 0; c < cells; c++) {
            double v = reading.volts(c);
            boolean outside = v < minCellVolts || v > maxCellVolts; // false for a NaN limit
            unjudged[c] = !reading.isValid(c) || outside;
            if (!outOfRange[c] && reading.isValid(c) && outside) {
                outOfRange[c] = true;
                warnings.add(String.format(Locale.ROOT, "cell %d left the board's working range %.2f-%.2f V at "
                        + "%.0f s (%.3f V): the board stops its pairs", c + 1, minCellVolts, maxCellVolts, atSeconds, v));
            }
        }
    }

    /** Since when every board has been balanced, or null. */
    Double balancedAtSeconds() {
        return balancedSince;
    }

    ResultDetails details(Double idleSince, double spreadVolts, double[] finalVolts, ResultDetails.Cells cellFigures,
            ResultDetails.Ledger ledger, double[] pairLossWh) {
        List<ResultDetails.Board> list = new ArrayList<>();
        List<ResultDetails.Gap> gaps = new ArrayList<>();
        List<String> all = new ArrayList<>(warnings);
        for (int b = 0; b < boards; b++) {
            int lo = b * strings;
            int hi = Math.min(cells, lo + strings) - 1;
            list.add(new ResultDetails.Board(b + 1, lo + 1, hi + 1, boardSince[b], boardVolts[b]));
            if (boardSince[b] == null && stopMicrovolts >= 0) {
                all.add(String.format(Locale.ROOT, "not balanced: board %d (cells %d-%d) ends %.1f mV apart, above "
                        + "the %.1f mV stop threshold", b + 1, lo + 1, hi + 1, boardVolts[b] * 1000, stopVolts * 1000));
            }
            if (b > 0) {
                double gap = Math.abs(finalVolts[lo] - finalVolts[lo - 1]);
                gaps.add(new ResultDetails.Gap(lo, gap));
                all.add(String.format(Locale.ROOT, "cascade gap: pair %d between board %d and board %d ends %.1f mV "
                        + "apart; no board balances it", lo, b, b + 1, gap * 1000));
            }
        }
        double total = awakeSeconds + asleepSeconds + faultSeconds;
        if (total > 0 && asleepSeconds == 0) {
            all.add(String.format(Locale.ROOT, "the board never slept: awake for the whole %.0f s, drawing %.4f Wh",
                    total, boardJoules / 3600));
        }
        return new ResultDetails(criterion, stopVolts, list, gaps, idleSince, all, spreadVolts, cellFigures, ledger,
                pairLossWh, boardJoules / 3600, awakeSeconds, asleepSeconds, faultSeconds, peakPairAmps);
    }
}
