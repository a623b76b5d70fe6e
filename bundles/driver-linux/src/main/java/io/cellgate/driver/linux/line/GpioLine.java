package io.cellgate.driver.linux.line;

import io.cellgate.driver.linux.gpio.GpioLineRequest;
import io.cellgate.driver.linux.sysfs.Sysfs;
import java.io.IOException;

/** One line of a GPIO request: bit {@code bit} of its masks. */
final class GpioLine implements DigitalLine {

    private final GpioLineRequest request;
    private final long mask;
    private final String spec;
    /** The request starts every line low. */
    private boolean on;
    private boolean known = true;

    GpioLine(GpioLineRequest request, int bit, String spec) {
        this.request = request;
        this.mask = 1L << bit;
        this.spec = spec;
    }

    @Override
    public void set(boolean value) throws IOException {
        if (known && value == on) {
            return;
        }
        known = false;
        request.setValues(mask, value ? mask : 0);
        on = value;
        known = true;
    }

    @Override
    public void forceOff(Sysfs unused) throws IOException {
        request.setValuesConcurrently(mask, 0);
    }

    @Override
    public void forget() {
        known = false;
    }

    @Override
    public boolean isOn() {
        return on;
    }

    @Override
    public String toString() {
        return "GPIO " + spec;
    }
}
