package io.cellgate.sim.model;

import io.cellgate.api.pack.Chemistry;

/**
 * Open-circuit voltage against state of charge, as the simulated cells follow it: the platform's one curve,
 * {@link io.cellgate.api.pack.OcvCurve} (21 points from 0 % to 100 % in 5 % steps, linearly interpolated; Libre
 * Solar's tables, see docs/simulator.md), which the insight bundle reads a resting cell's charge from too. This class
 * keeps the simulator's API; every figure comes from the API's curve.
 */
public final class OcvCurve {

    /** Points per curve: 0 %, 5 %, …, 100 %. */
    public static final int POINTS = io.cellgate.api.pack.OcvCurve.POINTS;

    public static final OcvCurve LFP = new OcvCurve(io.cellgate.api.pack.OcvCurve.LFP);
    public static final OcvCurve NCM = new OcvCurve(io.cellgate.api.pack.OcvCurve.NCM);

    private final io.cellgate.api.pack.OcvCurve curve;

    /**
     * A curve from {@value #POINTS} voltages at 0 %, 5 %, …, 100 % SOC.
     *
     * @throws IllegalArgumentException unless there are 21 finite, strictly increasing voltages (the inverse needs
     *                                  a one-to-one curve)
     */
    public OcvCurve(String name, double[] voltsAscendingSoc) {
        this(new io.cellgate.api.pack.OcvCurve(name, voltsAscendingSoc));
    }

    private OcvCurve(io.cellgate.api.pack.OcvCurve curve) {
        this.curve = curve;
    }

    public static OcvCurve of(Chemistry chemistry) {
        return switch (chemistry) {
            case NCM -> NCM;
            case LFP -> LFP;
        };
    }

    public String name() {
        return curve.name();
    }

    /** The table voltage at point {@code index} (SOC = index × 5 %). */
    public double pointVolts(int index) {
        return curve.pointVolts(index);
    }

    /** Open-circuit volts at {@code soc} (0…1); SOC outside 0…1 reads as the nearest end of the table. */
    public double volts(double soc) {
        return curve.volts(soc);
    }

    /** Slope dV/dSOC in volts per unit SOC at {@code soc} (right-hand slope at a table point). */
    public double voltsPerSoc(double soc) {
        return curve.voltsPerSoc(soc);
    }

    /**
     * The SOC (0…1) whose open-circuit voltage is {@code openCircuitVolts}, clamped to 0 or 1 outside the table
     * (NaN for NaN); ill-conditioned on the LFP plateau, see {@link io.cellgate.api.pack.OcvCurve#soc}.
     */
    public double soc(double openCircuitVolts) {
        return curve.soc(openCircuitVolts);
    }

    @Override
    public String toString() {
        return curve.toString();
    }
}
