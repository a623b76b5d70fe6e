package io.cellgate.driver.linux.indicator;

import io.cellgate.api.balancer.Indicator;
import java.io.IOException;

/** One cell's LED. It writes only when what it shows changes. */
interface IndicatorLed {

    /**
     * @param blinkOn whether a LED flashed by the gateway itself is in its lit phase now; a LED the kernel flashes
     *                ignores it
     */
    void show(Indicator state, boolean blinkOn) throws IOException;

    /** The state last shown, or null while unknown (before the first write, after a failed one). */
    Indicator shown();
}
