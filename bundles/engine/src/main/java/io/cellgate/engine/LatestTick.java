package io.cellgate.engine;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.telemetry.PackState;
import io.cellgate.api.telemetry.PackView;
import java.util.List;

/**
 * The last completed tick of a pack, kept apart from the engine's working buffers under a lock of its own: the
 * tick copies into it at its end (no allocation), readers take a {@link PackView} of it (made at most once per
 * tick, when someone asks), so a reader never waits for a tick in progress and a tick never waits for a reader
 * longer than one copy.
 */
final class LatestTick implements PackState {

    private final PackDescription pack;
    private final PackReading reading;
    private final Decision decision;
    private long tick;
    private long timeMillis;
    private PackHealth health;
    private String model;
    private long durationNanos;
    private long latenessNanos;
    private List<String> fitWarnings = List.of();
    private PackView view;

    LatestTick(PackDescription pack) {
        this.pack = pack;
        this.reading = new PackReading(pack.cells());
        this.decision = new Decision(pack.cells());
    }

    synchronized void publish(PackState s) {
        reading.copyFrom(s.reading());
        decision.copyFrom(s.decision());
        tick = s.tick();
        timeMillis = s.timeMillis();
        health = s.health();
        model = s.model();
        durationNanos = s.tickDurationNanos();
        latenessNanos = s.tickLatenessNanos();
        fitWarnings = s.fitWarnings();
        view = null;
    }

    /** The view of the last completed tick, or null before the first one. */
    synchronized PackView view() {
        if (view == null && tick > 0) {
            view = PackView.of(this);
        }
        return view;
    }

    @Override
    public PackDescription pack() {
        return pack;
    }

    @Override
    public long tick() {
        return tick;
    }

    @Override
    public long timeMillis() {
        return timeMillis;
    }

    @Override
    public PackReading reading() {
        return reading;
    }

    @Override
    public Decision decision() {
        return decision;
    }

    @Override
    public PackHealth health() {
        return health;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public long tickDurationNanos() {
        return durationNanos;
    }

    @Override
    public long tickLatenessNanos() {
        return latenessNanos;
    }

    @Override
    public List<String> fitWarnings() {
        return fitWarnings;
    }
}
