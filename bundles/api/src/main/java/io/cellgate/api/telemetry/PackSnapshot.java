package io.cellgate.api.telemetry;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;

/** An immutable copy of a {@link PackState}, safe to keep and to read from any thread. */
public final class PackSnapshot implements PackState {

    private final PackDescription pack;
    private final long tick;
    private final PackReading reading;
    private final Decision decision;
    private final PackHealth health;
    private final String model;
    private final long durationNanos;
    private final long latenessNanos;

    private PackSnapshot(PackState s) {
        pack = s.pack();
        tick = s.tick();
        reading = new PackReading(pack.cells());
        reading.copyFrom(s.reading());
        decision = new Decision(pack.cells());
        decision.copyFrom(s.decision());
        health = s.health();
        model = s.model();
        durationNanos = s.tickDurationNanos();
        latenessNanos = s.tickLatenessNanos();
    }

    public static PackSnapshot of(PackState state) {
        return state instanceof PackSnapshot snapshot ? snapshot : new PackSnapshot(state);
    }

    @Override
    public PackDescription pack() {
        return pack;
    }

    @Override
    public long tick() {
        return tick;
    }

    /** A copy: changing it does not change the snapshot. */
    @Override
    public PackReading reading() {
        PackReading copy = new PackReading(pack.cells());
        copy.copyFrom(reading);
        return copy;
    }

    /** A copy: changing it does not change the snapshot. */
    @Override
    public Decision decision() {
        Decision copy = new Decision(pack.cells());
        copy.copyFrom(decision);
        return copy;
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
    public double maxAdjacentSpreadVolts() {
        return reading.maxAdjacentSpreadVolts();
    }
}
