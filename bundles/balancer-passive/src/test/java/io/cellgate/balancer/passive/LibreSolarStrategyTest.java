package io.cellgate.balancer.passive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.pack.Chemistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Libre Solar bms-firmware: bal_cell_voltage_diff = 0.01F, bal_cell_voltage_min = 3.30F (LFP) / 3.80F "
        + "(NMC), cell_voltage_max > bal_cell_voltage_min")
class LibreSolarStrategyTest {

    private final Bench ncm = Bench.of(PassiveProfile.LIBRESOLAR, Chemistry.NCM, 8);
    private final Bench lfp = Bench.of(PassiveProfile.LIBRESOLAR, Chemistry.LFP, 8);

    @Test
    void bleedsCellsMoreThan10mVAboveTheLowest_libresolar_balCellVoltageDiff() {
        double[] v = Bench.raised(8, 3.9, 2, 0.011);
        v[5] = 3.910;
        ncm.tick(v);
        assertTrue(ncm.bleeds(2));
        assertFalse(ncm.bleeds(5), "exactly 10 mV: \"> bal_cell_voltage_diff\" is strict");
        assertEquals(1, ncm.bleedingCells());
    }

    @Test
    void noHysteresis_libresolar_sameThresholdToStartAndToGoOn() {
        ncm.tick(Bench.raised(8, 3.9, 2, 0.030));
        assertTrue(ncm.bleeds(2));
        ncm.tick(Bench.raised(8, 3.9, 2, 0.010));
        assertEquals(0, ncm.bleedingCells());
        ncm.tick(Bench.raised(8, 3.9, 2, 0.011));
        assertTrue(ncm.bleeds(2));
    }

    /** bal_cell_voltage_min: 3.80 V for NMC, 3.30 V for LFP; the highest cell stands {@code atGate} above the rest. */
    @ParameterizedTest(name = "{0}: nothing bleeds with the highest cell at {3} V, cell 3 bleeds 1 mV above")
    @CsvSource({"NCM, 3.75, 0.050, 3.80", "LFP, 3.28, 0.020, 3.30"})
    void bleedsOnlyWhileTheHighestCellIsAboveTheStartGate_libresolar_balCellVoltageMin(Chemistry chemistry,
            double others, double atGate, double gateVolts) {
        Bench b = Bench.of(PassiveProfile.LIBRESOLAR, chemistry, 8);
        b.tick(Bench.raised(8, others, 2, atGate));
        assertEquals(0, b.bleedingCells(), "highest cell at exactly " + gateVolts + " V");
        b.tick(Bench.raised(8, others, 2, atGate + 0.001));
        assertTrue(b.bleeds(2), "highest cell 1 mV above " + gateVolts + " V");
    }

    @Test
    void lfpStopsAtOrBelowTheUndervoltageLimit_libresolar_cellUvLimitLfp() {
        double[] v = Bench.raised(8, 3.32, 2, 0.050);
        v[7] = 2.50;
        lfp.tick(v);
        assertEquals(0, lfp.bleedingCells());
        v[7] = 2.51;
        lfp.tick(v);
        assertTrue(lfp.bleeds(2));
    }

    @Test
    void stopsAt45Celsius_libresolar_chgOtLimit() {
        ncm.assertStopsAtCelsius(45, Bench.raised(8, 3.9, 2, 0.050), 2);
    }
}
