package io.cellgate.sim.model;

/**
 * Where every ampere-second of a {@link SimPack} went since it was built. Filled by {@link SimPack#step}; read it
 * to check a balancer's cost, or the model's own bookkeeping with {@link SimPack#conservationError()}.
 *
 * <p>The identity it keeps, summed over cells, with N cells and η the balancer efficiency:
 * <pre>
 *   Σ Δcharge = −N·load − N·boardDraw − selfDischarge − moved + η·moved − bled
 * </pre>
 * Load and board draw are string charges (what an ammeter in the pack lead sees), so every cell loses them once.
 * What a passive board bleeds leaves one cell and arrives nowhere.
 */
public final class ChargeLedger {

    final double[] chargeInAs;
    final double[] chargeOutAs;
    final double[] pairMovedAs;
    final double[] cellBleedAs;
    final double[] pairLossJoules;
    final double[] cellBleedJoules;
    private final double efficiency;
    private double loadAs;
    private double boardDrawAs;
    private double selfDischargeAs;
    private double conversionLossJoules;
    private double bleedJoules;

    ChargeLedger(int cells, double efficiency) {
        chargeInAs = new double[cells];
        chargeOutAs = new double[cells];
        pairMovedAs = new double[cells - 1];
        cellBleedAs = new double[cells];
        pairLossJoules = new double[cells - 1];
        cellBleedJoules = new double[cells];
        this.efficiency = efficiency;
    }

    /** The per-step totals that are not per cell; one call per step. */
    void record(double loadStepAs, double boardDrawStepAs, double selfDischargeStepAs, double lossStepJoules) {
        loadAs += loadStepAs;
        boardDrawAs += boardDrawStepAs;
        selfDischargeAs += selfDischargeStepAs;
        conversionLossJoules += lossStepJoules;
    }

    /** A step's bleed energy, taken from storage at the bleeding cells' OCV; one call per bleeding step. */
    void recordBleed(double stepJoules) {
        bleedJoules += stepJoules;
    }

    public int cells() {
        return chargeInAs.length;
    }

    /** Charge that entered the cell (net current into it, step by step), in A·s. */
    public double chargeInAs(int cell) {
        return chargeInAs[cell];
    }

    /** Charge that left the cell, self-discharge included (net current out of it, step by step), in A·s. */
    public double chargeOutAs(int cell) {
        return chargeOutAs[cell];
    }

    /** Charge that pair {@code pair}'s donor cells gave, whatever the direction, in A·s. */
    public double pairMovedAs(int pair) {
        return pairMovedAs[pair];
    }

    /**
     * Energy pair {@code pair} lost in conversion, in joules, valued as {@link #conversionLossJoules()} values it;
     * the pairs add up to that total (to rounding).
     *
     * @since 2.1
     */
    public double pairLossJoules(int pair) {
        return pairLossJoules[pair];
    }

    /**
     * Energy cell {@code cell}'s bleed resistor turned into heat, in joules, valued as {@link #bleedJoules()} values
     * it; the cells add up to that total (to rounding).
     *
     * @since 2.1
     */
    public double bleedJoules(int cell) {
        return cellBleedJoules[cell];
    }

    /** Charge that all donors gave, in A·s. */
    public double movedAs() {
        return sum(pairMovedAs);
    }

    /** Charge lost in conversion: given by donors, never received, {@code (1 − η)·moved}, in A·s. */
    public double conversionLossAs() {
        return (1 - efficiency) * movedAs();
    }

    /**
     * Energy lost in conversion, in joules: each step's lost charge times the donor's open-circuit voltage.
     * The OCV, not the terminal voltage, because the I·R drop is heat in the cell, not in the converter. Moving
     * charge down to a lower cell costs stored energy beyond this, η·moved·(OCV_donor − OCV_receiver), which is
     * not included (see docs/simulator.md).
     */
    public double conversionLossJoules() {
        return conversionLossJoules;
    }

    /** Charge that cell {@code cell}'s bleed resistor took from it and turned into heat, in A·s. */
    public double bleedAs(int cell) {
        return cellBleedAs[cell];
    }

    /** Charge all bleed resistors took, in A·s: it left the cells and arrived nowhere. */
    public double bleedAs() {
        return sum(cellBleedAs);
    }

    /**
     * Energy the bleed resistors took from storage, in joules: each step's bled charge times the cell's open-circuit
     * voltage, as {@link #conversionLossJoules()} values its loss. The share of it lost as I²·R0 inside the cell
     * and the share that heats the resistor are not told apart.
     */
    public double bleedJoules() {
        return bleedJoules;
    }

    /** Net charge the load drew through the pack terminals, in A·s (negative while charging). */
    public double loadAs() {
        return loadAs;
    }

    /** Charge the balancer board drew from the whole string for itself, in A·s. */
    public double boardDrawAs() {
        return boardDrawAs;
    }

    /** Self-discharge of all cells together, in A·s. */
    public double selfDischargeAs() {
        return selfDischargeAs;
    }

    public double efficiency() {
        return efficiency;
    }

    /**
     * The relative error of the bookkeeping, for cells whose charge changed by {@code cellChangeAs}: how far the
     * charge balance and the per-cell in/out records miss, over the charge that flowed through all cells.
     */
    double conservationError(double[] cellChangeAs) {
        int n = cells();
        double sumChange = 0;
        double perCellMiss = 0;
        double throughput = 0;
        for (int i = 0; i < n; i++) {
            sumChange += cellChangeAs[i];
            perCellMiss += Math.abs(chargeInAs[i] - chargeOutAs[i] - cellChangeAs[i]);
            throughput += chargeInAs[i] + chargeOutAs[i];
        }
        double moved = movedAs();
        double expected = -n * loadAs - n * boardDrawAs - selfDischargeAs - moved + efficiency * moved - bleedAs();
        double miss = Math.abs(sumChange - expected) + perCellMiss;
        return miss == 0 ? 0 : miss / throughput;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }
}
