package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cellgate.api.config.RefusalGate;
import io.cellgate.api.testing.FileInstallConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A refused variant file is logged once, naming the variant, the property, the value and the range")
class EkVariantGateTest {

    private final List<String> logged = new ArrayList<>();
    private final RefusalGate gate = new RefusalGate("EK-L20S1A variant", "cellgate.variant",
            EkVariantValidator::check, logged::add);

    private static Map<String, Object> file(String key, String value) {
        return FileInstallConfig.delivered("io.cellgate.balancer.ek.variant", "cellgate.variant", "bad", key, value);
    }

    @Test
    void outOfRangeIsLoggedOnceAcrossRepeatedDeliveries() {
        for (int i = 0; i < 4; i++) {
            Map<String, Object> p = file("trigger.mv", "5000");
            gate.process("pid", p);
            assertEquals(RefusalGate.REFUSED_CONDITION, p.get(RefusalGate.CONDITION_TARGET));
        }
        assertEquals(List.of("EK-L20S1A variant bad: configuration refused: trigger.mv=5000 is out of range: allowed "
                + "2 to 1500 mV (fix /opt/cellgate/config/io.cellgate.balancer.ek.variant-bad.cfg)"), logged);
    }

    @Test
    void aValueThatIsNoNumberIsNamedNotAnExceptionClass() {
        gate.process("pid", file("max.amps", "lots"));
        assertEquals(List.of("EK-L20S1A variant bad: configuration refused: max.amps=lots is not a number: write it "
                + "as, e.g., max.amps=1.0 (the default) (fix "
                + "/opt/cellgate/config/io.cellgate.balancer.ek.variant-bad.cfg)"), logged);
    }

    @Test
    void aGoodVariantPassesAsGiven() {
        Map<String, Object> p = file("trigger.mv", "60");
        assertNull(gate.process("pid", p));
        assertEquals(file("trigger.mv", "60"), p);
    }
}
