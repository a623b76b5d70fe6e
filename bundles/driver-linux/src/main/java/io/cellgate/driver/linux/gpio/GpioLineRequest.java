package io.cellgate.driver.linux.gpio;

import java.io.Closeable;
import java.io.IOException;

/** Output lines held by the gateway; bit i of a mask is the i-th offset of the request. */
public interface GpioLineRequest extends Closeable {

    /** Sets the lines of {@code mask} to the values in {@code bits}; other lines keep theirs. */
    void setValues(long mask, long bits) throws IOException;

    /**
     * As {@link #setValues}, but safe while another thread is in {@code setValues} (the emergency path turning
     * outputs off while a drive is blocked): it shares no buffer with it.
     */
    default void setValuesConcurrently(long mask, long bits) throws IOException {
        setValues(mask, bits);
    }
}
