package io.cellgate.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cellgate.api.config.RefusalGate;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("cellgate:config shows what the pack runs on, never a refused value")
class ConfigCommandsTest {

    private static final Path FILE = Path.of("/opt/cellgate/config/io.cellgate.pack-pack1.cfg");

    /** The component properties SCR holds for a pack: its configuration after the pack's plugin. */
    private static Map<String, Object> runsOn(String tickMs) {
        Map<String, Object> p = new HashMap<>();
        p.put("service.pid", "io.cellgate.pack~pack1");
        p.put("service.factoryPid", "io.cellgate.pack");
        p.put("component.id", 21L);
        p.put(RefusalGate.CONDITION_TARGET, "(osgi.condition.id=true)"); // SCR's default, in every component's
        p.put("felix.fileinstall.filename", FILE.toUri().toString());
        p.put("pack.id", "pack1");
        p.put("cellgate.pack", "pack1");
        p.put("tick.ms", tickMs);
        return p;
    }

    @Test
    void aRunningPackShowsItsProperties() {
        assertEquals("io.cellgate.pack~pack1 (from " + FILE + ")\n  pack.id            pack1\n"
                + "  tick.ms            100\n", ConfigCommands.configText("io.cellgate.pack~pack1", FILE, runsOn("100")));
    }

    @Test
    void aRefusedEditShowsTheRunningValueAndTheRefusal() {
        Map<String, Object> p = runsOn("100"); // the file says tick.ms=5: the plugin handed over the running one
        String refusal = "pack pack1: configuration refused, keeping the running one: tick.ms=5 is out of range: 10 to "
                + "60000 ms (fix " + FILE + ")";
        p.put(RefusalGate.REFUSED, refusal);
        assertEquals("io.cellgate.pack~pack1 (from " + FILE + ")\n  pack.id            pack1\n"
                + "  tick.ms            100\n" + refusal + "\n",
                ConfigCommands.configText("io.cellgate.pack~pack1", FILE, p));
        JsonObject json = JsonParser.parseString(ConfigCommands.configJson("io.cellgate.pack~pack1", FILE, p))
                .getAsJsonObject();
        assertEquals("100", json.getAsJsonObject("properties").get("tick.ms").getAsString());
        assertEquals(refusal, json.get("refused").getAsString());
    }

    @Test
    void aPackRefusedFromTheStartRunsOnNothing() {
        Map<String, Object> p = runsOn("5");
        p.put(RefusalGate.CONDITION_TARGET, RefusalGate.REFUSED_CONDITION);
        p.put(RefusalGate.REFUSED, "pack pack1: configuration refused: tick.ms=5 is out of range: 10 to 60000 ms");
        assertEquals("io.cellgate.pack~pack1 (from " + FILE + ")\n  not running\n"
                + "pack pack1: configuration refused: tick.ms=5 is out of range: 10 to 60000 ms\n",
                ConfigCommands.configText("io.cellgate.pack~pack1", FILE, p));
    }
}
