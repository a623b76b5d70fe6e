package io.cellgate.api.pack;

/**
 * Volts in two bytes, for histories that keep many samples of every pack: an unsigned count of tenths of a
 * millivolt, 0 to 6.5534 V in steps of 0.1 mV (the resolution the shell and the console show), with one code for
 * no value. A {@code char} holds it; 3,000 samples of a spread take 6 KB instead of a double's 24 KB.
 *
 * <p>Below 0 V is kept as 0 V and above {@value #MAX_VOLTS} V as {@value #MAX_VOLTS} V (no cell of any supported
 * chemistry reads either); NaN is kept as {@link #NONE} and read back as NaN.
 */
public final class TenthMillivolts {

    /** The code of no value (NaN: a cell without a valid reading, a spread without two valid cells). */
    public static final char NONE = 0xFFFF;

    /** The highest voltage kept; a higher one is kept as this. */
    public static final double MAX_VOLTS = 6.5534;

    private static final double PER_VOLT = 10_000;
    private static final char MAX_CODE = 65534;

    private TenthMillivolts() {
    }

    /** The code of {@code volts}, rounded to the nearest tenth of a millivolt. */
    public static char encode(double volts) {
        if (Double.isNaN(volts)) {
            return NONE;
        }
        if (volts <= 0) {
            return 0;
        }
        if (volts >= MAX_VOLTS) {
            return MAX_CODE;
        }
        return (char) Math.round(volts * PER_VOLT);
    }

    /** The volts of a code {@link #encode} made; NaN for {@link #NONE}. */
    public static double decode(char code) {
        return code == NONE ? Double.NaN : code / PER_VOLT;
    }

    /** As {@link #decode}, as a float (the console's charts). */
    public static float decodeFloat(char code) {
        return code == NONE ? Float.NaN : (float) (code / PER_VOLT);
    }
}
