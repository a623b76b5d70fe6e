package io.cellgate.balancer.passive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.api.config.RefusalGate;
import io.cellgate.api.testing.FileInstallConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A refused passive variant file is logged once, naming the variant, the property, the value and the range")
class PassiveVariantGateTest {

    private final List<String> logged = new ArrayList<>();
    private final RefusalGate gate = new RefusalGate(PassiveModel.MODEL_ID + " variant", "cellgate.variant",
            PassiveVariantValidator::check, logged::add);

    private static Map<String, Object> file(String key, String value) {
        return FileInstallConfig.delivered("io.cellgate.balancer.passive.variant", "cellgate.variant", "pbad", key,
                value);
    }

    @Test
    void aValueThatIsNoNumberIsNamedOnce() {
        for (int i = 0; i < 3; i++) {
            gate.process("pid", file("resistor.ohms", "xyz"));
        }
        assertEquals(List.of(PassiveModel.MODEL_ID + " variant pbad: configuration refused: resistor.ohms=xyz is not "
                + "a number: write it as, e.g., resistor.ohms=" + PassiveProfile.DEFAULT_RESISTOR_OHMS
                + " (the default) (fix /opt/cellgate/config/io.cellgate.balancer.passive.variant-pbad.cfg)"), logged);
    }

    @Test
    void outOfRangeNamesTheRange() {
        gate.process("pid", file("max.celsius", "200"));
        assertEquals(List.of(PassiveModel.MODEL_ID + " variant pbad: configuration refused: max.celsius=200.0 is out "
                + "of range: allowed -20.0 to 85.0 °C (fix "
                + "/opt/cellgate/config/io.cellgate.balancer.passive.variant-pbad.cfg)"), logged);
    }
}
