package io.cellgate.export.sparkplug.internal;

import io.cellgate.broker.PahoClient;
import java.util.List;

/** The broker connection as the edge node sees it: nothing here blocks for long. */
interface Transport {

    /**
     * Starts connecting with {@code will} as the MQTT will (QoS 1, not retained), and subscribes to
     * {@code subscriptions} (QoS 1) before reporting the connection; the outcome arrives through {@code events}.
     */
    void connect(String willTopic, byte[] will, List<String> subscriptions, PahoClient.Events events);

    /** Hands a message to the connection (QoS 0, not retained, as Sparkplug's births and data); false when it cannot. */
    boolean publish(String topic, byte[] payload);

    /** Publishes {@code topic} with QoS 1 and waits briefly, then disconnects cleanly (no will is sent). */
    void disconnect(String topic, byte[] payload);

    /** Ends every thread of the connection. */
    void close();
}
