package io.cellgate.export.file;

import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.api.testing.DummyPackState;

/** The packs these tests record, made from the API's test doubles. */
final class TestPacks {

    private TestPacks() {
    }

    /**
     * Tick {@code tick} of pack {@code id}, read at {@code wallMillis}: cells at 3.700 V, 3.701 V …, cell 2 open,
     * pair 1 moving 0.5 A down.
     */
    static PackView snapshot(String id, int cells, long tick, long wallMillis) {
        PackStateBuffer s = DummyPackState.of(id, cells, 3.7, 0.001).setTick(tick).setTimeMillis(wallMillis);
        s.reading().set(1, Double.NaN, CellStatus.OPEN_WIRE);
        s.decision().setPair(0, PairDirection.UPPER_TO_LOWER, 0.5);
        return PackView.of(s);
    }
}
