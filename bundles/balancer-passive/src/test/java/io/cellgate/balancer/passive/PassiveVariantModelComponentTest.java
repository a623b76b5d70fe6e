package io.cellgate.balancer.passive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.Topology;
import io.cellgate.balancer.tck.BalancerConformanceTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

class PassiveVariantModelComponentTest {

    private static PassiveVariantModelComponent variant(Object... keyValues) {
        Map<String, Object> p = new HashMap<>();
        p.put("cellgate.variant", "tuned");
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new PassiveVariantModelComponent(
                Converters.standardConverter().convert(p).to(PassiveVariantConfig.class));
    }

    @Test
    void defaultsAreTheFoxbmsFiguresWithA33OhmResistor() {
        ModelDescriptor d = variant().descriptor();
        assertEquals("PASSIVE-BLEED/tuned", d.qualifiedName());
        assertEquals(Topology.BLEED, d.topology());
        assertEquals(PassiveProfile.FOXBMS.toParameters(), d.parameters());
    }

    @Test
    void aFileInstallConfigurationOfStringsBecomesTheProfile() {
        ModelDescriptor d = variant("trigger.mv", "30", "stop.mv", "10", "resistor.ohms", "10",
                "start.cell.volts.lfp", "3.35", "max.celsius", "50").descriptor();
        assertEquals(0.030, d.parameter("trigger.volts"));
        assertEquals(0.010, d.parameter("stop.volts"));
        assertEquals(3.35, d.parameter("start.cell.volts.lfp"));
        assertTrue(Double.isNaN(d.parameter("start.cell.volts.ncm")), "0 means no start gate");
        assertEquals(0.45, d.maxAmps(), 1e-12);
    }

    @Test
    void outOfRangeValuesAreRefusedNamingThePropertyAndItsRange() {
        assertMessage("stop.mv=500 is out of range: allowed 0 to 400 mV", () -> variant("stop.mv", 500));
        assertMessage("trigger.mv=0 is out of range", () -> variant("trigger.mv", 0));
        assertMessage("resistor.ohms=0.5 is out of range", () -> variant("resistor.ohms", 0.5));
        assertMessage("max.cell.volts=5.0 is out of range", () -> variant("max.cell.volts", 5.0));
        assertMessage("min.cell.volts.ncm=4.6 is out of range", () -> variant("min.cell.volts.ncm", 4.6));
        assertMessage("max.celsius=90.0 is out of range", () -> variant("max.celsius", 90));
        assertMessage("is taken by a built-in variant", () -> variant("cellgate.variant", "foxbms"));
        assertMessage("is invalid", () -> variant("cellgate.variant", "a b"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable configure) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, configure);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** The kit on a configured variant with a narrow band, a 10 Ω resistor and LFP start gate. */
    @Nested
    class TunedVariantConformanceTest extends BalancerConformanceTest {
        @Override
        protected BalancerModel model() {
            return variant("trigger.mv", 50, "stop.mv", 20, "resistor.ohms", 10, "start.cell.volts.lfp", 3.3,
                    "start.cell.volts.ncm", 3.8);
        }
    }
}
