package io.cellgate.export.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.api.testing.DummyPackState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadsTest {

    private final Topics topics = new Topics("cellgate", "gw", "homeassistant");
    private final PackView v = TestPacks.view("pack1", 4, 42);
    private final List<Message> messages = new Payloads(topics).of(v);

    private JsonObject json(String topic) {
        Message m = messages.stream().filter(x -> x.topic().equals(topic)).findFirst().orElseThrow();
        assertTrue(m.retained(), topic + " is retained");
        return JsonParser.parseString(m.text()).getAsJsonObject();
    }

    private static List<String> strings(JsonArray a) {
        return a.asList().stream().map(JsonElement::getAsString).toList();
    }

    @Test
    void statePerCellPerPairAndBoardNumberedFromOne() {
        assertEquals(List.of("cellgate/pack1/state", "cellgate/pack1/cell/1", "cellgate/pack1/cell/2",
                "cellgate/pack1/cell/3", "cellgate/pack1/cell/4", "cellgate/pack1/pair/1", "cellgate/pack1/pair/2",
                "cellgate/pack1/pair/3", "cellgate/pack1/board"), messages.stream().map(Message::topic).toList());
        assertEquals(messages.stream().map(Message::topic).toList(), new Payloads(topics).topics("pack1", 4));
    }

    @Test
    void aCellHasVoltsStatusIndicatorAndBleed() {
        JsonObject c1 = json("cellgate/pack1/cell/1");
        assertEquals(1, c1.get("cell").getAsInt());
        assertEquals(v.volts(0), c1.get("volts").getAsDouble(), 1e-9);
        assertEquals("OK", c1.get("status").getAsString());
        assertEquals("ON", c1.get("indicator").getAsString());
        assertEquals(0, c1.get("bleedAmps").getAsDouble());
        assertEquals(42, c1.get("tick").getAsLong());
        JsonObject c3 = json("cellgate/pack1/cell/3");
        assertTrue(c3.get("volts").isJsonNull(), "an open wire has no voltage");
        assertEquals("OPEN_WIRE", c3.get("status").getAsString());
        assertEquals("FLASHING", c3.get("indicator").getAsString());
        assertEquals(0.1, json("cellgate/pack1/cell/4").get("bleedAmps").getAsDouble(), 1e-9);
    }

    @Test
    void aPairHasTheViewsDifferenceDirectionAndSignedCurrent() {
        JsonObject p1 = json("cellgate/pack1/pair/1");
        assertEquals(v.deltaVolts(0), p1.get("deltaVolts").getAsDouble(), 1e-9);
        assertTrue(p1.get("deltaVolts").getAsDouble() > 0, "upper minus lower cell");
        assertEquals("2->1", p1.get("direction").getAsString());
        assertEquals(-0.5, p1.get("amps").getAsDouble(), 1e-9, "negative: from the upper cell down to the lower");
        JsonObject p2 = json("cellgate/pack1/pair/2");
        assertTrue(p2.get("deltaVolts").isJsonNull(), "cell 3 has no reading");
        assertEquals("idle", p2.get("direction").getAsString());
        assertEquals(0, p2.get("amps").getAsDouble());
    }

    @Test
    void theBoardAndTheWholePack() {
        JsonObject board = json("cellgate/pack1/board");
        assertEquals("ACTIVE", board.get("state").getAsString());
        assertEquals("OK", board.get("health").getAsString());
        assertEquals("EK-L20S1A/datasheet", board.get("model").getAsString());
        assertEquals("cell 3: bad battery contact", board.getAsJsonArray("faults").get(0).getAsString());

        JsonObject state = json("cellgate/pack1/state");
        assertEquals("pack1", state.get("pack").getAsString());
        assertEquals(Instant.ofEpochMilli(TestPacks.TIME_MILLIS).toString(), state.get("time").getAsString(),
                "the time of the tick's reading");
        assertEquals(4, state.getAsJsonArray("cellVolts").size());
        assertEquals(1, state.get("balancingPairs").getAsInt());
        assertEquals(15e-6, state.get("tickDurationSeconds").getAsDouble(), 1e-12);
        assertTrue(state.get("temperatureCelsius").isJsonNull());
        assertEquals(0, state.getAsJsonArray("fitWarnings").size(), "the model fits the pack");
        assertEquals(0, board.getAsJsonArray("fitWarnings").size());
    }

    @Test
    void aModelThatFitsOnlyWithWarningsSaysSoInTheStateAndTheBoard() {
        PackView lowStrings = PackView.of(DummyPackState.of("p", 4)
                .setFitWarnings(List.of("low strings: channels 5-20 of the 20S board are open")));
        JsonObject state = JsonParser.parseString(Payloads.state(lowStrings)).getAsJsonObject();
        JsonObject board = JsonParser.parseString(Payloads.board(lowStrings)).getAsJsonObject();
        for (JsonObject o : List.of(state, board)) {
            assertEquals("low strings: channels 5-20 of the 20S board are open",
                    o.getAsJsonArray("fitWarnings").get(0).getAsString());
        }
    }

    @Test
    void theStateCarriesBothSpreadsAndEveryPerCellAndPerPairValueOfTheView() {
        JsonObject state = json("cellgate/pack1/state");
        assertEquals(v.spreadVolts(), state.get("spreadVolts").getAsDouble(), 1e-9);
        assertEquals(v.maxAdjacentDeltaVolts(), state.get("maxAdjacentDeltaVolts").getAsDouble(), 1e-9);
        assertTrue(v.spreadVolts() > v.maxAdjacentDeltaVolts(), "the two spreads differ on this pack");
        assertEquals(List.of("OK", "OK", "OPEN_WIRE", "OK"), strings(state.getAsJsonArray("cellStatus")));
        assertEquals(4, state.getAsJsonArray("cellBleedAmps").size());
        assertEquals(0.1, state.getAsJsonArray("cellBleedAmps").get(3).getAsDouble(), 1e-9);
        assertEquals(List.of("2->1", "idle", "idle"), strings(state.getAsJsonArray("pairDirection")));
        JsonArray delta = state.getAsJsonArray("pairDeltaVolts");
        assertEquals(v.deltaVolts(0), delta.get(0).getAsDouble(), 1e-9);
        assertTrue(delta.get(1).isJsonNull() && delta.get(2).isJsonNull(), "both pairs of the open cell");
        JsonArray amps = state.getAsJsonArray("pairAmps");
        assertEquals(3, amps.size());
        assertEquals(-0.5, amps.get(0).getAsDouble(), 1e-9);
        assertEquals(0, amps.get(1).getAsDouble());
    }
}
