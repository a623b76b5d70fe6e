package io.cellgate.export.mqtt.internal;

import java.nio.charset.StandardCharsets;

/** One MQTT message as the exporter queues it. */
record Message(String topic, byte[] payload, boolean retained) {

    static Message retained(String topic, String json) {
        return new Message(topic, json.getBytes(StandardCharsets.UTF_8), true);
    }

    String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
