package io.cellgate.export.prometheus;

import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.telemetry.PackState;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The only metrics observed on the tick: the tick duration and the faults, each as they begin. A pack's series are
 * looked up once, at its first tick; after that an observation allocates nothing.
 */
final class TickMetrics {

    /** Tick durations run from about 10 µs (a 20-cell pack) to milliseconds when a machine is busy. */
    static final double[] BUCKETS_SECONDS = {10e-6, 25e-6, 50e-6, 100e-6, 250e-6, 500e-6, 1e-3, 2.5e-3, 5e-3, 10e-3,
            25e-3, 50e-3, 100e-3};

    private final Histogram duration;
    private final Counter faults;
    private final ConcurrentHashMap<String, Series> packs = new ConcurrentHashMap<>();

    /** One pack's series, and the fault kind of its last tick (written by that pack's ticks only). */
    private static final class Series {
        final Histogram.Child duration;
        final Counter.Child[] faults = new Counter.Child[FaultKind.LABELS.length];
        int lastKind = FaultKind.NONE;

        Series(TickMetrics m, String pack) {
            duration = m.duration.labels(pack);
            for (int k = 0; k < faults.length; k++) {
                faults[k] = m.faults.labels(pack, FaultKind.LABELS[k]); // exported from 0, so rate() works at once
            }
        }
    }

    TickMetrics(CollectorRegistry registry) {
        duration = Histogram.build("cellgate_tick_duration_seconds", "Duration of a pack's tick: read, validate, "
                + "decide, drive; it ends before the tick is handed to the telemetry listeners (exporters).").labelNames("pack").buckets(BUCKETS_SECONDS).withoutExemplars().register(registry);
        faults = Counter.build("cellgate_faults_total", "Faults as they begin, by kind: the pack's health when not "
                + "OK, or board when the balancer faulted the board.").labelNames("pack", "kind").withoutExemplars()
                .register(registry);
    }

    void observe(PackState s) {
        String pack = s.pack().id();
        Series series = packs.get(pack);
        if (series == null) {
            series = packs.computeIfAbsent(pack, p -> new Series(this, p));
        }
        if (s.health() != PackHealth.STALLED) { // a stall notice repeats the last completed tick's duration
            series.duration.observe(s.tickDurationNanos() / 1e9);
        }
        int kind = FaultKind.of(s);
        if (kind != series.lastKind) {
            if (kind != FaultKind.NONE) {
                series.faults[kind].inc();
            }
            series.lastKind = kind;
        }
    }

    /** Forgets the series of packs that are gone, so that a removed pack stops being exported. */
    void retain(Set<String> running) {
        for (String pack : packs.keySet()) {
            if (!running.contains(pack) && packs.remove(pack) != null) {
                duration.remove(pack);
                for (String kind : FaultKind.LABELS) {
                    faults.remove(pack, kind);
                }
            }
        }
    }
}
