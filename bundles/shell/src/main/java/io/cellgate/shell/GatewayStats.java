package io.cellgate.shell;

import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.TickStats;
import io.cellgate.api.telemetry.PackView;
import java.util.List;

/** The gateway summed up over its packs, once, for {@code cellgate:stats} and its {@code --json} form alike. */
record GatewayStats(int packs, int notOk, long ticks, double meanTickMicros, double longestTickMicros,
        double latestStartLateMillis) {

    static GatewayStats of(List<Pack> packs) {
        long ticks = 0;
        long sumNanos = 0;
        long maxDuration = 0;
        long maxLateness = 0;
        int unhealthy = 0;
        for (Pack p : packs) {
            TickStats t = p.stats();
            ticks += t.ticks();
            sumNanos += t.meanDurationNanos() * t.ticks();
            maxDuration = Math.max(maxDuration, t.maxDurationNanos());
            maxLateness = Math.max(maxLateness, t.maxLatenessNanos());
            PackView s = p.latest();
            if (s == null || s.health() != PackHealth.OK) {
                unhealthy++;
            }
        }
        return new GatewayStats(packs.size(), unhealthy, ticks, ticks == 0 ? 0.0 : sumNanos / 1000.0 / ticks,
                maxDuration / 1000.0, maxLateness / 1e6);
    }
}
