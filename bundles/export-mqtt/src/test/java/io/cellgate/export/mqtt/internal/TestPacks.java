package io.cellgate.export.mqtt.internal;

import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.api.testing.DummyPackState;

/** The packs these tests publish, made from the API's test doubles. */
final class TestPacks {

    /** 2025-11-24T16:00:00.123Z */
    static final long TIME_MILLIS = 1_764_000_000_123L;

    private TestPacks() {
    }

    /**
     * Pack {@code id} of {@code cells} cells (3.70 V, 3.71 V …) at tick {@code tick}: cell 3 open, pair 1 moving 0.5 A
     * from cell 2 to cell 1, the last cell bleeding 0.1 A.
     */
    static PackView view(String id, int cells, long tick) {
        return view(DummyPackState.of(id, cells), tick);
    }

    /** The same, of the pack {@code pack} (one pack's views share its description, as the engine's ticks do). */
    static PackView view(String id, int cells, long tick, PackDescription pack) {
        return view(new PackStateBuffer(pack).copyFrom(DummyPackState.of(id, cells)), tick);
    }

    private static PackView view(PackStateBuffer s, long tick) {
        int cells = s.pack().cells();
        s.setTick(tick).setTickDurationNanos(15_000).setTickLatenessNanos(1_000).setTimeMillis(TIME_MILLIS);
        s.reading().set(2, Double.NaN, CellStatus.OPEN_WIRE);
        s.decision().setPair(0, PairDirection.UPPER_TO_LOWER, 0.5);
        s.decision().setBleed(cells - 1, 0.1);
        s.decision().setIndicator(0, Indicator.ON);
        s.decision().setIndicator(1, Indicator.ON);
        s.decision().setIndicator(2, Indicator.FLASHING);
        s.decision().addFault("cell 3: bad battery contact");
        return PackView.of(s);
    }
}
