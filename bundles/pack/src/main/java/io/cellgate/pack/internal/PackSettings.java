package io.cellgate.pack.internal;

import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.PackProperties;

/** The validated part of a pack configuration that the controller itself uses. */
record PackSettings(PackDescription description, long tickMillis) {

    static final long MIN_TICK_MS = 10;
    static final long MAX_TICK_MS = 60_000;
    /** Ticks of history a pack keeps: five minutes at the default 100 ms. */
    static final int HISTORY_TICKS = 3000;

    /** @throws IllegalArgumentException naming the property and its allowed range */
    static PackSettings of(PackConfig config) {
        PackDescription d = new PackDescription(config.pack_id(), config.cells(), Chemistry.parse(config.chemistry()));
        long tick = config.tick_ms();
        if (tick < MIN_TICK_MS || tick > MAX_TICK_MS) {
            throw new IllegalArgumentException(PackProperties.TICK_MS + "=" + tick + " is out of range: " + MIN_TICK_MS
                    + " to " + MAX_TICK_MS + " ms");
        }
        return new PackSettings(d, tick);
    }
}
