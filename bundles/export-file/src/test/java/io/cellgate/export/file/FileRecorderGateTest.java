package io.cellgate.export.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.api.config.RefusalGate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A refused recorder file is logged once, naming the directory, the property, the value and the range")
class FileRecorderGateTest {

    @Test
    void aBadIntervalIsLoggedOnceAcrossDeliveries() {
        List<String> logged = new ArrayList<>();
        RefusalGate gate = new RefusalGate("recorder", "directory", RecorderSettings::check, logged::add);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> p = new HashMap<>(Map.of("directory", "/var/lib/cellgate/rec", "interval.ms", "-1",
                    RefusalGate.FILE, "file:/opt/cellgate/config/io.cellgate.export.file-rec.cfg"));
            gate.process("pid", p);
            assertEquals(RefusalGate.REFUSED_CONDITION, p.get(RefusalGate.CONDITION_TARGET));
        }
        assertEquals(1, logged.size());
        assertEquals("recorder /var/lib/cellgate/rec: configuration refused: interval.ms=-1 is out of range: 0 to "
                + RecorderSettings.MAX_INTERVAL_MS + " ms (fix /opt/cellgate/config/io.cellgate.export.file-rec.cfg)",
                logged.get(0));
    }
}
