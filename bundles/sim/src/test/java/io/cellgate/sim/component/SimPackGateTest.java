package io.cellgate.sim.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.config.RefusalGate;
import io.cellgate.api.testing.FileInstallConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A refused simulated pack file is logged once, naming the pack, the property, the value and the range")
class SimPackGateTest {

    private final List<String> logged = new ArrayList<>();
    private final RefusalGate gate = new RefusalGate("simulated pack", "cellgate.pack", SimulatedPack.Settings::check,
            logged::add);

    private static Map<String, Object> file(String key, String value) {
        return FileInstallConfig.delivered("io.cellgate.sim.pack", "cellgate.pack", "pack3", key, value);
    }

    @Test
    void tooManyCellsIsLoggedOnceWithTheRange() {
        for (int i = 0; i < 3; i++) {
            gate.process("pid", file("cells", "300"));
        }
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).startsWith("simulated pack pack3: configuration refused: cells=300 is out of range: "),
                logged.get(0));
        assertTrue(logged.get(0).endsWith("(fix /opt/cellgate/config/io.cellgate.sim.pack-pack3.cfg)"), logged.get(0));
    }

    @Test
    void aValueThatIsNoNumberIsNamedNotAnExceptionClass() {
        gate.process("pid", file("time.scale", "fast"));
        assertEquals(List.of("simulated pack pack3: configuration refused: time.scale=fast is not a number: write it "
                + "as, e.g., time.scale=1.0 (the default) (fix /opt/cellgate/config/io.cellgate.sim.pack-pack3.cfg)"),
                logged);
    }

    @Test
    void outOfRangeTimeScaleAndLoadNameTheirProperty() {
        gate.process("pid", file("time.scale", "0"));
        gate.process("pid", file("load.amps", "5000"));
        assertEquals(List.of(
                "simulated pack pack3: configuration refused: time.scale=0.0 is out of range: 0.001 to 100000.0 "
                        + "(fix /opt/cellgate/config/io.cellgate.sim.pack-pack3.cfg)",
                "simulated pack pack3: configuration refused: load.amps=5000.0 A is out of range: -1000 to 1000 A "
                        + "(fix /opt/cellgate/config/io.cellgate.sim.pack-pack3.cfg)"), logged);
    }

    @Test
    void aMissingLoadFileIsNamed() {
        gate.process("pid", file("load.csv", "/nonexistent/load.csv"));
        assertEquals(List.of("simulated pack pack3: configuration refused: load.csv=/nonexistent/load.csv cannot be "
                + "read (/nonexistent/load.csv does not exist): give a file of 'seconds,amps' lines, or leave load.csv "
                + "out for load.amps (fix /opt/cellgate/config/io.cellgate.sim.pack-pack3.cfg)"), logged);
    }

    @Test
    void theDefaultPackPasses() {
        assertNull(gate.process("pid", file("cells", "20")));
    }
}
