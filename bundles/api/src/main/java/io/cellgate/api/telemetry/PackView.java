package io.cellgate.api.telemetry;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import java.util.Arrays;
import java.util.List;

/**
 * One tick of a pack as every presenter shows it: the shell's tables and {@code --json}, MQTT, Prometheus, the
 * recorder and the web console. Made once from a {@link PackState} (one copy of the reading and the decision, and
 * every derived value computed here, once); immutable and safe to keep and to read from any thread; no accessor
 * copies.
 *
 * <p>Conventions, the same for every presenter: cells and pairs are indexed from 0 here and numbered from 1 where
 * a person reads them; pair {@code k} joins cells {@code k} and {@code k + 1}; a pair's ΔV is the upper cell minus
 * the lower, absent (NaN) unless both cells are valid; a pair's signed current is positive when energy moves from
 * cell {@code k} to cell {@code k + 1}; its direction reads {@code "idle"} or {@code "3->4"}. Two spreads: the
 * {@link #spreadVolts() spread} is the highest minus the lowest valid cell (what an owner calls spread), the
 * {@link #maxAdjacentDeltaVolts() largest adjacent ΔV} is what an adjacent balancer acts on.
 */
public final class PackView {

    private final PackDescription pack;
    private final long tick;
    private final long timeMillis;
    private final String model;
    private final PackHealth health;
    private final BoardState boardState;
    private final double boardDrawAmps;
    private final double temperatureCelsius;
    private final double packAmps;
    private final long tickDurationNanos;
    private final long tickLatenessNanos;
    private final List<String> faults;
    private final List<String> fitWarnings;

    private final double[] volts;
    private final CellStatus[] status;
    /** From {@link PackReading#isValid}, the one rule of what a usable cell is. */
    private final boolean[] valid;
    private final Indicator[] indicator;
    private final double[] bleedAmps;
    private final double[] deltaVolts;
    private final PairDirection[] direction;
    private final double[] signedAmps;

    private final double spreadVolts;
    private final double maxAdjacentDeltaVolts;
    private final int balancingPairs;
    private final int bleedingCells;

    private PackView(PackState s) {
        PackReading r = s.reading();
        Decision d = s.decision();
        int cells = r.cells();
        pack = s.pack();
        tick = s.tick();
        timeMillis = s.timeMillis();
        model = s.model();
        health = s.health();
        boardState = d.boardState();
        boardDrawAmps = d.boardDrawAmps();
        temperatureCelsius = r.temperatureCelsius();
        packAmps = r.packAmps();
        tickDurationNanos = s.tickDurationNanos();
        tickLatenessNanos = s.tickLatenessNanos();
        faults = List.copyOf(d.faults());
        fitWarnings = List.copyOf(s.fitWarnings());
        volts = new double[cells];
        status = new CellStatus[cells];
        valid = new boolean[cells];
        indicator = new Indicator[cells];
        bleedAmps = new double[cells];
        for (int c = 0; c < cells; c++) {
            volts[c] = r.volts(c);
            status[c] = r.status(c);
            valid[c] = r.isValid(c);
            indicator[c] = d.indicator(c);
            bleedAmps[c] = d.bleedAmps(c);
        }
        deltaVolts = new double[cells - 1];
        direction = new PairDirection[cells - 1];
        signedAmps = new double[cells - 1];
        for (int k = 0; k < cells - 1; k++) {
            deltaVolts[k] = r.deltaVolts(k);
            direction[k] = d.direction(k);
            signedAmps[k] = d.signedAmps(k);
        }
        spreadVolts = r.spreadVolts();
        maxAdjacentDeltaVolts = r.maxAdjacentSpreadVolts();
        balancingPairs = d.balancingPairs();
        bleedingCells = d.bleedingCells();
    }

    /** The view of {@code state} as it is now: call it during the tick, or on a state that no longer changes. */
    public static PackView of(PackState state) {
        return new PackView(state);
    }

    public PackDescription pack() {
        return pack;
    }

    /** Number of the tick, counting from 1 since the pack controller started. */
    public long tick() {
        return tick;
    }

    /** Wall-clock time of the tick's reading, in milliseconds since the epoch. */
    public long timeMillis() {
        return timeMillis;
    }

    /** {@code model/variant} of the balancer that decided, or {@code null} when none did. */
    public String model() {
        return model;
    }

    public PackHealth health() {
        return health;
    }

    public BoardState boardState() {
        return boardState;
    }

    /** The board's own draw from the pack, in amperes. */
    public double boardDrawAmps() {
        return boardDrawAmps;
    }

    /** Board or pack temperature in °C, or NaN when the source measures none. */
    public double temperatureCelsius() {
        return temperatureCelsius;
    }

    /**
     * The pack current in amperes, positive while the pack is charged; NaN when the source measures none.
     *
     * @since 2.3
     */
    public double packAmps() {
        return packAmps;
    }

    public long tickDurationNanos() {
        return tickDurationNanos;
    }

    public long tickLatenessNanos() {
        return tickLatenessNanos;
    }

    /** The fault messages of this tick, read-only. */
    public List<String> faults() {
        return faults;
    }

    /**
     * How the model fits the pack, when it fits only with warnings (low strings, a cascade); empty otherwise.
     *
     * @since 2.1
     */
    public List<String> fitWarnings() {
        return fitWarnings;
    }

    public int cells() {
        return volts.length;
    }

    public int pairs() {
        return deltaVolts.length;
    }

    /** The cell's voltage; meaningful only when {@link #isValid(int) valid}. */
    public double volts(int cell) {
        return volts[cell];
    }

    public CellStatus status(int cell) {
        return status[cell];
    }

    /** True when the cell's status is OK and its voltage a finite number. */
    public boolean isValid(int cell) {
        return valid[cell];
    }

    public Indicator indicator(int cell) {
        return indicator[cell];
    }

    /** The cell's bleed current in amperes (passive boards), 0 when it does not bleed. */
    public double bleedAmps(int cell) {
        return bleedAmps[cell];
    }

    /** Upper cell minus lower cell of the pair, in volts; NaN (absent) unless both cells are valid. */
    public double deltaVolts(int pair) {
        return deltaVolts[pair];
    }

    public boolean hasDeltaVolts(int pair) {
        return !Double.isNaN(deltaVolts[pair]);
    }

    public PairDirection direction(int pair) {
        return direction[pair];
    }

    /** {@code "idle"}, or {@code "3->4"} when energy moves from cell 3 to cell 4. */
    public String directionLabel(int pair) {
        return direction[pair].label(pair);
    }

    /** The pair's current in amperes, positive when energy moves from cell {@code pair} to {@code pair + 1}. */
    public double signedAmps(int pair) {
        return signedAmps[pair];
    }

    /** The pair's current setpoint in amperes, whatever its direction; 0 when idle. */
    public double amps(int pair) {
        return Math.abs(signedAmps[pair]);
    }

    /** Highest minus lowest valid cell, in volts; 0 with fewer than two valid cells. */
    public double spreadVolts() {
        return spreadVolts;
    }

    /** Largest adjacent ΔV between valid cells, in volts, whatever its sign; 0 when no pair has two valid cells. */
    public double maxAdjacentDeltaVolts() {
        return maxAdjacentDeltaVolts;
    }

    public int balancingPairs() {
        return balancingPairs;
    }

    public int bleedingCells() {
        return bleedingCells;
    }

    @Override
    public String toString() {
        return "PackView[" + pack.id() + " tick " + tick + " " + health + " " + boardState + " " + Arrays.toString(volts)
                + "]";
    }
}
