package io.cellgate.insight;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PairDirection;

/**
 * The part of a tick's decision that the insight counts until the next tick, held compactly: the pairs that move
 * charge (with their donor, receiver and setpoint), the cells that bleed, the board's state and draw. Counting a span
 * then walks the active pairs only. Holding a decision allocates nothing. Not thread-safe: its ledger guards it.
 */
final class HeldDecision {

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

    HeldDecision(int cells) {
        pair = new int[cells - 1];
        donor = new int[cells - 1];
        receiver = new int[cells - 1];
        amps = new double[cells - 1];
        bleedCell = new int[cells];
        bleedAmps = new double[cells];
    }

    /**
     * Holds {@code decision}'s pairs, bleeds and board from now on, and marks every cell they touch busy at
     * {@code nowNanos} in {@code busyNanos} (one slot per cell): one pass for both.
     */
    void hold(Decision decision, long[] busyNanos, long nowNanos) {
        int active = 0;
        for (int k = 0; k < pair.length; k++) {
            PairDirection direction = decision.direction(k);
            if (direction != PairDirection.IDLE) {
                int from = direction == PairDirection.UPPER_TO_LOWER ? k + 1 : k;
                pair[active] = k;
                donor[active] = from;
                receiver[active] = 2 * k + 1 - from; // the other cell of the pair
                amps[active] = decision.amps(k);
                busyNanos[k] = nowNanos;
                busyNanos[k + 1] = nowNanos;
                active++;
            }
        }
        activePairs = active;
        int bleeds = 0;
        for (int c = 0; c < bleedCell.length; c++) {
            double bleed = decision.bleedAmps(c);
            if (bleed > 0) {
                bleedCell[bleeds] = c;
                bleedAmps[bleeds] = bleed;
                busyNanos[c] = nowNanos;
                bleeds++;
            }
        }
        bleeding = bleeds;
        boardState = decision.boardState();
        boardDrawAmps = decision.boardDrawAmps();
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
