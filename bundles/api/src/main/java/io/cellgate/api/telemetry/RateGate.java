package io.cellgate.api.telemetry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For listeners that publish slower than the tick (exporters): decides on the tick thread, without allocating after
 * a pack's first tick, whether a pack is due, at most once per period per pack whatever its tick rate (every tick
 * for a period of 0).
 *
 * <p>A pack stays on its schedule: the next publish is due one period after the previous one was due, not after the
 * tick that happened to take it, so a tick that comes a little late does not push every later publish back. A pack
 * more than a period behind (a pause, a slow tick) starts a new schedule from now rather than catching up in a burst.
 */
public final class RateGate {

    private final long periodNanos;
    /** Per pack: when the current period began on the schedule. */
    private final ConcurrentHashMap<String, AtomicLong> slot = new ConcurrentHashMap<>();

    public RateGate(long periodNanos) {
        this.periodNanos = periodNanos;
    }

    public boolean due(String pack, long nowNanos) {
        AtomicLong start = slot.get(pack);
        if (start == null) {
            slot.put(pack, new AtomicLong(nowNanos));
            return true;
        }
        long sinceStart = nowNanos - start.get();
        if (sinceStart < periodNanos) {
            return false;
        }
        // one pack's ticks never overlap, so no race on its own entry
        start.set(sinceStart < 2 * periodNanos ? start.get() + periodNanos : nowNanos);
        return true;
    }
}
