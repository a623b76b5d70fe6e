package io.cellgate.driver.linux.gpio;

import java.io.IOException;
import java.nio.file.Path;

/** Opens GPIO chips. The real one talks to the GPIO character device; tests give a fake. */
public interface GpioDriver {

    /** Opens the chip device, e.g. {@code /dev/gpiochip0}. */
    GpioChip open(Path device) throws IOException;
}
