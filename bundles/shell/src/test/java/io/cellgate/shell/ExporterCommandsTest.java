package io.cellgate.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.api.runtime.ExporterHealth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExporterCommandsTest {

    record Health(String exporter, boolean up, long failures, String problem) implements ExporterHealth {
    }

    @Test
    void aDownExporterShowsItsFailuresAndWhatIsWrong() {
        assertEquals("""
                EXPORTER                                 STATE  FAILURES  PROBLEM
                mqtt tcp://127.0.0.1:1883                up            0  -
                recorder data/recordings                 DOWN         12  cannot write pack1 to data/recordings: \
                No space left on device
                """, ExporterCommands.table(List.of(new Health("mqtt tcp://127.0.0.1:1883", true, 0, null),
                new Health("recorder data/recordings", false, 12,
                        "cannot write pack1 to data/recordings: No space left on device"))));
    }

    @Test
    void withoutExportersTheListingSaysSo() {
        assertEquals("no exporter with a thread of its own is configured (recorders and MQTT exporters are)\n",
                ExporterCommands.table(List.of()));
    }
}
