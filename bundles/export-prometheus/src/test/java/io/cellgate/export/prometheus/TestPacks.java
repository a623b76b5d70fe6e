package io.cellgate.export.prometheus;

import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.api.testing.DummyPack;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.testing.DummyPackState;

/** The packs these tests scrape, made from the API's test doubles. */
final class TestPacks {

    private TestPacks() {
    }

    /** Cells at 3.70 V, 3.71 V …, a tick of 20 µs. */
    static PackStateBuffer state(String id, int cells) {
        return DummyPackState.of(id, cells).setTickDurationNanos(20_000);
    }

    /** Cell 3 open, pair 1 moving 0.5 A from cell 2 down to cell 1, pair 3 moving 0.25 A up, cell 4 bleeding 0.2 A. */
    static PackStateBuffer typical(PackStateBuffer s) {
        s.reading().set(2, Double.NaN, CellStatus.OPEN_WIRE);
        s.decision().setPair(0, PairDirection.UPPER_TO_LOWER, 0.5);
        s.decision().setPair(2, PairDirection.LOWER_TO_UPPER, 0.25);
        s.decision().setBleed(3, 0.2);
        s.decision().setIndicator(0, Indicator.ON);
        s.decision().setIndicator(2, Indicator.FLASHING);
        return s;
    }

    /** A running pack showing {@code latest} (null: not ticked yet) after {@code ticks} ticks. */
    static Pack pack(String id, int cells, PackView latest, long ticks) {
        return new DummyPack(id, cells, latest, ticks);
    }
}
