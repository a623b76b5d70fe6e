package io.cellgate.api.telemetry;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import java.util.List;

/**
 * A pack state that owns its reading and decision buffers and is filled by whoever holds it: a copy of a tick kept
 * past the listener call ({@link #copyFrom}, allocation-free), or a state made by hand for a test. Not thread-safe;
 * its holder guards it.
 */
public final class PackStateBuffer implements PackState {

    private final PackDescription pack;
    private final PackReading reading;
    private final Decision decision;
    private long tick;
    private long timeMillis;
    private PackHealth health = PackHealth.OK;
    private String model;
    private long durationNanos;
    private long latenessNanos;
    private List<String> fitWarnings = List.of();

    /** Tick 0, health OK, no model; every cell unread, nothing decided. */
    public PackStateBuffer(PackDescription pack) {
        this.pack = pack;
        this.reading = new PackReading(pack.cells());
        this.decision = new Decision(pack.cells());
    }

    /** Copies every figure of {@code state}, a state of a pack of the same number of cells. */
    public PackStateBuffer copyFrom(PackState state) {
        reading.copyFrom(state.reading());
        decision.copyFrom(state.decision());
        tick = state.tick();
        timeMillis = state.timeMillis();
        health = state.health();
        model = state.model();
        durationNanos = state.tickDurationNanos();
        latenessNanos = state.tickLatenessNanos();
        fitWarnings = state.fitWarnings(); // an immutable list the engine makes when the model changes: no copy
        return this;
    }

    /** What the pack's model warns about the pack (low strings, a cascade), none when it fits. */
    public PackStateBuffer setFitWarnings(List<String> warnings) {
        fitWarnings = List.copyOf(warnings);
        return this;
    }

    public PackStateBuffer setTick(long tickNumber) {
        tick = tickNumber;
        return this;
    }

    public PackStateBuffer setTimeMillis(long wallClockMillis) {
        timeMillis = wallClockMillis;
        return this;
    }

    public PackStateBuffer setHealth(PackHealth packHealth) {
        health = packHealth;
        return this;
    }

    public PackStateBuffer setModel(String modelName) {
        model = modelName;
        return this;
    }

    public PackStateBuffer setTickDurationNanos(long nanos) {
        durationNanos = nanos;
        return this;
    }

    public PackStateBuffer setTickLatenessNanos(long nanos) {
        latenessNanos = nanos;
        return this;
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
    public List<String> fitWarnings() {
        return fitWarnings;
    }

    @Override
    public long tickLatenessNanos() {
        return latenessNanos;
    }
}
