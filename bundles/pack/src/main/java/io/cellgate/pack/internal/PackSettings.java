package io.cellgate.pack.internal;

import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.PackProperties;

/** The validated part of a pack configuration that the controller itself uses. */
record PackSettings(PackDescription description, long tickMillis, long startupGraceMillis) {

    static final long MIN_TICK_MS = 10;
    static final long MAX_TICK_MS = 60_000;
    /** Ticks of history a pack keeps: five minutes at the default 100 ms. */
    static final int HISTORY_TICKS = 3000;
    /** Long enough for the drivers or the simulator that start beside the pack, short enough to notice one missing. */
    static final long DEFAULT_STARTUP_GRACE_MS = 5000;
    static final long MAX_STARTUP_GRACE_MS = 600_000;
    static final String STARTUP_GRACE_MS = "startup.grace.ms";

    /** @throws IllegalArgumentException naming the property and its allowed range */
    static PackSettings of(PackConfig config) {
        PackDescription d = new PackDescription(config.pack_id(), config.cells(), Chemistry.parse(config.chemistry()));
        long tick = config.tick_ms();
        if (tick < MIN_TICK_MS || tick > MAX_TICK_MS) {
            throw new IllegalArgumentException(PackProperties.TICK_MS + "=" + tick + " is out of range: " + MIN_TICK_MS
                    + " to " + MAX_TICK_MS + " ms");
        }
        long grace = config.startup_grace_ms();
        if (grace < 0 || grace > MAX_STARTUP_GRACE_MS) {
            throw new IllegalArgumentException(STARTUP_GRACE_MS + "=" + grace + " is out of range: 0 to "
                    + MAX_STARTUP_GRACE_MS + " ms");
        }
        return new PackSettings(d, tick, grace);
    }
}
