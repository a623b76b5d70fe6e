package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PairDirection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("\"0.05V voltage difference balancing current 0.5A 0.1V voltage difference reaches the maximum "
        + "balancing current of 1A\"; \"The balancing current is positively related to the adjacent voltage "
        + "difference\"")
class BalanceCurrentTest {

    private static final EkProfile DATASHEET = EkProfile.DATASHEET;
    private final Bench bench = Bench.datasheet(20);

    @Test
    void curveGives0_5AAt0_05V_datasheet_0_05V_0_5A() {
        assertEquals(0.5, DATASHEET.currentAmps(0.05), 1e-12);
        assertEquals(0.5, DATASHEET.currentAmps(-0.05), 1e-12);
    }

    @Test
    void curveGives1AAt0_1V_datasheet_0_1V_max1A() {
        assertEquals(1.0, DATASHEET.currentAmps(0.1), 1e-12);
    }

    @Test
    void curveNeverAbove1A_datasheet_maximum1A() {
        assertEquals(1.0, DATASHEET.currentAmps(0.3), 0);
        assertEquals(1.0, DATASHEET.currentAmps(1.5), 0);
    }

    @Test
    void curveBetweenStopAndTriggerGives0_3To1A_decision_linearCurve() {
        assertEquals(0.3, DATASHEET.currentAmps(0.03), 1e-12);
        assertEquals(0.7, DATASHEET.currentAmps(0.07), 1e-12);
    }

    @Test
    void balancingPairRunsAt0_5AWhenSettledTo0_05V_datasheet_0_05V_0_5A() {
        bench.tick(Bench.step(20, 4, 0.2));
        assertEquals(0.5, bench.tick(Bench.step(20, 4, 0.05)).amps(4), 1e-12);
    }

    @Test
    void pairRuns1AAt0_3V_datasheet_maximum1A() {
        assertEquals(1.0, bench.tick(Bench.step(20, 4, 0.3)).amps(4), 0);
    }

    @Test
    void pairRuns1AJustAboveTrigger_datasheet_0_1V_max1A() {
        assertEquals(1.0, bench.tick(Bench.step(20, 4, 0.1001)).amps(4), 0);
    }

    @Test
    void energyFlowsFromHigherToLowerCell_datasheet_activeEnergyTransfer() {
        Decision up = bench.tick(Bench.step(20, 4, 0.2));
        assertEquals(PairDirection.UPPER_TO_LOWER, up.direction(4), "cell 6 is higher than cell 5");
        Decision down = bench.tick(Bench.step(20, 4, -0.2));
        assertEquals(PairDirection.LOWER_TO_UPPER, down.direction(4), "cell 5 is higher than cell 6");
    }
}
