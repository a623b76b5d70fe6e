package io.cellgate.api.balancer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a balancer wants for one tick: per adjacent pair a direction and a current setpoint in amperes, per cell a
 * bleed current (passive boards: a resistor turns the cell's charge into heat) and an indicator, the board state,
 * the board's own current draw from the pack, and fault messages.
 *
 * <p>A decision is a reusable buffer owned by the pack runtime: the runtime {@link #reset() resets} it before
 * every call to {@link Balancer#decide}, so a balancer writes only what it wants and allocates nothing. Fault
 * messages should be strings the balancer built once, not per tick.
 */
public final class Decision {

    private final PairDirection[] direction;
    private final double[] amps;
    private final double[] bleedAmps;
    private final Indicator[] indicator;
    private final List<String> faults = new ArrayList<>(8);
    private final List<String> faultsView = Collections.unmodifiableList(faults);
    private BoardState boardState = BoardState.SLEEP;
    private double boardDrawAmps;

    public Decision(int cells) {
        if (cells < 2) {
            throw new IllegalArgumentException("a decision needs at least two cells, got " + cells);
        }
        direction = new PairDirection[cells - 1];
        amps = new double[cells - 1];
        bleedAmps = new double[cells];
        indicator = new Indicator[cells];
        reset();
    }

    /** All pairs idle, no cell bleeding, all indicators off, board asleep, no faults, no draw. */
    public void reset() {
        Arrays.fill(direction, PairDirection.IDLE);
        Arrays.fill(amps, 0);
        Arrays.fill(bleedAmps, 0);
        Arrays.fill(indicator, Indicator.OFF);
        faults.clear();
        boardState = BoardState.SLEEP;
        boardDrawAmps = 0;
    }

    /** The fail-safe decision: nothing balances, every indicator flashes, the board is in fault. */
    public void failSafe(String reason) {
        reset();
        Arrays.fill(indicator, Indicator.FLASHING);
        boardState = BoardState.FAULT;
        faults.add(reason);
    }

    public int cells() {
        return indicator.length;
    }

    public int pairs() {
        return direction.length;
    }

    /**
     * Sets pair {@code pair} to move {@code setpointAmps} in {@code dir}; IDLE or a zero current clears it.
     *
     * @throws IllegalArgumentException if the current is negative or not finite
     */
    public void setPair(int pair, PairDirection dir, double setpointAmps) {
        if (!(setpointAmps >= 0) || setpointAmps == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("pair " + pair + ": current must be finite and >= 0 A");
        }
        if (dir == null || dir == PairDirection.IDLE || setpointAmps == 0) {
            direction[pair] = PairDirection.IDLE;
            amps[pair] = 0;
        } else {
            direction[pair] = dir;
            amps[pair] = setpointAmps;
        }
    }

    public PairDirection direction(int pair) {
        return direction[pair];
    }

    /** Current setpoint of the pair in amperes, 0 when idle. */
    public double amps(int pair) {
        return amps[pair];
    }

    /** Signed current: positive when moving from cell k to cell k+1. */
    public double signedAmps(int pair) {
        return direction[pair] == PairDirection.UPPER_TO_LOWER ? -amps[pair] : amps[pair];
    }

    public boolean isBalancing(int pair) {
        return direction[pair] != PairDirection.IDLE;
    }

    public int balancingPairs() {
        int n = 0;
        for (PairDirection d : direction) {
            if (d != PairDirection.IDLE) {
                n++;
            }
        }
        return n;
    }

    /**
     * Bleeds {@code amps} from cell {@code cell} through the board's resistor; zero stops the bleed.
     *
     * @throws IllegalArgumentException if the current is negative or not finite
     */
    public void setBleed(int cell, double amps) {
        if (!(amps >= 0) || amps == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("cell " + cell + ": bleed current must be finite and >= 0 A");
        }
        bleedAmps[cell] = amps;
    }

    /** The bleed current of a cell in amperes, 0 when it does not bleed. */
    public double bleedAmps(int cell) {
        return bleedAmps[cell];
    }

    public boolean isBleeding(int cell) {
        return bleedAmps[cell] > 0;
    }

    public int bleedingCells() {
        int n = 0;
        for (double a : bleedAmps) {
            if (a > 0) {
                n++;
            }
        }
        return n;
    }

    public void setIndicator(int cell, Indicator state) {
        indicator[cell] = state == null ? Indicator.FLASHING : state;
    }

    public Indicator indicator(int cell) {
        return indicator[cell];
    }

    public BoardState boardState() {
        return boardState;
    }

    public void setBoardState(BoardState state) {
        boardState = state == null ? BoardState.FAULT : state;
    }

    /** The board's own consumption from the pack in amperes (e.g. 10 µA quiescent while asleep). */
    public double boardDrawAmps() {
        return boardDrawAmps;
    }

    public void setBoardDrawAmps(double drawAmps) {
        boardDrawAmps = drawAmps;
    }

    public void addFault(String message) {
        faults.add(message);
    }

    /** Fault messages of this tick, a read-only view. */
    public List<String> faults() {
        return faultsView;
    }

    /** Copies everything from {@code other}, which must have the same number of cells. */
    public void copyFrom(Decision other) {
        if (other.cells() != cells()) {
            throw new IllegalArgumentException("cannot copy a decision of " + other.cells() + " cells into " + cells());
        }
        System.arraycopy(other.direction, 0, direction, 0, direction.length);
        System.arraycopy(other.amps, 0, amps, 0, amps.length);
        System.arraycopy(other.bleedAmps, 0, bleedAmps, 0, bleedAmps.length);
        System.arraycopy(other.indicator, 0, indicator, 0, indicator.length);
        faults.clear();
        for (int i = 0; i < other.faults.size(); i++) { // addAll would allocate an array on every copy
            faults.add(other.faults.get(i));
        }
        boardState = other.boardState;
        boardDrawAmps = other.boardDrawAmps;
    }
}
