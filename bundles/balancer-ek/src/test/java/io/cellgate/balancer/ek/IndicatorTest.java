package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("\"Each battery corresponds to an LED indicator\": \"Always on: in equilibrium; Flashing: Bad battery "
        + "contact; Go out: Equalization completed/no equalization required\"")
class IndicatorTest {

    private final Bench bench = Bench.datasheet(20);

    @Test
    void onForBothCellsOfABalancingPair_datasheet_alwaysOnInEquilibrium() {
        Decision d = bench.tick(Bench.step(20, 4, 0.2));
        for (int cell = 0; cell < 20; cell++) {
            assertEquals(cell == 4 || cell == 5 ? Indicator.ON : Indicator.OFF, d.indicator(cell), "cell " + cell);
        }
    }

    @Test
    void flashingWinsOverANeighboursBalancing_datasheet_flashingBadContact() {
        Decision d = bench.tick(Bench.flatBut(20, 3.7, 5, 3.9, 6, Double.NaN));
        Bench.assertIndicators(d, 4, Indicator.ON, Indicator.ON, Indicator.FLASHING, Indicator.OFF);
    }

    @Test
    void offWhenCompleted_datasheet_goOutEqualizationCompleted() {
        bench.tick(Bench.step(20, 4, 0.2));
        Decision d = bench.tick(Bench.step(20, 4, 0.03));
        for (int cell = 0; cell < 20; cell++) {
            assertEquals(Indicator.OFF, d.indicator(cell));
        }
    }

    @Test
    void offWhenNoneRequired_datasheet_goOutNoEqualizationRequired() {
        Decision d = bench.tick(Bench.step(20, 4, 0.08));
        for (int cell = 0; cell < 20; cell++) {
            assertEquals(Indicator.OFF, d.indicator(cell));
        }
    }
}
