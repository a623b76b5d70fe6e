package io.cellgate.api.testing;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.telemetry.PackState;
import java.util.List;

/**
 * A pack state as the runtime hands it to a {@link io.cellgate.api.telemetry.PackListener} after a tick, made by
 * hand: an NCM pack whose cells read {@code firstVolts}, {@code firstVolts + stepVolts}, … all OK, a board ACTIVE
 * with nothing balancing, health OK, model {@code EK-L20S1A/datasheet}. Change its reading and decision freely.
 */
public final class DummyPackState implements PackState {

    private final PackDescription pack;
    private final PackReading reading;
    private final Decision decision;
    private long tick = 1;
    private PackHealth health = PackHealth.OK;
    private String model = "EK-L20S1A/datasheet";
    private long durationNanos = 10_000;
    private long latenessNanos;
    private long timeMillis = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private List<String> fitWarnings = List.of();

    public DummyPackState(String id, int cells, double firstVolts, double stepVolts) {
        pack = new PackDescription(id, cells, Chemistry.NCM);
        reading = new PackReading(cells);
        decision = new Decision(cells);
        for (int c = 0; c < cells; c++) {
            reading.set(c, firstVolts + stepVolts * c, CellStatus.OK);
        }
        decision.setBoardState(BoardState.ACTIVE);
    }

    /** Cells at 3.70 V, 3.71 V, 3.72 V … */
    public DummyPackState(String id, int cells) {
        this(id, cells, 3.70, 0.01);
    }

    /** @since 2.1 */
    public DummyPackState setFitWarnings(List<String> warnings) {
        fitWarnings = List.copyOf(warnings);
        return this;
    }

    public DummyPackState setTick(long tickNumber) {
        tick = tickNumber;
        return this;
    }

    public DummyPackState setHealth(PackHealth packHealth) {
        health = packHealth;
        return this;
    }

    public DummyPackState setModel(String modelName) {
        model = modelName;
        return this;
    }

    public DummyPackState setTickDurationNanos(long nanos) {
        durationNanos = nanos;
        return this;
    }

    public DummyPackState setTimeMillis(long wallClockMillis) {
        timeMillis = wallClockMillis;
        return this;
    }

    public DummyPackState setTickLatenessNanos(long nanos) {
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
    public long tickLatenessNanos() {
        return latenessNanos;
    }

    @Override
    public List<String> fitWarnings() {
        return fitWarnings;
    }
}
