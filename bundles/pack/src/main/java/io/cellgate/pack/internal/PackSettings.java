package io.cellgate.pack.internal;

import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.PackProperties;

/** The validated part of a pack configuration that the controller itself uses. */
record PackSettings(PackDescription description, long tickMillis, long startupGraceMillis, int stallTicks) {

    static final long MIN_TICK_MS = 10;
    static final long MAX_TICK_MS = 60_000;
    /** Ticks of history a pack keeps: five minutes at the default 100 ms. */
    static final int HISTORY_TICKS = 3000;
    /** Long enough for the drivers or the simulator that start beside the pack, short enough to notice one missing. */
    static final long DEFAULT_STARTUP_GRACE_MS = 5000;
    static final long MAX_STARTUP_GRACE_MS = 600_000;
    static final String STARTUP_GRACE_MS = "startup.grace.ms";
    /** Periods without a completed tick before the watchdog turns the outputs off: a hiccup is not a stall. */
    static final int STALL_TICKS = 10;
    static final int MIN_STALL_TICKS = 2;
    static final int MAX_STALL_TICKS = 1000;
    static final String STALL_TICKS_PROPERTY = "stall.ticks";
    /** A floor under the deadline: a garbage collection or a loaded machine must not read as a stall. */
    static final long MIN_STALL_MS = 1000;

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
        int stall = config.stall_ticks();
        if (stall < MIN_STALL_TICKS || stall > MAX_STALL_TICKS) {
            throw new IllegalArgumentException(STALL_TICKS_PROPERTY + "=" + stall + " is out of range: "
                    + MIN_STALL_TICKS + " to " + MAX_STALL_TICKS + " ticks");
        }
        return new PackSettings(d, tick, grace, stall);
    }

    /** The watchdog's deadline: {@link #stallTicks} periods, and never less than {@value #MIN_STALL_MS} ms. */
    long stallMillis() {
        return Math.max(MIN_STALL_MS, stallTicks * tickMillis);
    }
}
