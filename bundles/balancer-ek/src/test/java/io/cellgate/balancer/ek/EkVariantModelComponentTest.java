package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

@DisplayName("A variant tunes the EK-L20S1A within its datasheet limits, or does not activate")
class EkVariantModelComponentTest {

    private static EkVariantModelComponent activate(Map<String, Object> properties) {
        return new EkVariantModelComponent(
                Converters.standardConverter().convert(properties).to(EkVariantConfig.class));
    }

    private static Map<String, Object> variant(String name, Object... keysAndValues) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("cellgate.variant", name);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private static void assertRejected(String message, Map<String, Object> properties) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> activate(properties)).getMessage());
    }

    @Test
    void defaultsAreTheDatasheetFigures_datasheet_technicalParameters() {
        EkVariantModelComponent component = activate(variant("copy"));
        assertEquals("copy", component.descriptor().variant());
        assertEquals(EkProfile.DATASHEET.toParameters(), component.descriptor().parameters());
    }

    @Test
    void tunesThresholdsAndStrings_decision_variant() {
        EkVariantModelComponent component = activate(variant("tuned", "cellgate.strings", 16, "trigger.mv", 40,
                "stop.mv", 10, "max.amps", 0.8));
        assertEquals(0.04, component.descriptor().parameter("trigger.volts"));
        assertEquals(0.01, component.descriptor().parameter("stop.volts"));
        assertEquals(16.0, component.descriptor().parameter("strings"));
        assertEquals(0.8, component.descriptor().maxAmps());
    }

    @Test
    void variantNameIsRequired_decision_variantValidation() {
        // DS hands over null for a property the configuration lacks
        assertRejected("cellgate.variant is missing: name the variant with 1 to 64 letters, digits, '-' or '_'",
                variant(null));
        assertRejected("cellgate.variant='datasheet' is taken by a built-in variant: choose another name",
                variant("datasheet"));
        assertRejected("cellgate.variant='l f p' is invalid: use 1 to 64 letters, digits, '-' or '_'",
                variant("l f p"));
    }

    @Test
    void stringsOutside2To24AreRejected_datasheet_2To24Strings() {
        assertRejected("cellgate.strings=1 is out of range: allowed 2 to 24 (\"Supports 2 to 24 battery strings\")",
                variant("x", "cellgate.strings", 1));
        assertRejected("cellgate.strings=25 is out of range: allowed 2 to 24 (\"Supports 2 to 24 battery strings\")",
                variant("x", "cellgate.strings", "25"));
        assertEquals(2.0, activate(variant("x", "cellgate.strings", 2)).descriptor().parameter("strings"));
        assertEquals(24.0, activate(variant("x", "cellgate.strings", 24)).descriptor().parameter("strings"));
    }

    @Test
    void stopMustBeBelowTrigger_datasheet_gt_0_1V_le_0_03V() {
        assertRejected("stop.mv=40 is out of range: allowed 1 to 39 mV, below trigger.mv=40",
                variant("x", "trigger.mv", 40, "stop.mv", 40));
        assertRejected("stop.mv=0 is out of range: allowed 1 to 99 mV, below trigger.mv=100",
                variant("x", "stop.mv", 0));
        assertRejected("trigger.mv=1 is out of range: allowed 2 to 1500 mV", variant("x", "trigger.mv", 1));
    }

    @Test
    void currentMayNotExceedTheBoardsMaximum_datasheet_maximum1A() {
        assertRejected("max.amps=1.5 is out of range: allowed > 0 to 1.0 A, the board's maximum",
                variant("x", "max.amps", 1.5));
        assertRejected("amps.per.volt=0.0 is out of range: allowed a finite number > 0 A/V",
                variant("x", "amps.per.volt", 0));
    }

    @Test
    void rangesMayNotWidenTheDatasheet_datasheet_3_0To4_5V_minus20To60C() {
        assertRejected("min.cell.volts=2.5 is out of range: allowed 3.0 to 4.5 V (the datasheet's working range), "
                + "min.cell.volts below max.cell.volts", variant("x", "min.cell.volts", 2.5));
        assertRejected("max.celsius=70.0 is out of range: allowed -20.0 to 60.0 °C (the datasheet's working range), "
                + "min.celsius below max.celsius", variant("x", "max.celsius", 70));
        assertRejected("min.cell.volts=3.65 must be below max.cell.volts=3.6",
                variant("x", "min.cell.volts", 3.65, "max.cell.volts", 3.6));
        assertTrue(activate(variant("x", "min.cell.volts", 3.0, "max.cell.volts", 3.65)) != null);
    }
}
