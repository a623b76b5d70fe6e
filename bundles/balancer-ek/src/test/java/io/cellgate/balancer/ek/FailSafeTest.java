package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.pack.PackReading;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A reading or decision of the wrong size gives the fail-safe decision")
class FailSafeTest {

    private static final String MESSAGE =
            "reading or decision not sized for this pack of 20 cells: fail-safe, nothing balances";

    private final EkBalancer balancer = new EkBalancer(EkProfile.DATASHEET, 20);

    @Test
    void readingOfOtherSizeFailsSafe_decision_sizeMismatch() {
        Decision d = new Decision(20);
        balancer.decide(PackReading.of(Bench.step(19, 4, 0.2)), d);
        assertEquals(BoardState.FAULT, d.boardState());
        assertEquals(0, d.balancingPairs());
        assertEquals(Indicator.FLASHING, d.indicator(0));
        assertEquals(List.of(MESSAGE), d.faults());
    }

    @Test
    void decisionOfOtherSizeFailsSafe_decision_sizeMismatch() {
        Decision d = new Decision(21);
        balancer.decide(PackReading.of(Bench.step(20, 4, 0.2)), d);
        assertEquals(BoardState.FAULT, d.boardState());
        assertEquals(List.of(MESSAGE), d.faults());
    }
}
