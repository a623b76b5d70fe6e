package io.cellgate.insight;

import io.cellgate.api.insight.LedgerCounts;
import java.util.Arrays;

/**
 * The running sums behind one {@link LedgerCounts}: per cell charge in, out and bled and seconds active, per pair
 * charge and seconds active. Adding a decision allocates nothing. Not thread-safe: its {@link PackLedger} guards it.
 */
final class Counters {

    private final double[] inCoulombs;
    private final double[] outCoulombs;
    private final double[] bledCoulombs;
    private final double[] activeSeconds;
    private final double[] pairCoulombs;
    private final double[] pairActiveSeconds;

    Counters(int cells) {
        inCoulombs = new double[cells];
        outCoulombs = new double[cells];
        bledCoulombs = new double[cells];
        activeSeconds = new double[cells];
        pairCoulombs = new double[cells - 1];
        pairActiveSeconds = new double[cells - 1];
    }

    /**
     * Counts {@code seconds} of {@code applied}: each balancing pair's setpoint moves charge out of its donor and
     * into its receiver as the decision named them, each bleed takes its cell's charge. A cell counts active once
     * whether one or both of its pairs moved charge or it bled.
     */
    void add(HeldDecision applied, double seconds) {
        int lastActiveCell = -1;
        for (int i = 0; i < applied.activePairs(); i++) {
            int k = applied.pair(i);
            double coulombs = applied.amps(i) * seconds;
            outCoulombs[applied.donor(i)] += coulombs;
            inCoulombs[applied.receiver(i)] += coulombs;
            pairCoulombs[k] += coulombs;
            pairActiveSeconds[k] += seconds;
            if (lastActiveCell < k) { // pairs come in order: cell k was not counted by pair k - 1
                activeSeconds[k] += seconds;
            }
            activeSeconds[k + 1] += seconds;
            lastActiveCell = k + 1;
        }
        for (int i = 0; i < applied.bleeding(); i++) {
            int c = applied.bleedCell(i);
            bledCoulombs[c] += applied.bleedAmps(i) * seconds;
            if (!touchedByPair(applied, c)) {
                activeSeconds[c] += seconds;
            }
        }
    }

    /** True when one of the cell's pairs is among the active ones; boards that bleed rarely also move charge. */
    private static boolean touchedByPair(HeldDecision applied, int cell) {
        for (int i = 0; i < applied.activePairs(); i++) {
            int k = applied.pair(i);
            if (k == cell || k + 1 == cell) {
                return true;
            }
        }
        return false;
    }

    /** The net charge the balancer moved into the cell: in − out − bled, in coulombs. */
    double net(int cell) {
        return inCoulombs[cell] - outCoulombs[cell] - bledCoulombs[cell];
    }

    double pairActive(int pair) {
        return pairActiveSeconds[pair];
    }

    void clear() {
        Arrays.fill(inCoulombs, 0);
        Arrays.fill(outCoulombs, 0);
        Arrays.fill(bledCoulombs, 0);
        Arrays.fill(activeSeconds, 0);
        Arrays.fill(pairCoulombs, 0);
        Arrays.fill(pairActiveSeconds, 0);
    }

    /** Adds every figure of {@code other}, which counts as many cells. */
    void addAll(Counters other) {
        add(inCoulombs, other.inCoulombs);
        add(outCoulombs, other.outCoulombs);
        add(bledCoulombs, other.bledCoulombs);
        add(activeSeconds, other.activeSeconds);
        add(pairCoulombs, other.pairCoulombs);
        add(pairActiveSeconds, other.pairActiveSeconds);
    }

    private static void add(double[] into, double[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    /** Takes the figures of {@code counts}, which counts as many cells. */
    void copyFrom(LedgerCounts counts) {
        for (int c = 0; c < inCoulombs.length; c++) {
            inCoulombs[c] = counts.inCoulombs(c);
            outCoulombs[c] = counts.outCoulombs(c);
            bledCoulombs[c] = counts.bledCoulombs(c);
            activeSeconds[c] = counts.activeSeconds(c);
        }
        for (int k = 0; k < pairCoulombs.length; k++) {
            pairCoulombs[k] = counts.pairCoulombs(k);
            pairActiveSeconds[k] = counts.pairActiveSeconds(k);
        }
    }

    LedgerCounts toCounts() {
        return new LedgerCounts(inCoulombs, outCoulombs, bledCoulombs, activeSeconds, pairCoulombs, pairActiveSeconds);
    }

}
