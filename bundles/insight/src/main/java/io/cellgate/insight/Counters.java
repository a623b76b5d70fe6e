package io.cellgate.insight;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PairDirection;
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
     * into its receiver as the decision names them, each bleed takes its cell's charge.
     */
    void add(Decision applied, double seconds) {
        int pairs = pairCoulombs.length;
        for (int k = 0; k < pairs; k++) {
            if (applied.isBalancing(k)) {
                double coulombs = applied.amps(k) * seconds;
                PairDirection direction = applied.direction(k);
                outCoulombs[direction.donor(k)] += coulombs;
                inCoulombs[direction.receiver(k)] += coulombs;
                pairCoulombs[k] += coulombs;
                pairActiveSeconds[k] += seconds;
            }
        }
        for (int c = 0; c < inCoulombs.length; c++) {
            bledCoulombs[c] += applied.bleedAmps(c) * seconds;
            boolean pairBelow = c > 0 && applied.isBalancing(c - 1);
            boolean pairAbove = c < pairs && applied.isBalancing(c);
            if (pairBelow || pairAbove || applied.isBleeding(c)) {
                activeSeconds[c] += seconds;
            }
        }
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
