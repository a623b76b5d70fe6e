package io.cellgate.driver.linux.line;

import io.cellgate.driver.linux.sysfs.Sysfs;
import java.io.IOException;

/** One on/off output: a balance switch or an LED. Writes reach the hardware only when the value changes. */
public interface DigitalLine {

    void set(boolean on) throws IOException;

    /** What the line was last set to, false before the first write. */
    boolean isOn();

    /**
     * Writes off now, whatever was written before, with {@code sysfs}'s buffers: the emergency path, safe to call
     * from another thread while the owner is in {@link #set}. It leaves the line's record alone; the owner calls
     * {@link #forget()} before its next write.
     */
    void forceOff(Sysfs sysfs) throws IOException;

    /** Forgets what was written, so that the next {@link #set} writes whatever it is. */
    void forget();
}
