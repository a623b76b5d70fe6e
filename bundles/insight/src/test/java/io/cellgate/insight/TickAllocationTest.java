package io.cellgate.insight;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.testing.AllocationMeter;
import io.cellgate.api.testing.DummyPackState;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counting a tick allocates nothing: the ledgers' share of every pack's tick. */
class TickAllocationTest {

    private static final int TICKS = 100_000;

    @Test
    void countingATickAllocatesNoBytes(@TempDir Path dir) {
        assumeTrue(AllocationMeter.isSupported());
        PackStateBuffer state = DummyPackState.of("alloc", 24);
        state.decision().setPair(5, PairDirection.UPPER_TO_LOWER, 0.5);
        state.decision().setBleed(9, 0.1);
        state.decision().addFault("cell 13 is open"); // a fault the decision carries is copied, not made anew
        state.reading().setPackAmps(-4.0);
        Ledgers ledgers = new Ledgers(dir, ZoneOffset.UTC, () -> 0, line -> { }, line -> { });
        ledgers.open(state.pack());

        double perTick = AllocationMeter.bytesPerCall(TICKS, i -> {
            state.reading().setTimeNanos(state.reading().timeNanos() + 100_000_000);
            ledgers.record(state);
        }, i -> state.reading().setTimeNanos(state.reading().timeNanos() + 100_000_000));
        assertTrue(perTick < 1, perTick + " bytes per tick");
        assertTrue(ledgers.snapshot("alloc").orElseThrow().total().pairCoulombs(5) > 0);
    }
}
