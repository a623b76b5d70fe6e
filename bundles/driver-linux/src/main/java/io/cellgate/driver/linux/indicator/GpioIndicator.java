package io.cellgate.driver.linux.indicator;

import io.cellgate.api.balancer.Indicator;
import io.cellgate.driver.linux.line.DigitalLine;
import java.io.IOException;

/**
 * A cell LED on a plain GPIO line. The line has no trigger, so FLASHING is done by the gateway's own blink task:
 * unlike a LED class LED it freezes if the gateway stalls. Declaring the line under {@code gpio-leds} in the device
 * tree makes it a LED class LED with the kernel's timer instead.
 */
final class GpioIndicator extends IndicatorLed {

    private final DigitalLine line;

    GpioIndicator(DigitalLine line) {
        this.line = line;
    }

    /** Writes every time: the gateway's blink task flashes the line by calling again with {@code blinkOn}. */
    @Override
    void write(Indicator state, Indicator before, boolean blinkOn) throws IOException {
        line.set(state == Indicator.ON || (state == Indicator.FLASHING && blinkOn));
    }

    @Override
    public String toString() {
        return line.toString();
    }
}
