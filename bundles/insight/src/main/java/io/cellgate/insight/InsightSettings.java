package io.cellgate.insight;

import java.nio.file.Path;

/** A checked insight configuration. */
record InsightSettings(Path directory, long saveSeconds) {

    static final long MAX_SAVE_SECONDS = 3600;

    /** @throws IllegalArgumentException naming the property and what it accepts */
    static InsightSettings of(InsightConfig c) {
        if (c.directory() == null || c.directory().isBlank()) {
            throw new IllegalArgumentException("directory is missing: name the folder of the ledger files, e.g. "
                    + "data/insight");
        }
        if (c.save_s() < 1 || c.save_s() > MAX_SAVE_SECONDS) {
            throw new IllegalArgumentException("save.s=" + c.save_s() + " is out of range: 1 to " + MAX_SAVE_SECONDS
                    + " s");
        }
        return new InsightSettings(Path.of(c.directory().trim()), c.save_s());
    }
}
