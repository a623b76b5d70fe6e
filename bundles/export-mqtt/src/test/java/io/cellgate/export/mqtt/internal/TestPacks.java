package io.cellgate.export.mqtt.internal;

import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.telemetry.PackSnapshot;
import io.cellgate.api.testing.DummyPackState;

/** The packs these tests publish, made from the API's test doubles. */
final class TestPacks {

    private TestPacks() {
    }

    /** Pack {@code id} of {@code cells} cells at tick {@code tick}: cell 3 open, pair 2 moving 0.5 A from cell 3 to 2. */
    static PackSnapshot snapshot(String id, int cells, long tick) {
        DummyPackState s = new DummyPackState(id, cells).setTick(tick).setTickDurationNanos(15_000)
                .setTickLatenessNanos(1_000);
        s.reading().set(2, Double.NaN, CellStatus.OPEN_WIRE);
        s.decision().setPair(0, PairDirection.UPPER_TO_LOWER, 0.5);
        s.decision().setIndicator(0, Indicator.ON);
        s.decision().setIndicator(1, Indicator.ON);
        s.decision().setIndicator(2, Indicator.FLASHING);
        s.decision().addFault("cell 3: bad battery contact");
        return PackSnapshot.of(s);
    }
}
