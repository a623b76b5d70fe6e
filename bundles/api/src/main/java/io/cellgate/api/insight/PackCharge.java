package io.cellgate.api.insight;

/**
 * The charge through the pack's terminals, counted from the pack current its voltage source measures (the reading's
 * {@link io.cellgate.api.pack.PackReading#packAmps() pack current}, charge positive), each tick's current held until
 * the next.
 *
 * @param inCoulombs       charge into the pack while it was charged
 * @param outCoulombs      charge out of the pack while it was discharged
 * @param measuredSeconds  how long a current was measured; time without one counts nothing
 * @param lastAmps         the current of the last tick, NaN when its source measured none
 */
public record PackCharge(double inCoulombs, double outCoulombs, double measuredSeconds, double lastAmps) {

    /** No current measured yet. */
    public static final PackCharge NONE = new PackCharge(0, 0, 0, Double.NaN);

    /** True when the last tick's source measured the pack current. */
    public boolean measured() {
        return !Double.isNaN(lastAmps);
    }
}
