package io.cellgate.export.mqtt.internal;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.telemetry.PackView;
import java.util.ArrayList;
import java.util.List;

/**
 * Home Assistant MQTT discovery: one retained sensor configuration per cell voltage, pair difference and pair
 * current, plus the pack's two spreads (highest minus lowest cell, largest adjacent difference), balancing pairs,
 * board state and health. Every sensor belongs to one device per
 * pack and goes unavailable with the gateway's availability topic.
 */
final class Discovery {

    static final String MANUFACTURER = "Cellgate";

    private final Topics topics;

    Discovery(Topics topics) {
        this.topics = topics;
    }

    /** What the configurations depend on: a change of cells or model re-publishes them. */
    static String signature(PackView s) {
        return s.pack().cells() + "|" + s.model();
    }

    List<Message> of(PackView s) {
        String pack = s.pack().id();
        List<Message> out = new ArrayList<>(3 * s.pack().cells() + 5);
        for (int c = 1; c <= s.pack().cells(); c++) {
            out.add(sensor(s, "cell" + c + "_volts", "Cell " + c + " voltage", topics.cell(pack, c),
                    "{{ value_json.volts }}", "V", "voltage", 4));
        }
        for (int k = 1; k < s.pack().cells(); k++) {
            String name = "Pair " + k + " (" + k + "-" + (k + 1) + ")";
            out.add(sensor(s, "pair" + k + "_delta_volts", name + " voltage difference", topics.pair(pack, k),
                    "{{ value_json.deltaVolts }}", "V", "voltage", 4));
            out.add(sensor(s, "pair" + k + "_amps", name + " balance current", topics.pair(pack, k),
                    "{{ value_json.amps }}", "A", "current", 3));
        }
        out.add(sensor(s, "spread_volts", "Spread (highest minus lowest cell)", topics.state(pack),
                "{{ value_json.spreadVolts }}", "V", "voltage", 4));
        out.add(sensor(s, "max_adjacent_delta_volts", "Largest adjacent difference", topics.state(pack),
                "{{ value_json.maxAdjacentDeltaVolts }}", "V", "voltage", 4));
        out.add(sensor(s, "balancing_pairs", "Balancing pairs", topics.state(pack), "{{ value_json.balancingPairs }}",
                null, null, 0));
        out.add(enumSensor(s, "board_state", "Board state", topics.board(pack), "{{ value_json.state }}",
                names(BoardState.values())));
        out.add(enumSensor(s, "health", "Health", topics.board(pack), "{{ value_json.health }}",
                names(PackHealth.values())));
        return out;
    }

    /**
     * The select of the pack's balancer model: its options the models that fit, its state the model the board topic
     * names, its command the pack's model command topic.
     */
    Message select(PackView s, List<String> options) {
        String pack = s.pack().id();
        Json j = common(s, "model", "Balancer model", topics.board(pack), "{{ value_json.model }}")
                .put("command_topic", topics.modelCommand(pack));
        j.beginArray("options");
        options.forEach(j::value);
        j.endArray();
        return Message.retained(topics.selectDiscovery(uniqueId(pack, "model")), j.done());
    }

    /** The topic of the pack's model select. */
    String selectTopic(String pack) {
        return topics.selectDiscovery(uniqueId(pack, "model"));
    }

    /** The configuration topic of every sensor {@link #of} publishes for a pack of {@code cells} cells. */
    List<String> topics(String pack, int cells) {
        List<String> keys = new ArrayList<>(3 * cells + 5);
        for (int c = 1; c <= cells; c++) {
            keys.add("cell" + c + "_volts");
        }
        for (int k = 1; k < cells; k++) {
            keys.add("pair" + k + "_delta_volts");
            keys.add("pair" + k + "_amps");
        }
        keys.addAll(List.of("spread_volts", "max_adjacent_delta_volts", "balancing_pairs", "board_state", "health"));
        return keys.stream().map(key -> topics.discovery(uniqueId(pack, key))).toList();
    }

    String uniqueId(String pack, String key) {
        return "cellgate_" + topics.gatewayId() + "_" + pack + "_" + key;
    }

    private Message sensor(PackView s, String key, String name, String stateTopic, String template, String unit,
            String deviceClass, int precision) {
        Json j = common(s, key, name, stateTopic, template);
        if (unit != null) {
            j.put("unit_of_measurement", unit).put("device_class", deviceClass);
        }
        j.put("state_class", "measurement").put("suggested_display_precision", precision);
        return Message.retained(topics.discovery(uniqueId(s.pack().id(), key)), j.done());
    }

    private Message enumSensor(PackView s, String key, String name, String stateTopic, String template,
            List<String> options) {
        Json j = common(s, key, name, stateTopic, template).put("device_class", "enum");
        j.beginArray("options");
        options.forEach(j::value);
        j.endArray();
        return Message.retained(topics.discovery(uniqueId(s.pack().id(), key)), j.done());
    }

    private Json common(PackView s, String key, String name, String stateTopic, String template) {
        String pack = s.pack().id();
        Json j = new Json().put("name", name).put("unique_id", uniqueId(pack, key)).put("state_topic", stateTopic)
                .put("value_template", template).put("availability_topic", topics.availability())
                .put("payload_available", Topics.ONLINE).put("payload_not_available", Topics.OFFLINE);
        j.name("device").object();
        j.beginArray("identifiers").value("cellgate_" + topics.gatewayId() + "_" + pack).endArray();
        j.put("name", "Cellgate " + pack).put("manufacturer", MANUFACTURER)
                .put("model", s.model() == null ? "no balancer" : s.model());
        j.end();
        return j;
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> list = new ArrayList<>(values.length);
        for (Enum<?> v : values) {
            list.add(v.name());
        }
        return list;
    }
}
