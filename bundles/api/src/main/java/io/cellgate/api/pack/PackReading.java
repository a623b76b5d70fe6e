package io.cellgate.api.pack;

import java.util.Arrays;

/**
 * One measurement of every cell of a pack: voltage in volts and status per cell, a time stamp, an optional board
 * temperature and an optional pack current.
 *
 * <p>A reading is a reusable buffer: the pack runtime owns one per pack and a source fills it on every tick, so
 * the hot path allocates nothing. A cell whose status is not {@link CellStatus#OK} has no meaningful voltage.
 */
public final class PackReading {

    private final double[] volts;
    private final CellStatus[] status;
    private long timeNanos;
    private double temperatureCelsius = Double.NaN;
    private double packAmps = Double.NaN;

    public PackReading(int cells) {
        if (cells < 1) {
            throw new IllegalArgumentException("a reading needs at least one cell, got " + cells);
        }
        volts = new double[cells];
        status = new CellStatus[cells];
        Arrays.fill(volts, Double.NaN);
        Arrays.fill(status, CellStatus.STALE);
    }

    /** A reading of {@code volts.length} cells, all {@link CellStatus#OK}; handy in tests and tools. */
    public static PackReading of(double... volts) {
        PackReading r = new PackReading(volts.length);
        for (int i = 0; i < volts.length; i++) {
            r.set(i, volts[i], CellStatus.OK);
        }
        return r;
    }

    public int cells() {
        return volts.length;
    }

    public double volts(int cell) {
        return volts[cell];
    }

    public CellStatus status(int cell) {
        return status[cell];
    }

    /** True when the cell's status is OK and its voltage a finite number. */
    public boolean isValid(int cell) {
        return status[cell] == CellStatus.OK && Double.isFinite(volts[cell]);
    }

    public void set(int cell, double cellVolts, CellStatus cellStatus) {
        volts[cell] = cellVolts;
        status[cell] = cellStatus == null ? CellStatus.STALE : cellStatus;
    }

    public void setStatus(int cell, CellStatus cellStatus) {
        status[cell] = cellStatus == null ? CellStatus.STALE : cellStatus;
    }

    /** Marks every cell with {@code cellStatus}, e.g. STALE when the source failed. */
    public void markAll(CellStatus cellStatus) {
        Arrays.fill(status, cellStatus);
    }

    /** Time of the measurement on the gateway's {@link io.cellgate.api.time.TickClock}, in nanoseconds. */
    public long timeNanos() {
        return timeNanos;
    }

    public void setTimeNanos(long timeNanos) {
        this.timeNanos = timeNanos;
    }

    /** Board or pack temperature in °C, or NaN when the source measures none. */
    public double temperatureCelsius() {
        return temperatureCelsius;
    }

    public void setTemperatureCelsius(double temperatureCelsius) {
        this.temperatureCelsius = temperatureCelsius;
    }

    /**
     * The current through the pack's terminals in amperes, positive while the pack is charged and negative while it
     * is discharged; NaN when the source measures none (no shunt, or a simulator without a load). Averaged or
     * sampled over the tick as the source's sensor gives it.
     *
     * @since 1.4
     */
    public double packAmps() {
        return packAmps;
    }

    /**
     * True when the source measured the pack current for this reading.
     *
     * @since 1.4
     */
    public boolean hasPackAmps() {
        return !Double.isNaN(packAmps);
    }

    /**
     * Sets the pack current, in amperes, charge positive; NaN when it was not measured. A source that measures it
     * sets it on every reading: the runtime clears it before each.
     *
     * @since 1.4
     */
    public void setPackAmps(double amps) {
        packAmps = amps;
    }

    /** Copies everything from {@code other}, which must have the same number of cells. */
    public void copyFrom(PackReading other) {
        if (other.cells() != cells()) {
            throw new IllegalArgumentException("cannot copy a reading of " + other.cells() + " cells into " + cells());
        }
        System.arraycopy(other.volts, 0, volts, 0, volts.length);
        System.arraycopy(other.status, 0, status, 0, status.length);
        timeNanos = other.timeNanos;
        temperatureCelsius = other.temperatureCelsius;
        packAmps = other.packAmps;
    }

    /**
     * The difference across adjacent pair {@code pair} (cells {@code pair} and {@code pair + 1}): the upper cell's
     * voltage minus the lower's, in volts; NaN when either cell is not {@link #isValid(int) valid}. The one place
     * a pair's ΔV is computed.
     */
    public double deltaVolts(int pair) {
        return isValid(pair) && isValid(pair + 1) ? volts[pair + 1] - volts[pair] : Double.NaN;
    }

    /**
     * Largest absolute difference between two adjacent valid cells, in volts; 0 when no pair has two valid cells.
     * What an adjacent balancer sees.
     */
    public double maxAdjacentSpreadVolts() {
        double max = 0;
        for (int k = 0; k + 1 < volts.length; k++) {
            double delta = deltaVolts(k);
            if (delta == delta) { // not NaN
                max = Math.max(max, Math.abs(delta));
            }
        }
        return max;
    }

    /**
     * Highest minus lowest valid cell, in volts: what an owner calls the pack's spread; 0 with fewer than two
     * valid cells.
     */
    public double spreadVolts() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < volts.length; c++) {
            if (isValid(c)) {
                min = Math.min(min, volts[c]);
                max = Math.max(max, volts[c]);
            }
        }
        return max > min ? max - min : 0;
    }

    @Override
    public String toString() {
        return "PackReading" + Arrays.toString(volts);
    }
}
