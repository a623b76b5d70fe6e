package io.cellgate.api.pack;

/**
 * Open-circuit voltage against state of charge: 21 points from 0 % to 100 % in 5 % steps, linearly interpolated.
 *
 * <p>The tables are Libre Solar's {@code ocv_lfp} and {@code ocv_nmc} from LibreSolar/bms-firmware,
 * {@code app/src/bms_common.c} (there listed from 100 % down to 0 %; here from 0 % up). See docs/simulator.md.
 * The simulator's cells follow it, and the insight bundle reads a resting cell's state of charge from it: one curve.
 *
 * <p>The forward lookup is O(1): the segment index is {@code (int) (soc * 20)}. The inverse ({@link #soc}) is
 * well conditioned on NCM but not on the LFP plateau, where a millivolt spans several percent of charge.
 */
public final class OcvCurve {

    /** Points per curve: 0 %, 5 %, …, 100 %. */
    public static final int POINTS = 21;

    private static final int SEGMENTS = POINTS - 1;

    /** LibreSolar/bms-firmware app/src/bms_common.c, {@code ocv_lfp}, reversed to ascending SOC. */
    private static final double[] LFP_VOLTS = {
        2.833, 3.132, 3.177, 3.190, 3.213, 3.226, 3.240, 3.252, 3.262, 3.264, 3.265,
        3.268, 3.271, 3.275, 3.283, 3.296, 3.304, 3.308, 3.309, 3.314, 3.392,
    };

    /** LibreSolar/bms-firmware app/src/bms_common.c, {@code ocv_nmc}, reversed to ascending SOC. */
    private static final double[] NCM_VOLTS = {
        2.800, 3.588, 3.684, 3.702, 3.726, 3.745, 3.764, 3.787, 3.803, 3.819, 3.838,
        3.858, 3.883, 3.924, 3.962, 3.993, 4.026, 4.056, 4.089, 4.135, 4.198,
    };

    public static final OcvCurve LFP = new OcvCurve("LFP", LFP_VOLTS);
    public static final OcvCurve NCM = new OcvCurve("NCM", NCM_VOLTS);

    private final String name;
    private final double[] volts;
    /** Volts per segment (per 5 % of SOC), so a lookup is one multiply-add. */
    private final double[] segmentRiseVolts;

    /**
     * A curve from {@value #POINTS} voltages at 0 %, 5 %, …, 100 % SOC.
     *
     * @throws IllegalArgumentException unless there are 21 finite, strictly increasing voltages (the inverse needs
     *                                  a one-to-one curve)
     */
    public OcvCurve(String name, double[] voltsAscendingSoc) {
        if (voltsAscendingSoc == null || voltsAscendingSoc.length != POINTS) {
            throw new IllegalArgumentException("OCV curve " + name + ": expected " + POINTS + " voltages, got "
                    + (voltsAscendingSoc == null ? "none" : voltsAscendingSoc.length));
        }
        for (int i = 0; i < POINTS; i++) {
            if (!Double.isFinite(voltsAscendingSoc[i])
                    || (i > 0 && !(voltsAscendingSoc[i] > voltsAscendingSoc[i - 1]))) {
                throw new IllegalArgumentException("OCV curve " + name + ": voltages must be finite and strictly "
                        + "increasing with SOC, but point " + i + " is " + voltsAscendingSoc[i] + " V");
            }
        }
        this.name = name;
        this.volts = voltsAscendingSoc.clone();
        this.segmentRiseVolts = new double[SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) {
            segmentRiseVolts[i] = volts[i + 1] - volts[i];
        }
    }

    public static OcvCurve of(Chemistry chemistry) {
        return switch (chemistry) {
            case NCM -> NCM;
            case LFP -> LFP;
        };
    }

    public String name() {
        return name;
    }

    /** The table voltage at point {@code index} (SOC = index × 5 %). */
    public double pointVolts(int index) {
        return volts[index];
    }

    /** Open-circuit volts at {@code soc} (0…1); SOC outside 0…1 reads as the nearest end of the table. */
    public double volts(double soc) {
        double x = tablePosition(soc);
        int i = segment(x);
        return volts[i] + segmentRiseVolts[i] * (x - i);
    }

