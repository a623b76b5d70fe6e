package io.cellgate.driver.linux.sysfs;

import java.io.IOException;
import java.nio.file.Path;

/** An attribute that could be read but does not hold what it should: garbage, empty, too long. */
public final class SysfsFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public SysfsFormatException(Path file, String what) {
        super(file + ": " + what);
    }
}
