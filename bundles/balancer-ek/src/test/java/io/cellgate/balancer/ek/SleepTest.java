package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("\"When the adjacent voltage difference is less than 30mV, it enters sleep state\"; "
        + "\"Quiescent Operating Current 10uA\"")
class SleepTest {

    private static final double QUIESCENT_AMPS = 10e-6;
    private static final double ACTIVE_AMPS = EkProfile.DATASHEET.activeDrawAmps();

    private final Bench bench = Bench.datasheet(20);

    private void assertBoard(BoardState state, double drawAmps, Decision d) {
        assertEquals(state, d.boardState());
        assertEquals(drawAmps, d.boardDrawAmps(), 1e-15);
    }

    @Test
    void freshBoardStartsAwake_decision_freshBoard() {
        Decision d = bench.tick(Bench.step(20, 4, 0.05));
        assertEquals(0, d.balancingPairs());
        assertBoard(BoardState.ACTIVE, ACTIVE_AMPS, d);
    }

    @Test
    void sleepsBelow30mVDrawing10uA_datasheet_lt_30mV_10uA() {
        Decision d = bench.tick(Bench.step(20, 4, 0.0299));
        assertBoard(BoardState.SLEEP, QUIESCENT_AMPS, d);
    }

    @Test
    void staysAwakeAt30_1mV_datasheet_lt_30mV() {
        assertBoard(BoardState.ACTIVE, ACTIVE_AMPS, bench.tick(Bench.step(20, 4, 0.0301)));
    }

    @Test
    void exactly30mVStopsThePairButDoesNotSleep_decision_exactly30mV() {
        bench.tick(Bench.step(20, 4, 0.2));
        Decision d = bench.tick(Bench.step(20, 4, 0.0300));
        assertEquals(0, d.balancingPairs(), "≤0.03V: balancing is completed");
        assertBoard(BoardState.ACTIVE, ACTIVE_AMPS, d);
        assertBoard(BoardState.SLEEP, QUIESCENT_AMPS, bench.tick(Bench.step(20, 4, 0.0299)));
    }

    @Test
    void staysAsleepUpToTheTrigger_datasheet_gt_0_1V() {
        bench.tick(Bench.flat(20, 3.7));
        assertBoard(BoardState.SLEEP, QUIESCENT_AMPS, bench.tick(Bench.step(20, 4, 0.05)));
        assertBoard(BoardState.SLEEP, QUIESCENT_AMPS, bench.tick(Bench.step(20, 4, 0.1)));
    }

    @Test
    void wakesAboveTheTrigger_datasheet_gt_0_1V() {
        bench.tick(Bench.flat(20, 3.7));
        Decision d = bench.tick(Bench.step(20, 4, 0.1001));
        assertTrue(d.isBalancing(4));
        assertBoard(BoardState.ACTIVE, ACTIVE_AMPS, d);
    }

    @Test
    void sleepsAgainWhenBalancingCompletes_datasheet_lt_30mV() {
        bench.tick(Bench.step(20, 4, 0.2));
        assertBoard(BoardState.ACTIVE, ACTIVE_AMPS, bench.tick(Bench.step(20, 4, 0.05)));
        assertBoard(BoardState.SLEEP, QUIESCENT_AMPS, bench.tick(Bench.step(20, 4, 0.01)));
    }

    @Test
    void drawsFromThePackAlways_datasheet_noExternalPowerSupplyRequired() {
        assertTrue(bench.tick(Bench.flat(20, 3.7)).boardDrawAmps() > 0);
        assertTrue(bench.tick(Bench.step(20, 4, 0.2)).boardDrawAmps() > 0);
    }
}
