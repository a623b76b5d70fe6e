package io.cellgate.export.mqtt.internal;

import java.nio.charset.StandardCharsets;

/** One MQTT message as the exporter queues it. */
record Message(String topic, byte[] payload, boolean retained) {

    static Message retained(String topic, String json) {
        return new Message(topic, json.getBytes(StandardCharsets.UTF_8), true);
    }

    /** An empty retained message: the broker forgets what it kept on {@code topic}, Home Assistant the sensor. */
    static Message clear(String topic) {
        return new Message(topic, new byte[0], true);
    }

    String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
