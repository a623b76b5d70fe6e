package io.cellgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.balancer.Topology;
import io.cellgate.api.driver.BalanceOutput;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.driver.IndicatorOutput;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.api.testing.AllocationMeter;
import io.cellgate.api.testing.LogLines;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A steady tick allocates nothing: reading, checks, outputs, history, the copy kept for readers, listeners. */
class TickAllocationTest {

    private static final int CELLS = 24;
    private static final int TICKS = 100_000;
    private static final String FAULT = "cell 13 is open"; // built once, as a balancer should

    @Test
    void aSteadyTickAllocatesNoBytes() {
        assumeTrue(AllocationMeter.isSupported());
        long[] now = {0};
        Events log = new Events();
        PackEngine engine = new PackEngine(new PackDescription("alloc", CELLS, Chemistry.NCM), () -> now[0],
                () -> now[0] / 1_000_000, 3000, log);
        CellVoltageSource source = CellVoltageSource.of(CELLS, into -> {
            for (int c = 0; c < CELLS; c++) {
                into.set(c, 3.7 + (c == 5 ? 0.2 : 0), c == 12 ? CellStatus.OPEN_WIRE : CellStatus.OK);
            }
        });
        BalancerModel model = new BalancerModel() {
            private final ModelDescriptor descriptor = new ModelDescriptor("STEADY", "test", "tests", 2, 48,
                    Set.of(Chemistry.NCM), Topology.values()[0], 1.0, Map.of());

            @Override
            public ModelDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public Balancer create(PackDescription pack) {
                return (reading, out) -> {
                    out.setBoardState(BoardState.ACTIVE);
                    out.setPair(5, PairDirection.UPPER_TO_LOWER, 0.5);
                    out.addFault(FAULT);
                };
            }
        };
        Outputs outputs = new Outputs();
        long[] seen = {0};
        List<PackListener> listeners = List.of(state -> seen[0] += state.decision().balancingPairs());

        // the warm-up makes the model's balancer and the fault entry, and lets the JIT compile the tick
        double perTick = AllocationMeter.bytesPerCall(TICKS, i -> {
            now[0] += 100_000_000;
            engine.tick(now[0], source, model, outputs, outputs, listeners);
        }, i -> { });
        assertTrue(perTick < 1, perTick + " bytes per tick");
        assertTrue(seen[0] > 0);
        assertEquals(1, log.count("WARN alloc: fault: " + FAULT), "a steady fault is logged once: " + log);
    }

    /** Keeps what the engine logs: only when something changes, so a steady tick logs (and allocates) nothing. */
    private static final class Events extends LogLines implements PackEvents {
    }

    private static final class Outputs implements BalanceOutput, IndicatorOutput {
        @Override
        public void drive(Decision decision) {
        }

        @Override
        public void allOff() {
        }

        @Override
        public void show(Decision decision) {
        }
    }
}