    /** Slope dV/dSOC in volts per unit SOC at {@code soc} (right-hand slope at a table point). */
    public double voltsPerSoc(double soc) {
        return segmentRiseVolts[segment(tablePosition(soc))] * SEGMENTS;
    }

    // plain comparisons, not Math.min/max: those cost several times more on the simulator's hot path

    /** {@code soc} in table steps (0…20), clamped; NaN reads as 0. */
    private static double tablePosition(double soc) {
        double x = soc * SEGMENTS;
        if (!(x > 0)) {
            return 0;
        }
        return x < SEGMENTS ? x : SEGMENTS;
    }

    /** The segment holding position {@code x}; the top point belongs to the last segment, at its end. */
    private static int segment(double x) {
        int i = (int) x;
        return i < SEGMENTS ? i : SEGMENTS - 1;
    }

    /**
     * The SOC (0…1) whose open-circuit voltage is {@code openCircuitVolts}, clamped to 0 or 1 outside the table
     * (NaN for NaN).
     *
     * <p>Ill-conditioned where the curve is flat: on the LFP plateau (40–95 %) the table rises 52 mV in all, and
     * only 1 mV between 45 % and 50 %, so 1 mV of measurement error moves the answer by up to 5 % of SOC. Use
     * {@link #voltsPerSoc} to judge how far to trust it.
     */
    public double soc(double openCircuitVolts) {
        if (Double.isNaN(openCircuitVolts)) {
            return Double.NaN;
        }
        if (openCircuitVolts <= volts[0]) {
            return 0.0;
        }
        if (openCircuitVolts >= volts[SEGMENTS]) {
            return 1.0;
        }
        int lo = 0;
        int hi = SEGMENTS;
        while (hi - lo > 1) { // invariant: volts[lo] <= v < volts[hi]
            int mid = (lo + hi) >>> 1;
            if (volts[mid] <= openCircuitVolts) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + (openCircuitVolts - volts[lo]) / segmentRiseVolts[lo]) / SEGMENTS;
    }

    /**
     * True where {@code openCircuitVolts} lies in a segment of the curve flatter than {@code minVoltsPerSoc} volts per
     * unit SOC: there a millivolt of error means more than {@code 0.001 / minVoltsPerSoc} of SOC, so a voltage says
     * little about the charge (LFP between 40 % and 65 %, and between 80 % and 90 %, below 0.1 V per unit SOC).
     *
     * @since 1.5
     */
    public boolean isFlatAt(double openCircuitVolts, double minVoltsPerSoc) {
        return flatter(segmentRiseVolts[segment(tablePosition(soc(openCircuitVolts)))], minVoltsPerSoc);
    }

    /**
     * The voltage span of the curve's flat parts: the sum of the rises of every segment flatter than
     * {@code minVoltsPerSoc} volts per unit SOC, in volts (0 when none is). LFP's at 0.1 V per unit SOC is 18 mV over
     * 35 % of its charge; NCM has none.
     *
     * @since 1.5
     */
    public double flatSpanVolts(double minVoltsPerSoc) {
        double span = 0;
        for (double rise : segmentRiseVolts) {
            if (flatter(rise, minVoltsPerSoc)) {
                span += rise;
            }
        }
        return span;
    }

    /**
     * The share of the SOC range (0…1) where the curve is flatter than {@code minVoltsPerSoc} volts per unit SOC.
     *
     * @since 1.5
     */
    public double flatSocShare(double minVoltsPerSoc) {
        int flat = 0;
        for (double rise : segmentRiseVolts) {
            if (flatter(rise, minVoltsPerSoc)) {
                flat++;
            }
        }
        return (double) flat / SEGMENTS;
    }

    /** A segment is flatter than a slope when it rises less, by more than the table's rounding (a nanovolt). */
    private static boolean flatter(double segmentRise, double minVoltsPerSoc) {
        return segmentRise * SEGMENTS < minVoltsPerSoc - 1e-9;
    }

    @Override
    public String toString() {
        return "OcvCurve[" + name + ", " + volts[0] + "–" + volts[SEGMENTS] + " V]";
    }
}
