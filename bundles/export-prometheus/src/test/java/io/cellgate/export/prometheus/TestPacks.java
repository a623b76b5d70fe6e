package io.cellgate.export.prometheus;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.TickStats;
import io.cellgate.api.runtime.TickSummary;
import io.cellgate.api.telemetry.PackSnapshot;
import io.cellgate.api.telemetry.PackState;
import java.util.List;

/** Packs and pack states as the runtime shows them, for tests. */
final class TestPacks {

    private TestPacks() {
    }

    static final class State implements PackState {
        final PackDescription pack;
        final PackReading reading;
        final Decision decision;
        long tick = 1;
        long durationNanos = 20_000;
        PackHealth health = PackHealth.OK;

        State(String id, int cells) {
            pack = new PackDescription(id, cells, Chemistry.NCM);
            reading = new PackReading(cells);
            decision = new Decision(cells);
            for (int c = 0; c < cells; c++) {
                reading.set(c, 3.7 + 0.01 * c, CellStatus.OK);
            }
            decision.setBoardState(BoardState.ACTIVE);
        }

        /** Cell 3 open, pair 1 moving 0.5 A from cell 2 down to cell 1, pair 3 moving 0.25 A up. */
        State typical() {
            reading.set(2, Double.NaN, CellStatus.OPEN_WIRE);
            decision.setPair(0, PairDirection.UPPER_TO_LOWER, 0.5);
            decision.setPair(2, PairDirection.LOWER_TO_UPPER, 0.25);
            decision.setIndicator(0, Indicator.ON);
            decision.setIndicator(2, Indicator.FLASHING);
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
            return "EK-L20S1A/datasheet";
        }

        @Override
        public long tickDurationNanos() {
            return durationNanos;
        }

        @Override
        public long tickLatenessNanos() {
            return 0;
        }
    }

    /** A running pack showing {@code latest} (null: not ticked yet) after {@code ticks} ticks. */
    static Pack pack(String id, int cells, PackSnapshot latest, long ticks) {
        PackDescription d = new PackDescription(id, cells, Chemistry.NCM);
        return new Pack() {
            @Override
            public PackDescription description() {
                return d;
            }

            @Override
            public PackSnapshot latest() {
                return latest;
            }

            @Override
            public List<TickSummary> history(int n) {
                return List.of();
            }

            @Override
            public TickStats stats() {
                return new TickStats(ticks, 100_000_000, 0, 0, 0, 0, 0, 0);
            }

            @Override
            public List<ActiveFault> faults() {
                return List.of();
            }
        };
    }
}
