package io.cellgate.driver.linux.line;

import io.cellgate.driver.linux.sysfs.Sysfs;
import java.io.IOException;

/** An on/off output on a LED class device: brightness max_brightness or 0, no trigger. */
final class LedLine implements DigitalLine {

    private final LedClassDevice led;
    private final Sysfs sysfs;
    /** Written value, or null when unknown (before the first write, after a failed one). */
    private Boolean written;

    LedLine(LedClassDevice led, Sysfs sysfs) throws IOException {
        this.led = led;
        this.sysfs = sysfs;
        // A trigger left by the device tree (heartbeat, default-on) would switch the output on its own.
        led.triggerNone(sysfs);
        set(false);
    }

    @Override
    public void set(boolean on) throws IOException {
        if (written != null && written == on) {
            return;
        }
        written = null;
        if (on) {
            sysfs.writeLong(led.brightness(), led.maxBrightness());
        } else {
            sysfs.writeLong(led.brightness(), 0);
        }
        written = on;
    }

    @Override
    public void forceOff(Sysfs own) throws IOException {
        own.writeLong(led.brightness(), 0);
    }

    @Override
    public void forget() {
        written = null;
    }

    @Override
    public boolean isOn() {
        return written != null && written;
    }

    @Override
    public String toString() {
        return "LED " + led.name();
    }
}
