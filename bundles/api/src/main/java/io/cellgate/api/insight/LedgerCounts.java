package io.cellgate.api.insight;

import java.util.Arrays;

/**
 * Charge and active time the balancer spent on each cell and pair over some span (a day, or since a reset).
 * Immutable; no accessor copies.
 *
 * <p>A pair's charge is its current setpoint, as the balancer decided it, held until the next tick: it counts as
 * leaving the pair's donor cell ({@link #outCoulombs}) and entering its receiver ({@link #inCoulombs}); a board's
 * conversion losses are not measured. A passive board's bleed counts as {@link #bledCoulombs} of its cell. A cell is
 * active while one of its two pairs moves charge or while it bleeds; a pair while it moves charge.
 */
public final class LedgerCounts {

    /** Coulombs in one milliampere-hour. */
    public static final double COULOMBS_PER_MILLIAMPERE_HOUR = 3.6;

    private final double[] inCoulombs;
    private final double[] outCoulombs;
    private final double[] bledCoulombs;
    private final double[] activeSeconds;
    private final double[] pairCoulombs;
    private final double[] pairActiveSeconds;

    /**
     * The arrays are copied: per cell (charge received, given, bled, seconds active), then per pair (charge moved,
     * seconds active); one pair fewer than cells.
     */
    public LedgerCounts(double[] inCoulombs, double[] outCoulombs, double[] bledCoulombs, double[] activeSeconds,
            double[] pairCoulombs, double[] pairActiveSeconds) {
        int cells = inCoulombs.length;
        if (cells < 2 || outCoulombs.length != cells || bledCoulombs.length != cells || activeSeconds.length != cells
                || pairCoulombs.length != cells - 1 || pairActiveSeconds.length != cells - 1) {
            throw new IllegalArgumentException("ledger counts need four figures per cell and two per pair, "
                    + "one pair fewer than cells");
        }
        this.inCoulombs = inCoulombs.clone();
        this.outCoulombs = outCoulombs.clone();
        this.bledCoulombs = bledCoulombs.clone();
        this.activeSeconds = activeSeconds.clone();
        this.pairCoulombs = pairCoulombs.clone();
        this.pairActiveSeconds = pairActiveSeconds.clone();
    }

    /** Nothing moved yet, for a pack of {@code cells} cells. */
    public static LedgerCounts zero(int cells) {
        double[] perCell = new double[cells];
        double[] perPair = new double[Math.max(0, cells - 1)];
        return new LedgerCounts(perCell, perCell, perCell, perCell, perPair, perPair);
    }

    public int cells() {
        return inCoulombs.length;
    }

    public int pairs() {
        return pairCoulombs.length;
    }

    /** Charge the balancer moved into the cell from its neighbours, in coulombs. */
    public double inCoulombs(int cell) {
        return inCoulombs[cell];
    }

    /** Charge the balancer moved out of the cell to its neighbours, in coulombs. */
    public double outCoulombs(int cell) {
        return outCoulombs[cell];
    }

    /** Charge a passive board bled from the cell as heat, in coulombs. */
    public double bledCoulombs(int cell) {
        return bledCoulombs[cell];
    }

    /** Seconds one of the cell's pairs moved charge or the cell bled. */
    public double activeSeconds(int cell) {
        return activeSeconds[cell];
    }

    /** Charge the pair moved, whichever way, in coulombs. */
    public double pairCoulombs(int pair) {
        return pairCoulombs[pair];
    }

    /** Seconds the pair moved charge. */
    public double pairActiveSeconds(int pair) {
        return pairActiveSeconds[pair];
    }

    /** All the charge the balancer handled for the cell: received, given and bled, in coulombs. */
    public double workCoulombs(int cell) {
        return inCoulombs[cell] + outCoulombs[cell] + bledCoulombs[cell];
    }

    /**
     * The cell the balancer worked hardest on: the most {@link #workCoulombs work}, the lower cell on a tie; -1 when
     * nothing moved.
     */
    public int hardestWorkedCell() {
        int hardest = -1;
        double most = 0;
        for (int c = 0; c < cells(); c++) {
            if (workCoulombs(c) > most) {
                most = workCoulombs(c);
                hardest = c;
            }
        }
        return hardest;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerCounts other && Arrays.equals(inCoulombs, other.inCoulombs)
                && Arrays.equals(outCoulombs, other.outCoulombs) && Arrays.equals(bledCoulombs, other.bledCoulombs)
                && Arrays.equals(activeSeconds, other.activeSeconds) && Arrays.equals(pairCoulombs, other.pairCoulombs)
                && Arrays.equals(pairActiveSeconds, other.pairActiveSeconds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(inCoulombs) * 31 + Arrays.hashCode(pairCoulombs);
    }

    @Override
    public String toString() {
        return "LedgerCounts[in " + Arrays.toString(inCoulombs) + " out " + Arrays.toString(outCoulombs) + " bled "
                + Arrays.toString(bledCoulombs) + " pairs " + Arrays.toString(pairCoulombs) + "]";
    }
}
