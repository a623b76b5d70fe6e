package io.cellgate.export.mqtt.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by every running MQTT exporter (one per factory configuration {@code io.cellgate.export.mqtt}), with
 * the service property {@value #BROKER}. Counters count since the exporter was activated.
 */
@ProviderType
public interface MqttExporterStatus {

    /** Service property: the broker URL the exporter publishes to. */
    String BROKER = "broker.url";

    /** Messages dropped, oldest first, because the buffer was full while the broker could not be reached. */
    long droppedMessages();

    /** Messages handed to the broker connection. */
    long publishedMessages();

    /** Messages waiting in the buffer now. */
    int bufferedMessages();

    /** True while connected to the broker. */
    boolean connected();
}
