package io.cellgate.balancer.passive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackReading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("foxBMS 2 voltage-based strategy: BAL_DEFAULT_THRESHOLD_mV (200), BAL_HYSTERESIS_mV (200), "
        + "BAL_LOWER_VOLTAGE_LIMIT_mV (2000), BAL_UPPER_TEMPERATURE_LIMIT_ddegC (700)")
class FoxbmsStrategyTest {

    private final Bench b = Bench.of(PassiveProfile.FOXBMS, Chemistry.NCM, 8);

    @Test
    void idleBoardDoesNotStartAt400mV_foxbms_thresholdPlusHysteresis() {
        b.tick(Bench.raised(8, 3.6, 3, 0.400));
        assertEquals(0, b.bleedingCells());
        assertEquals(BoardState.SLEEP, b.decision.boardState());
    }

    @Test
    void idleBoardStartsAbove400mV_foxbms_thresholdPlusHysteresis() {
        b.tick(Bench.raised(8, 3.6, 3, 0.401));
        assertTrue(b.bleeds(3));
        assertTrue(b.on(3));
        assertEquals(BoardState.ACTIVE, b.decision.boardState());
    }

    @Test
    void startedBoardBleedsEveryCellAbove200mV_foxbms_balancingThresholdOnceStarted() {
        double[] v = Bench.raised(8, 3.6, 3, 0.450);
        v[5] = 3.6 + 0.201;
        v[6] = 3.6 + 0.200;
        b.tick(v);
        assertTrue(b.bleeds(3));
        assertTrue(b.bleeds(5), "201 mV above the lowest bleeds once started");
        assertFalse(b.bleeds(6), "exactly 200 mV does not: \"> (min + balancingThreshold)\"");
        assertEquals(2, b.bleedingCells());
    }

    @Test
    void startedBoardGoesOnBetween200And400mVThenStopsAt200mV_foxbms_hysteresis() {
        b.tick(Bench.raised(8, 3.6, 3, 0.450));
        b.tick(Bench.raised(8, 3.6, 3, 0.300));
        assertTrue(b.bleeds(3), "started: 300 mV is above the 200 mV threshold");
        b.tick(Bench.raised(8, 3.6, 3, 0.200));
        assertEquals(0, b.bleedingCells(), "finished at 200 mV");
        b.tick(Bench.raised(8, 3.6, 3, 0.300));
        assertEquals(0, b.bleedingCells(), "finished: needs threshold plus hysteresis again");
    }

    @Test
    void bleedCurrentIsTheCellVoltageOverTheResistor_ohmsLaw() {
        b.tick(Bench.raised(8, 3.6, 3, 0.500));
        assertEquals(4.1 / 33, b.decision.bleedAmps(3), 1e-12);
        assertEquals(4.5 / 33, new PassiveModel(PassiveProfile.FOXBMS, "x").descriptor().maxAmps(), 1e-12);
    }

    @Test
    void stopsWhenTheLowestCellIsAtOrBelow2V_foxbms_lowerVoltageLimit() {
        b.tick(Bench.raised(8, 3.0, 3, 0.500));
        assertTrue(b.bleeds(3));
        double[] v = Bench.raised(8, 3.0, 3, 0.500);
        v[0] = 2.0;
        b.tick(v);
        assertEquals(0, b.bleedingCells(), "2.000 V is at the limit: \"<= BAL_LOWER_VOLTAGE_LIMIT_mV\"");
        assertEquals(Indicator.FLASHING, b.decision.indicator(0));
        assertEquals(BoardState.FAULT, b.decision.boardState());
    }

    @Test
    void bleedsAgainAboveTheLowerLimitWhenTheTriggerHolds() {
        double[] v = Bench.raised(8, 3.0, 3, 0.500);
        v[0] = 2.0;
        b.tick(v);
        v[0] = 2.9;
        b.tick(v);
        assertTrue(b.bleeds(3), "500 mV above a 2.9 V lowest cell... 3.5 - 2.9 = 600 mV, started");
    }

    @Test
    void stopsAt70CelsiusAndWorksJustBelow_foxbms_upperTemperatureLimit() {
        b.assertStopsAtCelsius(70, Bench.raised(8, 3.6, 3, 0.500), 3); // ">= BAL_UPPER_TEMPERATURE_LIMIT_ddegC"
        assertEquals(BoardState.FAULT, b.decision.boardState());
        assertTrue(b.decision.faults().contains("temperature at or above 70 °C: all bleeding stopped"));
    }

    @Test
    void unknownTemperatureIsNoFault() {
        PackReading r = PackReading.of(Bench.raised(8, 3.6, 3, 0.500));
        r.setTemperatureCelsius(Double.NaN);
        b.tick(r);
        assertTrue(b.bleeds(3));
        assertEquals(BoardState.ACTIVE, b.decision.boardState());
    }
}
