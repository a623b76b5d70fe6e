package io.cellgate.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PairDirection;
import org.junit.jupiter.api.Test;

class HeldDecisionTest {

    private final HeldDecision held = new HeldDecision(4);
    private final Decision decision = new Decision(4);

    @Test
    void aDecisionIsHeldUntilAPairABleedTheBoardOrItsDrawDiffers() {
        decision.setPair(1, PairDirection.UPPER_TO_LOWER, 0.5);
        decision.setBoardState(BoardState.ACTIVE);
        held.hold(decision, 0);
        assertTrue(held.holds(decision));
        assertEquals(1, held.activePairs());
        assertEquals(2, held.donor(0), "cell 3 gives");
        assertEquals(1, held.receiver(0));

        decision.setPair(1, PairDirection.UPPER_TO_LOWER, 0.4);
        assertFalse(held.holds(decision), "a new setpoint");
        decision.setPair(1, PairDirection.UPPER_TO_LOWER, 0.5);
        decision.setBleed(0, 0.06);
        assertFalse(held.holds(decision), "a bleed");
        decision.setBleed(0, 0);
        decision.setBoardDrawAmps(0.005);
        assertFalse(held.holds(decision), "the board's draw");
        decision.setBoardDrawAmps(0);
        decision.setBoardState(BoardState.SLEEP);
        assertFalse(held.holds(decision), "the board's state");
    }

    @Test
    void aCellIsBusyWhileItsPairIsHeldAndUntilTheDecisionThatLetItGo() {
        held.busyAll(0);
        decision.setPair(0, PairDirection.LOWER_TO_UPPER, 1.0);
        held.hold(decision, 1_000);
        assertEquals(5_000, held.busyNanos(0, 5_000), "held: busy until now");
        assertEquals(5_000, held.busyNanos(1, 5_000));
        assertEquals(0, held.busyNanos(3, 5_000), "never touched");

        decision.reset();
        held.hold(decision, 7_000);
        assertEquals(7_000, held.busyNanos(0, 9_000), "let go at 7 µs");
        assertEquals(7_000, held.busyNanos(1, 9_000));
        assertEquals(0, held.activePairs());
    }
}
