package io.cellgate.export.mqtt.internal;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.telemetry.PackSnapshot;
import io.cellgate.api.telemetry.PackState;

/** A live pack state to hand to listeners in tests, as the runtime would after a tick. */
final class TestPacks {

    private TestPacks() {
    }

    static final class State implements PackState {
        final PackDescription pack;
        final PackReading reading;
        final Decision decision;
        long tick;
        PackHealth health = PackHealth.OK;
        String model = "EK-L20S1A/datasheet";

        State(String id, int cells) {
            pack = new PackDescription(id, cells, Chemistry.NCM);
            reading = new PackReading(cells);
            decision = new Decision(cells);
            for (int c = 0; c < cells; c++) {
                reading.set(c, 3.7 + 0.01 * c, CellStatus.OK);
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
            return health;
        }

        @Override
        public String model() {
            return model;
        }

        @Override
        public long tickDurationNanos() {
            return 15_000;
        }

        @Override
        public long tickLatenessNanos() {
            return 1_000;
        }
    }

    /** Pack {@code id} of {@code cells} cells at tick {@code tick}: cell 3 open, pair 2 moving 0.5 A from cell 3 to 2. */
    static PackSnapshot snapshot(String id, int cells, long tick) {
        State s = new State(id, cells);
        s.tick = tick;
        s.reading.set(2, Double.NaN, CellStatus.OPEN_WIRE);
        s.decision.setPair(0, PairDirection.UPPER_TO_LOWER, 0.5);
        s.decision.setIndicator(0, Indicator.ON);
        s.decision.setIndicator(1, Indicator.ON);
        s.decision.setIndicator(2, Indicator.FLASHING);
        s.decision.addFault("cell 3: bad battery contact");
        return PackSnapshot.of(s);
    }
}
