package io.cellgate.driver.linux.gpio;

import java.io.Closeable;
import java.io.IOException;

/** An open GPIO chip. Closing it leaves line requests made from it in force. */
public interface GpioChip extends Closeable {

    /** The kernel's name of the chip, e.g. {@code gpiochip0}. */
    String name();

    /** The chip's label, e.g. {@code pinctrl-bcm2711} or {@code mcp23017}. */
    String label();

    /** How many lines the chip has; offsets run from 0 to lines − 1. */
    int lines();

    /**
     * Requests {@code offsets} as outputs, every one driven low from the first moment, so that no switch glitches
     * on when the gateway starts.
     */
    GpioLineRequest requestOutputs(int[] offsets, String consumer) throws IOException;
}
