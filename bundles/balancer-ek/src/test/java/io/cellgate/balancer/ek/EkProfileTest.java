package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellgate.api.balancer.Microvolts;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@DisplayName("EkProfile holds the datasheet's figures and rejects impossible ones")
class EkProfileTest {

    private static final EkProfile D = EkProfile.DATASHEET;

    @Test
    void datasheetFigures_datasheet_technicalParameters() {
        assertEquals(0.100, D.triggerVolts());
        assertEquals(0.030, D.stopVolts());
        assertEquals(100_000, Microvolts.of(D.triggerVolts()));
        assertEquals(30_000, Microvolts.of(D.stopVolts()));
        assertEquals(10.0, D.ampsPerVolt());
        assertEquals(1.0, D.maxAmps());
        assertEquals(3.0, D.minCellVolts());
        assertEquals(4.5, D.maxCellVolts());
        assertEquals(-20.0, D.minCelsius());
        assertEquals(60.0, D.maxCelsius());
        assertEquals(10e-6, D.quiescentAmps());
        assertEquals(0.005, D.activeDrawAmps());
        assertEquals(20, D.strings());
    }

    @Test
    void parametersNameEveryFigure_decision_modelDescriptorParameters() {
        assertEquals(Map.ofEntries(
                Map.entry("trigger.volts", 0.1), Map.entry("stop.volts", 0.03),
                Map.entry("amps.per.volt", 10.0), Map.entry("max.amps", 1.0),
                Map.entry("min.cell.volts", 3.0), Map.entry("max.cell.volts", 4.5),
                Map.entry("min.celsius", -20.0), Map.entry("max.celsius", 60.0),
                Map.entry("quiescent.amps", 10e-6), Map.entry("active.draw.amps", 0.005),
                Map.entry("strings", 20.0)), D.toParameters());
    }

    private static void assertRejected(String message, Executable construction) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construction).getMessage());
    }

    @Test
    void stopMustBeBelowTrigger_datasheet_gt_0_1V_le_0_03V() {
        assertRejected("stopVolts=0.1 must be below triggerVolts=0.1",
                () -> new EkProfile(0.1, 0.1, 10, 1, 3, 4.5, -20, 60, 1e-5, 0.005, 20));
        assertRejected("stopVolts=0.0 must be at least 0.000001 V (1 µV)",
                () -> new EkProfile(0.1, 0.0, 10, 1, 3, 4.5, -20, 60, 1e-5, 0.005, 20));
    }

    @Test
    void currentsMustBePositive_decision_profileValidation() {
        assertRejected("ampsPerVolt=0.0 must be > 0",
                () -> new EkProfile(0.1, 0.03, 0, 1, 3, 4.5, -20, 60, 1e-5, 0.005, 20));
        assertRejected("maxAmps=-1.0 must be > 0",
                () -> new EkProfile(0.1, 0.03, 10, -1, 3, 4.5, -20, 60, 1e-5, 0.005, 20));
        assertRejected("quiescentAmps=-1.0E-5 must be >= 0",
                () -> new EkProfile(0.1, 0.03, 10, 1, 3, 4.5, -20, 60, -1e-5, 0.005, 20));
        assertRejected("activeDrawAmps=NaN must be a finite number",
                () -> new EkProfile(0.1, 0.03, 10, 1, 3, 4.5, -20, 60, 1e-5, Double.NaN, 20));
    }

    @Test
    void rangesMustBeRanges_decision_profileValidation() {
        assertRejected("minCellVolts=4.5 must be below maxCellVolts=3.0",
                () -> new EkProfile(0.1, 0.03, 10, 1, 4.5, 3.0, -20, 60, 1e-5, 0.005, 20));
        assertRejected("minCelsius=60.0 must be below maxCelsius=60.0",
                () -> new EkProfile(0.1, 0.03, 10, 1, 3, 4.5, 60, 60, 1e-5, 0.005, 20));
        assertRejected("triggerVolts=Infinity must be a finite number",
                () -> new EkProfile(Double.POSITIVE_INFINITY, 0.03, 10, 1, 3, 4.5, -20, 60, 1e-5, 0.005, 20));
    }
}
