package io.cellgate.export.file;

import io.cellgate.api.config.ConfigurationValues;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A validated recorder configuration. */
record RecorderSettings(Path directory, long intervalNanos, Rotation rotation, long rotationBytes, int keepFiles) {

    enum Rotation { DAILY, SIZE }

    static final long MAX_INTERVAL_MS = 3_600_000;
    static final long MAX_SIZE_MB = 10_000;

    /** Everything {@link #of} checks, on the properties as Configuration Admin delivers them. */
    static void check(Map<String, Object> properties) {
        of(ConfigurationValues.as(FileRecorderConfig.class, properties));
    }

    /** @throws IllegalArgumentException naming the property and what it accepts */
    static RecorderSettings of(FileRecorderConfig c) {
        if (c.directory() == null || c.directory().isBlank()) {
            throw new IllegalArgumentException("directory is missing");
        }
        if (c.interval_ms() < 0 || c.interval_ms() > MAX_INTERVAL_MS) {
            throw new IllegalArgumentException("interval.ms=" + c.interval_ms() + " is out of range: 0 to "
                    + MAX_INTERVAL_MS + " ms");
        }
        Rotation rotation;
        try {
            rotation = Rotation.valueOf(String.valueOf(c.rotation()).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rotation '" + c.rotation() + "' is unknown: use daily or size");
        }
        if (c.rotation_size_mb() < 1 || c.rotation_size_mb() > MAX_SIZE_MB) {
            throw new IllegalArgumentException("rotation.size.mb=" + c.rotation_size_mb() + " is out of range: 1 to "
                    + MAX_SIZE_MB + " MB");
        }
        if (c.keep_files() < 0) {
            throw new IllegalArgumentException("keep.files=" + c.keep_files() + " is out of range: 0 (all) or more");
        }
        return new RecorderSettings(Path.of(c.directory().trim()), TimeUnit.MILLISECONDS.toNanos(c.interval_ms()),
                rotation, c.rotation_size_mb() * 1024 * 1024, c.keep_files());
    }
}
