package io.cellgate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.api.testing.DummyPack;
import io.cellgate.api.testing.DummyPackState;
import io.cellgate.json.PackJson;
import org.junit.jupiter.api.Test;

/** The console's JSON is the shell's, plus the faults present now. */
class ApiJsonTest {

    @Test
    void aPackDetailIsTheShellsSummaryAndCellsOfOneView() {
        PackView v = PackView.of(DummyPackState.of("p1", 5).setTick(42).setHealth(PackHealth.NO_BALANCER));
        DummyPack pack = new DummyPack("p1", 5, v, 42);
        JsonObject detail = ApiServlet.detail(pack, v);

        JsonObject summary = detail.getAsJsonObject("summary");
        JsonObject expected = PackJson.pack(pack.description(), v, pack.stats());
        expected.keySet().forEach(k -> assertEquals(expected.get(k), summary.get(k), k));
        assertEquals("NO_BALANCER", summary.get("health").getAsString());
        assertTrue(summary.getAsJsonArray("faults").isEmpty());
        assertEquals(PackJson.cells("p1", v), detail.getAsJsonObject("latest"));
        assertEquals(5, detail.getAsJsonObject("latest").getAsJsonArray("cells").size());
        assertEquals(42, detail.getAsJsonObject("latest").get("tick").getAsLong());
    }
}
