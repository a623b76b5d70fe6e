package io.cellgate.export.sparkplug.internal;

import io.cellgate.broker.PahoClient;
import java.util.List;

/**
 * The edge node's connection over the shared Paho connection ({@link PahoClient}): NDEATH as the will (not retained),
 * Paho's own reconnect off (the node owns the back-off, and every new connection needs a new {@code bdSeq} in its
 * will), births and data at QoS 0.
 */
final class PahoTransport implements Transport {

    /** Messages handed to Paho and not yet written: a DBIRTH per pack at once after a (re)connect. */
    static final int MAX_INFLIGHT = 1000;

    private final PahoClient client;

    PahoTransport(SparkplugSettings settings) {
        this.client = new PahoClient(settings.link(), settings.clientId(), settings.keepAliveSeconds(),
                MAX_INFLIGHT);
    }

    @Override
    public void connect(String willTopic, byte[] will, List<String> subscriptions, PahoClient.Events events) {
        client.connect(new PahoClient.Will(willTopic, will, false), subscriptions, events);
    }

    @Override
    public boolean publish(String topic, byte[] payload) {
        return client.publish(topic, payload, 0, false);
    }

    @Override
    public void disconnect(String topic, byte[] payload) {
        client.disconnect(topic, payload, false);
    }

    @Override
    public void close() {
        client.close();
    }
}
