package io.cellgate.sim.model;

import java.util.SplittableRandom;

/**
 * The per-cell figures of one simulated pack, drawn once from a {@link SimPackSpec}: capacity, R0, R1, starting
 * SOC and self-discharge. Same spec and seed, same cells.
 *
 * <p>Draws are normal, clipped at ±3σ (so a capacity or a resistance can never reach zero), taken in cell order,
 * per cell: capacity, resistance, then SOC when it is drawn.
 */
public final class CellParams {

    /** A 30-day month, the unit of self-discharge rates. */
    public static final double SECONDS_PER_MONTH = 30.0 * 24 * 3600;

    private static final double CLIP_SIGMAS = 3.0;

    final double[] capacityAs;
    final double[] r0Ohms;
    final double[] r1Ohms;
    final double[] initialSoc;
    final double[] selfDischargePercentPerMonth;

    private CellParams(int cells) {
        capacityAs = new double[cells];
        r0Ohms = new double[cells];
        r1Ohms = new double[cells];
        initialSoc = new double[cells];
        selfDischargePercentPerMonth = new double[cells];
    }

    public static CellParams draw(SimPackSpec spec) {
        int n = spec.cells();
        CellParams p = new CellParams(n);
        SplittableRandom random = new SplittableRandom(spec.seed());
        double[] explicitSoc = spec.initialSoc();
        double[] selfDischarge = spec.selfDischargePercentPerMonth();
        for (int i = 0; i < n; i++) {
            double capacityAh = spec.capacityAh() * (1 + spec.capacitySpread() * clippedGaussian(random));
            double dcOhms = spec.dcResistanceOhms() * (1 + spec.resistanceSpread() * clippedGaussian(random));
            p.capacityAs[i] = capacityAh * 3600;
            p.r0Ohms[i] = dcOhms * spec.r0Fraction();
            p.r1Ohms[i] = dcOhms * (1 - spec.r0Fraction());
            p.initialSoc[i] = explicitSoc != null ? explicitSoc[i]
                    : clamp01(spec.socMean() + spec.socSpread() * clippedGaussian(random));
            p.selfDischargePercentPerMonth[i] = selfDischarge[i];
        }
        return p;
    }

    /** Self-discharge as a constant internal leak current: {@code percent}/100 of the capacity per month. */
    static double selfDischargeAmps(double percentPerMonth, double capacityAs) {
        return percentPerMonth / 100 * capacityAs / SECONDS_PER_MONTH;
    }

    public int cells() {
        return capacityAs.length;
    }

    public double capacityAh(int cell) {
        return capacityAs[cell] / 3600;
    }

    public double r0Ohms(int cell) {
        return r0Ohms[cell];
    }

    public double r1Ohms(int cell) {
        return r1Ohms[cell];
    }

    public double initialSoc(int cell) {
        return initialSoc[cell];
    }

    public double selfDischargePercentPerMonth(int cell) {
        return selfDischargePercentPerMonth[cell];
    }

    private static double clippedGaussian(SplittableRandom random) {
        return Math.max(-CLIP_SIGMAS, Math.min(CLIP_SIGMAS, random.nextGaussian()));
    }

    private static double clamp01(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
