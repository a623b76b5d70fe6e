package io.cellgate.driver.linux.balance;

/**
 * How a pair's current setpoint becomes a PWM duty on this board: duty % = offset + gain × amps, clamped to the
 * board's maximum; an idle pair (0 A) gets no duty at all. docs/hardware.md tells how to measure offset and gain.
 *
 * @param periodNanos          PWM period, 1 µs to 1 s
 * @param offsetPercent        duty at which the current starts, 0 to below 100 %
 * @param gainPercentPerAmp    duty per ampere above the offset, finite and >= 0
 * @param maxPercent           the highest duty the board may see, above the offset, at most 100 %
 */
record DutyCalibration(long periodNanos, double offsetPercent, double gainPercentPerAmp, double maxPercent) {

    static final long MIN_PERIOD_NANOS = 1_000;
    static final long MAX_PERIOD_NANOS = 1_000_000_000;

    DutyCalibration {
        if (periodNanos < MIN_PERIOD_NANOS || periodNanos > MAX_PERIOD_NANOS) {
            throw new IllegalArgumentException("pwm.period.ns=" + periodNanos + " is out of range: " + MIN_PERIOD_NANOS
                    + " to " + MAX_PERIOD_NANOS + " ns");
        }
        if (!(offsetPercent >= 0 && offsetPercent < 100)) {
            throw new IllegalArgumentException("duty.offset.percent=" + offsetPercent
                    + " is out of range: 0 to below 100");
        }
        if (!(gainPercentPerAmp >= 0) || Double.isInfinite(gainPercentPerAmp)) {
            throw new IllegalArgumentException("duty.gain.percent.per.amp=" + gainPercentPerAmp
                    + " is out of range: a finite number >= 0");
        }
        if (!(maxPercent > offsetPercent && maxPercent <= 100)) {
            throw new IllegalArgumentException("duty.max.percent=" + maxPercent + " is out of range: above "
                    + "duty.offset.percent=" + offsetPercent + ", at most 100");
        }
    }

    /** The duty in ns for {@code amps}; 0 for 0 A (or anything not a positive number). */
    long dutyNanos(double amps) {
        if (!(amps > 0)) {
            return 0;
        }
        double percent = Math.min(maxPercent, offsetPercent + gainPercentPerAmp * amps);
        return Math.round(periodNanos * percent / 100);
    }
}
