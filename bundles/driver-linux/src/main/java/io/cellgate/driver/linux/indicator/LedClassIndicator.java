package io.cellgate.driver.linux.indicator;

import io.cellgate.api.balancer.Indicator;
import io.cellgate.driver.linux.line.LedClassDevice;
import io.cellgate.driver.linux.sysfs.Sysfs;
import java.io.IOException;

/**
 * A cell LED of the Linux LED class. ON is max_brightness, OFF is 0, FLASHING is the kernel's {@code timer}
 * trigger: the kernel flashes the LED on its own, so it goes on flashing if the gateway stalls.
 */
final class LedClassIndicator extends IndicatorLed {

    private final LedClassDevice led;
    private final Sysfs sysfs;
    private final long onMillis;
    private final long offMillis;

    LedClassIndicator(LedClassDevice led, Sysfs sysfs, long onMillis, long offMillis) {
        this.led = led;
        this.sysfs = sysfs;
        this.onMillis = onMillis;
        this.offMillis = offMillis;
    }

    @Override
    void write(Indicator state, Indicator before, boolean blinkOn) throws IOException {
        if (state == before) {
            return;
        }
        if (state == Indicator.FLASHING) {
            // Setting the trigger creates delay_on and delay_off, with the kernel's 500 ms; ours follow.
            led.triggerTimer(sysfs);
            sysfs.writeLong(led.delayOn(), onMillis);
            sysfs.writeLong(led.delayOff(), offMillis);
        } else {
            if (before != Indicator.OFF && before != Indicator.ON) {
                // Leaving the timer (or a trigger the device tree set): a brightness write alone would only
                // change how bright the LED flashes.
                led.triggerNone(sysfs);
            }
            sysfs.writeLong(led.brightness(), state == Indicator.ON ? led.maxBrightness() : 0);
        }
    }

    @Override
    public String toString() {
        return "LED " + led.name();
    }
}
