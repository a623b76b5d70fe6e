package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("\"Cascading: Support (Not recommended)\"; \"This balancing board is not recommended for cascade use "
        + "as the balancing effect is not obvious.\"")
class CascadingTest {

    private static final String FORTY_ON_2X20S = "cascade: 2 boards of 20S on 40 cells, pair 20 between boards is "
            + "not balanced; cascading is not recommended";

    private final Bench bench = Bench.datasheet(40);

    @Test
    void pairBetweenBoardsNeverBalances_datasheet_effectNotObvious() {
        for (double delta : new double[] {0.1001, 0.2, 0.5}) {
            Decision d = bench.tick(Bench.step(40, 19, delta));
            assertFalse(d.isBalancing(19), "pair 20 at " + delta + " V");
            assertEquals(Indicator.OFF, d.indicator(19));
            assertEquals(Indicator.OFF, d.indicator(20));
        }
    }

    @Test
    void pairsBesideTheBoundaryBalance_datasheet_cascadingSupported() {
        Decision d = bench.tick(Bench.flatBut(40, 3.7, 19, 3.9, 20, 3.5));
        assertTrue(d.isBalancing(18), "pair 19, top of board 1");
        assertTrue(d.isBalancing(20), "pair 21, bottom of board 2");
        assertFalse(d.isBalancing(19));
    }

    @Test
    void warnsEveryTickWithoutFault_datasheet_notRecommended() {
        Decision d = bench.tick(Bench.step(40, 4, 0.2));
        assertEquals(List.of(FORTY_ON_2X20S), d.faults());
        assertEquals(BoardState.ACTIVE, d.boardState());
        assertEquals(List.of(FORTY_ON_2X20S), bench.tick(Bench.flat(40, 3.7)).faults());
    }

    @Test
    void eachBoardSleepsOnItsOwn_decision_cascadeDraw() {
        EkProfile p = EkProfile.DATASHEET;
        Decision asleep = bench.tick(Bench.flat(40, 3.7));
        assertEquals(BoardState.SLEEP, asleep.boardState());
        assertEquals(2 * p.quiescentAmps(), asleep.boardDrawAmps(), 1e-15);
        Decision oneAwake = bench.tick(Bench.step(40, 24, 0.2));
        assertEquals(BoardState.ACTIVE, oneAwake.boardState());
        assertEquals(p.activeDrawAmps() + p.quiescentAmps(), oneAwake.boardDrawAmps(), 1e-15);
    }

    @Test
    void boundaryDifferenceDoesNotKeepABoardAwake_decision_cascadeSleep() {
        Decision d = bench.tick(Bench.step(40, 19, 0.5));
        assertEquals(BoardState.SLEEP, d.boardState(), "no board sees pair 20");
    }

    @Test
    void threeBoardsNameBothBoundaryPairs_decision_48CellsOn20S() {
        Decision d = Bench.datasheet(48).tick(Bench.flat(48, 3.7));
        assertEquals("cascade: 3 boards of 20S on 48 cells, pairs 20, 40 between boards are not balanced; "
                + "cascading is not recommended", d.faults().get(1));
    }
}
