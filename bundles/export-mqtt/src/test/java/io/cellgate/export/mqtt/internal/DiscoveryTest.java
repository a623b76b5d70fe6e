package io.cellgate.export.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cellgate.api.telemetry.PackView;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    private final Topics topics = new Topics("cellgate", "gw", "homeassistant");
    private final PackView s = TestPacks.view("pack1", 4, 1);
    private final Map<String, JsonObject> configs = new Discovery(topics).of(s).stream().collect(Collectors.toMap(
            Message::topic, m -> JsonParser.parseString(m.text()).getAsJsonObject()));

    @Test
    void oneRetainedConfigurationPerSensor() {
        // 4 cell voltages, 3 pair differences, 3 pair currents, two spreads, balancing pairs, board state, health
        assertEquals(15, configs.size());
        assertTrue(new Discovery(topics).of(s).stream().allMatch(Message::retained));
        assertTrue(configs.containsKey("homeassistant/sensor/cellgate_gw_pack1_cell1_volts/config"));
    }

    @Test
    void itsTopicsAreThoseOfTheConfigurations() {
        assertEquals(new Discovery(topics).of(s).stream().map(Message::topic).toList(),
                new Discovery(topics).topics("pack1", 4));
    }

    @Test
    void aCellVoltageIsAVoltageSensorOfThePacksDevice() {
        JsonObject c = configs.get("homeassistant/sensor/cellgate_gw_pack1_cell2_volts/config");
        assertEquals("cellgate_gw_pack1_cell2_volts", c.get("unique_id").getAsString());
        assertEquals("cellgate/pack1/cell/2", c.get("state_topic").getAsString());
        assertEquals("{{ value_json.volts }}", c.get("value_template").getAsString());
        assertEquals("V", c.get("unit_of_measurement").getAsString());
        assertEquals("voltage", c.get("device_class").getAsString());
        assertEquals("measurement", c.get("state_class").getAsString());
        assertEquals("cellgate/gw/availability", c.get("availability_topic").getAsString());
        JsonObject device = c.getAsJsonObject("device");
        assertEquals("cellgate_gw_pack1", device.getAsJsonArray("identifiers").get(0).getAsString());
        assertEquals("Cellgate pack1", device.get("name").getAsString());
        assertEquals("Cellgate", device.get("manufacturer").getAsString());
        assertEquals("EK-L20S1A/datasheet", device.get("model").getAsString());
    }

    @Test
    void aPairCurrentIsACurrentSensorAndTheBoardStateAnEnum() {
        JsonObject a = configs.get("homeassistant/sensor/cellgate_gw_pack1_pair3_amps/config");
        assertEquals("A", a.get("unit_of_measurement").getAsString());
        assertEquals("current", a.get("device_class").getAsString());
        assertEquals("cellgate/pack1/pair/3", a.get("state_topic").getAsString());
        JsonObject board = configs.get("homeassistant/sensor/cellgate_gw_pack1_board_state/config");
        assertEquals("enum", board.get("device_class").getAsString());
        assertEquals(List.of("ACTIVE", "SLEEP", "FAULT"), board.getAsJsonArray("options").asList().stream()
                .map(e -> e.getAsString()).toList());
    }

    @Test
    void bothSpreadsAreVoltageSensorsOfTheStateTopic() {
        JsonObject spread = configs.get("homeassistant/sensor/cellgate_gw_pack1_spread_volts/config");
        assertEquals("{{ value_json.spreadVolts }}", spread.get("value_template").getAsString());
        JsonObject adjacent = configs.get("homeassistant/sensor/cellgate_gw_pack1_max_adjacent_delta_volts/config");
        assertEquals("{{ value_json.maxAdjacentDeltaVolts }}", adjacent.get("value_template").getAsString());
        for (JsonObject c : List.of(spread, adjacent)) {
            assertEquals("cellgate/pack1/state", c.get("state_topic").getAsString());
            assertEquals("V", c.get("unit_of_measurement").getAsString());
            assertEquals("voltage", c.get("device_class").getAsString());
        }
    }

    @Test
    void everyConfigurationNamesTheAvailabilityTopic() {
        assertTrue(configs.values().stream().allMatch(c -> c.get("availability_topic").getAsString()
                .equals(topics.availability())));
    }
}
