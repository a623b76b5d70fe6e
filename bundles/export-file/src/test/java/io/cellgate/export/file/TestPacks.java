package io.cellgate.export.file;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.telemetry.PackSnapshot;
import io.cellgate.api.telemetry.PackState;

/** Pack states as the runtime hands them to listeners, for tests. */
final class TestPacks {

    private TestPacks() {
    }

    static final class State implements PackState {
        final PackDescription pack;
        final PackReading reading;
        final Decision decision;
        long tick = 1;

        State(String id, int cells) {
            pack = new PackDescription(id, cells, Chemistry.NCM);
            reading = new PackReading(cells);
            decision = new Decision(cells);
            for (int c = 0; c < cells; c++) {
                reading.set(c, 3.7 + 0.001 * c, CellStatus.OK);
            }
            decision.setBoardState(BoardState.ACTIVE);
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
        public PackReading reading() {
            return reading;
        }

        @Override
        public Decision decision() {
            return decision;
        }

        @Override
        public PackHealth health() {
            return PackHealth.OK;
        }

        @Override
        public String model() {
            return "EK-L20S1A/datasheet";
        }

        @Override
        public long tickDurationNanos() {
            return 10_000;
        }

        @Override
        public long tickLatenessNanos() {
            return 0;
        }
    }

    /** Tick {@code tick} of pack {@code id}: cell 2 open, pair 1 moving 0.5 A from cell 2 down to cell 1. */
    static PackSnapshot snapshot(String id, int cells, long tick) {
        State s = new State(id, cells);
        s.tick = tick;
        s.reading.set(1, Double.NaN, CellStatus.OPEN_WIRE);
        s.decision.setPair(0, PairDirection.UPPER_TO_LOWER, 0.5);
        return PackSnapshot.of(s);
    }
}
