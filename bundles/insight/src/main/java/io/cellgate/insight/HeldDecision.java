package io.cellgate.insight;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PairDirection;
import java.util.Arrays;

/**
 * The part of a tick's decision that the insight counts until the decision changes, held compactly: the pairs that
 * move charge (with their donor, receiver and setpoint), the cells that bleed, the board's state and draw. A board
 * holds one decision for many ticks, so a tick only {@link #holds asks} whether the new decision is the held one, and
 * the ledger counts the held span in one go when it changes; counting then walks the active pairs only.
 *
 * <p>It also knows, per cell, the last moment a balancing current passed it: the cells of the held decision are
 * busy until now, the others since the decision that last touched them was let go. Holding a decision allocates
 * nothing. Not thread-safe: its ledger guards it.
 */
final class HeldDecision {

    /** Per pair and per cell, what was decided, for {@link #holds}. */
    private final PairDirection[] direction;
    private final double[] pairAmps;
    private final double[] cellBleedAmps;
    /** The active pairs and bleeding cells, in order, for counting. */
    private final int[] pair;
    private final int[] donor;
    private final int[] receiver;
    private final double[] amps;
    private int activePairs;
    private final int[] bleedCell;
    private final double[] bleedAmps;
    private int bleeding;
    private BoardState boardState = BoardState.SLEEP;
    private double boardDrawAmps;
    /** Per cell: touched by the held decision; else the last moment one touched it. */
    private final boolean[] touched;
    private final long[] releasedNanos;

    HeldDecision(int cells) {
        direction = new PairDirection[cells - 1];
        Arrays.fill(direction, PairDirection.IDLE);
        pairAmps = new double[cells - 1];
        cellBleedAmps = new double[cells];
        pair = new int[cells - 1];
        donor = new int[cells - 1];
        receiver = new int[cells - 1];
        amps = new double[cells - 1];
        bleedCell = new int[cells];
        bleedAmps = new double[cells];
        touched = new boolean[cells];
        releasedNanos = new long[cells];
    }

    /** True when {@code decision} drives the pairs, bleeds and board as the held one does. */
    boolean holds(Decision decision) {
        if (decision.boardState() != boardState || decision.boardDrawAmps() != boardDrawAmps) {
            return false;
        }
        for (int k = 0; k < direction.length; k++) {
            if (decision.direction(k) != direction[k] || decision.amps(k) != pairAmps[k]) {
                return false;
            }
        }
        for (int c = 0; c < cellBleedAmps.length; c++) {
            if (decision.bleedAmps(c) != cellBleedAmps[c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lets the held decision go and holds {@code decision} from {@code nowNanos} on: the cells the old one touched
     * were busy until now.
     */
    void hold(Decision decision, long nowNanos) {
        for (int c = 0; c < touched.length; c++) {
            if (touched[c]) {
                releasedNanos[c] = nowNanos;
                touched[c] = false;
            }
        }
        int active = 0;
        for (int k = 0; k < direction.length; k++) {
            PairDirection d = decision.direction(k);
            direction[k] = d;
            pairAmps[k] = decision.amps(k);
            if (d != PairDirection.IDLE) {
                int from = d == PairDirection.UPPER_TO_LOWER ? k + 1 : k;
                pair[active] = k;
                donor[active] = from;
                receiver[active] = 2 * k + 1 - from; // the other cell of the pair
                amps[active] = pairAmps[k];
                touched[k] = true;
                touched[k + 1] = true;
                active++;
            }
        }
        activePairs = active;
        int bleeds = 0;
        for (int c = 0; c < cellBleedAmps.length; c++) {
            double bleed = decision.bleedAmps(c);
            cellBleedAmps[c] = bleed;
            if (bleed > 0) {
                bleedCell[bleeds] = c;
                bleedAmps[bleeds] = bleed;
                touched[c] = true;
                bleeds++;
            }
        }
        bleeding = bleeds;
        boardState = decision.boardState();
        boardDrawAmps = decision.boardDrawAmps();
    }

    /** Every cell counts as last busy at {@code nowNanos}: what ran before is unknown. */
    void busyAll(long nowNanos) {
        Arrays.fill(releasedNanos, nowNanos);
    }

    /** The last moment a balancing current passed cell {@code cell}: {@code nowNanos} while the held one does. */
    long busyNanos(int cell, long nowNanos) {
        return touched[cell] ? nowNanos : releasedNanos[cell];
    }

    int activePairs() {
        return activePairs;
    }

    /** The {@code i}-th active pair's index, its donor and receiver cells and its setpoint in amperes. */
    int pair(int i) {
        return pair[i];
    }

    int donor(int i) {
        return donor[i];
    }

    int receiver(int i) {
        return receiver[i];
    }

    double amps(int i) {
        return amps[i];
    }

    int bleeding() {
        return bleeding;
    }

    /** The {@code i}-th bleeding cell and its bleed current in amperes. */
    int bleedCell(int i) {
        return bleedCell[i];
    }

    double bleedAmps(int i) {
        return bleedAmps[i];
    }

    BoardState boardState() {
        return boardState;
    }

    double boardDrawAmps() {
        return boardDrawAmps;
    }

    /** True when the board is awake and neither a pair moves charge nor a cell bleeds. */
    boolean awakeIdle() {
        return boardState == BoardState.ACTIVE && activePairs == 0 && bleeding == 0;
    }
}
