package io.cellgate.driver.linux.line;

import java.io.IOException;

/** One on/off output: a balance switch or an LED. Writes reach the hardware only when the value changes. */
public interface DigitalLine {

    void set(boolean on) throws IOException;

    /** What the line was last set to, false before the first write. */
    boolean isOn();
}
