package io.cellgate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.api.testing.DummyPack;
import io.cellgate.api.testing.DummyPackState;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackJsonTest {

    @Test
    void cellsAndPairsAreNumberedFromOneAndAnAbsentDeltaIsNull() {
        PackStateBuffer state = DummyPackState.of("p1", 4);
        state.reading().set(2, Double.NaN, CellStatus.OPEN_WIRE);
        state.decision().setIndicator(2, Indicator.FLASHING);
        state.decision().setPair(0, PairDirection.LOWER_TO_UPPER, 1.5);
        JsonObject o = PackJson.cells("p1", PackView.of(state));

        assertEquals(1, o.getAsJsonArray("cells").get(0).getAsJsonObject().get("cell").getAsInt());
        JsonObject third = o.getAsJsonArray("cells").get(2).getAsJsonObject();
        assertTrue(third.get("volts").isJsonNull(), "an open wire has no voltage: " + third);
        assertEquals("OPEN_WIRE", third.get("status").getAsString());
        assertEquals("FLASHING", third.get("indicator").getAsString());
        JsonObject pair1 = o.getAsJsonArray("pairs").get(0).getAsJsonObject();
        assertEquals(1, pair1.get("pair").getAsInt());
        assertEquals(0.01, pair1.get("deltaVolts").getAsDouble(), 1e-9);
        assertEquals("1->2", pair1.get("direction").getAsString());
        assertEquals(1.5, pair1.get("amps").getAsDouble(), 0.0);
        assertTrue(o.getAsJsonArray("pairs").get(1).getAsJsonObject().get("deltaVolts").isJsonNull());
        assertEquals("2026-01-01T00:00:00Z", o.get("time").getAsString());
    }

    @Test
    void aPackBeforeItsFirstTickHasItsDescriptionAndNoFigures() {
        JsonObject o = PackJson.packs(List.of(new DummyPack("p2", 8, null, 0))).get(0).getAsJsonObject();
        assertEquals("p2", o.get("pack").getAsString());
        assertEquals(8, o.get("cells").getAsInt());
        assertTrue(o.get("health").isJsonNull());
        assertEquals(0, o.get("ticks").getAsLong());
        assertEquals(0.1, o.get("tickPeriodSeconds").getAsDouble(), 0.0);
    }

    @Test
    void aFaultCarriesTheWallClockTimeItAppearedAt() {
        JsonObject f = PackJson.faults(List.of(new Pack.ActiveFault("cell 4: open wire", 12, 1_767_225_601_500L)))
                .get(0).getAsJsonObject();
        assertEquals("cell 4: open wire", f.get("message").getAsString());
        assertEquals(12, f.get("sinceTick").getAsLong());
        assertEquals("2026-01-01T00:00:01.500Z", f.get("since").getAsString());
    }
}
