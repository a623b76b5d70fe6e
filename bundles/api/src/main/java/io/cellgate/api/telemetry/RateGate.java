package io.cellgate.api.telemetry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For listeners that publish slower than the tick (exporters): decides on the tick thread, without allocating after
 * a pack's first tick, whether a pack is due, at most once per period per pack whatever its tick rate (every tick
 * for a period of 0).
 */
public final class RateGate {

    private final long periodNanos;
    private final ConcurrentHashMap<String, AtomicLong> last = new ConcurrentHashMap<>();

    public RateGate(long periodNanos) {
        this.periodNanos = periodNanos;
    }

    public boolean due(String pack, long nowNanos) {
        AtomicLong t = last.get(pack);
        if (t == null) {
            last.put(pack, new AtomicLong(nowNanos));
            return true;
        }
        if (nowNanos - t.get() < periodNanos) {
            return false;
        }
        t.set(nowNanos); // one pack's ticks never overlap, so no race on its own entry
        return true;
    }
}
