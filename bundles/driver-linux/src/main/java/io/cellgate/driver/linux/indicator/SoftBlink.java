package io.cellgate.driver.linux.indicator;

/**
 * The blink phase of LEDs the gateway flashes itself (GPIO lines): steps of the greatest common divisor of the on
 * and off times, rounded to 10 ms so that the task never runs more often than every 10 ms.
 */
final class SoftBlink {

    static final long STEP_QUANTUM_MILLIS = 10;

    private final long stepMillis;
    private final int cycleSteps;
    private final int onSteps;
    private int step;

    SoftBlink(long onMillis, long offMillis) {
        long on = round(onMillis);
        long off = round(offMillis);
        stepMillis = gcd(on, off);
        cycleSteps = (int) ((on + off) / stepMillis);
        onSteps = (int) (on / stepMillis);
    }

    long stepMillis() {
        return stepMillis;
    }

    /** Whether a flashing LED is lit now. */
    boolean isOn() {
        return step < onSteps;
    }

    /** Moves one step on; returns {@link #isOn()}. */
    boolean advance() {
        step = (step + 1) % cycleSteps;
        return isOn();
    }

    private static long round(long millis) {
        return Math.max(STEP_QUANTUM_MILLIS, Math.round(millis / (double) STEP_QUANTUM_MILLIS) * STEP_QUANTUM_MILLIS);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
