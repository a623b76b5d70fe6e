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

@DisplayName("\"Working Temperature -20°C - +60°C\"")
class TemperatureTest {

    private final Bench bench = Bench.datasheet(20);

    private Decision balanceAt(double celsius) {
        return bench.temperature(celsius).tick(Bench.step(20, 4, 0.2));
    }

    @Test
    void stopsAtMinus20_1C_datasheet_minus20To60C() {
        Decision d = balanceAt(-20.1);
        assertEquals(0, d.balancingPairs());
        assertEquals(BoardState.FAULT, d.boardState());
        assertEquals(List.of("temperature below the working range (-20 to 60 °C): all pairs stopped"), d.faults());
        for (int cell = 0; cell < 20; cell++) {
            assertEquals(Indicator.OFF, d.indicator(cell), "temperature does not flash the indicators");
        }
    }

    @Test
    void worksAtMinus20C_datasheet_minus20To60C() {
        Decision d = balanceAt(-20);
        assertTrue(d.isBalancing(4));
        assertEquals(BoardState.ACTIVE, d.boardState());
    }

    @Test
    void worksAt60C_datasheet_minus20To60C() {
        assertTrue(balanceAt(60).isBalancing(4));
    }

    @Test
    void stopsAt60_1C_datasheet_minus20To60C() {
        Decision d = balanceAt(60.1);
        assertEquals(0, d.balancingPairs());
        assertEquals(BoardState.FAULT, d.boardState());
        assertEquals(List.of("temperature above the working range (-20 to 60 °C): all pairs stopped"), d.faults());
    }

    @Test
    void unknownTemperatureIsNoFault_decision_NaN() {
        assertTrue(balanceAt(Double.NaN).isBalancing(4));
    }

    @Test
    void resumesOnlyAboveTheTriggerAfterwards_datasheet_gt_0_1V() {
        balanceAt(25);
        bench.temperature(70).tick(Bench.step(20, 4, 0.06));
        assertFalse(bench.temperature(25).tick(Bench.step(20, 4, 0.06)).isBalancing(4));
        assertTrue(balanceAt(25).isBalancing(4));
    }
}
