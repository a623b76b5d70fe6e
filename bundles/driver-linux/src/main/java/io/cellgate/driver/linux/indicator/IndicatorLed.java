package io.cellgate.driver.linux.indicator;

import io.cellgate.api.balancer.Indicator;
import java.io.IOException;

/**
 * One cell's LED. It keeps what it shows, so that a LED writes only when that changes and a failed write leaves it
 * unknown rather than wrong.
 */
abstract class IndicatorLed {

    private Indicator shown;

    /**
     * @param blinkOn whether a LED flashed by the gateway itself is in its lit phase now; a LED the kernel flashes
     *                ignores it
     */
    final void show(Indicator state, boolean blinkOn) throws IOException {
        Indicator before = shown;
        shown = null; // unknown until every write of the change went through
        write(state, before, blinkOn);
        shown = state;
    }

    /** The state last shown, or null while unknown (before the first write, after a failed one). */
    final Indicator shown() {
        return shown;
    }

    /** Drives the LED to {@code state}; {@code before} is what it showed, null when unknown. */
    abstract void write(Indicator state, Indicator before, boolean blinkOn) throws IOException;
}
