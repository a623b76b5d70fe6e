package io.cellgate.balancer.passive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackReading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Libre Solar bms-firmware: bal_cell_voltage_diff = 0.01F, bal_cell_voltage_min = 3.30F (LFP) / 3.80F "
        + "(NMC), cell_voltage_max > bal_cell_voltage_min")
class LibreSolarStrategyTest {

    private static Bench ncm() {
        return Bench.of(PassiveProfile.LIBRESOLAR, Chemistry.NCM, 8);
    }

    private static Bench lfp() {
        return Bench.of(PassiveProfile.LIBRESOLAR, Chemistry.LFP, 8);
    }

    @Test
    void bleedsCellsMoreThan10mVAboveTheLowest_libresolar_balCellVoltageDiff() {
        Bench b = ncm();
        double[] v = Bench.raised(8, 3.9, 2, 0.011);
        v[5] = 3.910;
        b.tick(v);
        assertTrue(b.bleeds(2));
        assertFalse(b.bleeds(5), "exactly 10 mV: \"> bal_cell_voltage_diff\" is strict");
        assertEquals(1, b.bleedingCells());
    }

    @Test
    void noHysteresis_libresolar_sameThresholdToStartAndToGoOn() {
        Bench b = ncm();
        b.tick(Bench.raised(8, 3.9, 2, 0.030));
        assertTrue(b.bleeds(2));
        b.tick(Bench.raised(8, 3.9, 2, 0.010));
        assertEquals(0, b.bleedingCells());
        b.tick(Bench.raised(8, 3.9, 2, 0.011));
        assertTrue(b.bleeds(2));
    }

    @Test
    void ncmBleedsOnlyWhileTheHighestCellIsAbove3_80V_libresolar_balCellVoltageMinNmc() {
        Bench b = ncm();
        b.tick(Bench.raised(8, 3.75, 2, 0.050));
        assertEquals(0, b.bleedingCells(), "highest cell at exactly 3.80 V");
        b.tick(Bench.raised(8, 3.75, 2, 0.051));
        assertTrue(b.bleeds(2), "highest cell at 3.801 V");
    }

    @Test
    void lfpBleedsOnlyWhileTheHighestCellIsAbove3_30V_libresolar_balCellVoltageMinLfp() {
        Bench b = lfp();
        b.tick(Bench.raised(8, 3.28, 2, 0.020));
        assertEquals(0, b.bleedingCells(), "highest cell at exactly 3.30 V");
        b.tick(Bench.raised(8, 3.28, 2, 0.021));
        assertTrue(b.bleeds(2), "highest cell at 3.301 V");
    }

    @Test
    void lfpStopsAtOrBelowTheUndervoltageLimit_libresolar_cellUvLimitLfp() {
        Bench b = lfp();
        double[] v = Bench.raised(8, 3.32, 2, 0.050);
        v[7] = 2.50;
        b.tick(v);
        assertEquals(0, b.bleedingCells());
        v[7] = 2.51;
        b.tick(v);
        assertTrue(b.bleeds(2));
    }

    @Test
    void stopsAt45Celsius_libresolar_chgOtLimit() {
        Bench b = ncm();
        PackReading r = PackReading.of(Bench.raised(8, 3.9, 2, 0.050));
        r.setTemperatureCelsius(44.9);
        b.tick(r);
        assertTrue(b.bleeds(2));
        r.setTemperatureCelsius(45);
        b.tick(r);
        assertEquals(0, b.bleedingCells());
    }
}
