package io.cellgate.api.balancer;

/**
 * Whole microvolts, the unit in which a board compares a voltage difference with its thresholds: a difference of
 * exactly a datasheet's 0.100 V then compares as 0.100 V, even when a double subtraction gives 0.0999999.
 *
 * @since 1.4
 */
public final class Microvolts {

    private static final double PER_VOLT = 1e6;

    private Microvolts() {
    }

    /** {@code volts} rounded to the nearest whole microvolt. */
    public static long of(double volts) {
        return Math.round(volts * PER_VOLT);
    }
}
