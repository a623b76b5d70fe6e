package io.cellgate.sim.scenario;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackState;
import io.cellgate.engine.PackEngine;
import io.cellgate.engine.PackEvents;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The gateway's pack engine run headless on simulated time: the runners' one way to turn a reading into a
 * decision. The engine validates the reading, lets the model decide, refuses an unsafe decision and falls back to
 * the fail-safe one exactly as in the running gateway; what it would log is kept as the run's events.
 */
final class HeadlessPack {

    /** The runners read the decision of the tick they just ran; the engine's history is not needed. */
    private static final int HISTORY_TICKS = 1;
    /** Enough to tell what went wrong without letting a long run that faults every tick grow without bound. */
    static final int MAX_EVENTS = 200;

    private final PackEngine engine;
    private final BalancerModel model;
    private final List<String> events = new ArrayList<>();
    private long nowNanos;
    private double nowSeconds;

    HeadlessPack(PackDescription pack, BalancerModel model) {
        this.model = model;
        this.engine = new PackEngine(pack, () -> nowNanos, () -> nowNanos / 1_000_000, HISTORY_TICKS, new Events());
    }

    /**
     * One tick at simulated time {@code seconds} on what {@code source} reads; the state it returns (reading,
     * decision, health) is live until the next tick.
     */
    PackState tick(double seconds, CellVoltageSource source) {
        nowSeconds = seconds;
        nowNanos = Math.round(seconds * 1e9);
        engine.tick(nowNanos, source, model, null, null, null);
        return engine.state();
    }

    /** What the engine reported (faults appearing and clearing, plugin failures), each with its simulated time. */
    List<String> events() {
        return Collections.unmodifiableList(events);
    }

    private final class Events implements PackEvents {
        @Override
        public void info(String message) {
            // balancer changes and cleared faults: the timelines of the result already show them
        }

        @Override
        public void warn(String message) {
            add(message);
        }

        @Override
        public void error(String message, Throwable cause) {
            add(cause == null || cause.getMessage() == null ? message : message + ": " + cause.getMessage());
        }

        private void add(String message) {
            if (events.size() < MAX_EVENTS) {
                events.add(String.format(java.util.Locale.ROOT, "%.1f s: %s", nowSeconds, message));
            }
        }
    }
}
