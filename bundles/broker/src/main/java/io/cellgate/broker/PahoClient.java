package io.cellgate.broker;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One connection to the broker over Eclipse Paho's asynchronous client, as every exporter holds it: a clean session
 * with a will, Paho's own reconnect and offline buffer off (the exporter owns the back-off, and the buffer where it
 * keeps one), its subscriptions made before the connection is reported, and at most {@code window} messages handed
 * to Paho and not yet written or acknowledged. Nothing here blocks for long, except {@link #disconnect}.
 */
public final class PahoClient {

    static final int CONNECT_TIMEOUT_SECONDS = 10;
    static final long CLOSE_WAIT_MILLIS = 2000;

    /** What the connection reports, from Paho's threads. */
    public interface Events {
        void connected();

        void connectFailed(Throwable cause);

        void lost(Throwable cause);

        /** The connection can take more messages again: the window was full, and one was written or acknowledged. */
        default void ready() {
        }

        /** A message arrived on a subscribed topic. */
        default void arrived(String topic, byte[] payload) {
        }
    }

    /** The message the broker publishes (QoS 1) when the connection breaks without a goodbye. */
    public record Will(String topic, byte[] payload, boolean retained) {
    }

    private final BrokerLink link;
    private final int keepAliveSeconds;
    private final int window;
    private final MqttAsyncClient client;
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param window how many messages may be handed to Paho and not yet written or acknowledged (and so lost with a
     *               broken connection)
     * @throws IllegalArgumentException when Paho refuses the broker's URL or the client id, with both named
     */
    public PahoClient(BrokerLink link, String clientId, int keepAliveSeconds, int window) {
        this.link = link;
        this.keepAliveSeconds = keepAliveSeconds;
        this.window = window;
        try {
            client = new MqttAsyncClient(link.url(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("broker.url '" + link.url() + "' or client.id '" + clientId
                    + "' refused by the MQTT client: " + e.getMessage());
        }
    }

    /** Starts connecting with {@code will}, subscribes to {@code subscriptions} (QoS 1), then reports the outcome. */
    public void connect(Will will, List<String> subscriptions, Events events) {
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                inFlight.set(0);
                events.lost(cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                events.arrived(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                if (inFlight.getAndDecrement() >= window) {
                    events.ready(); // a publish was refused for a full window: there is room again
                }
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        o.setKeepAliveInterval(keepAliveSeconds);
        o.setMaxInflight(window);
        o.setWill(will.topic(), will.payload(), 1, will.retained());
        link.applyTo(o);
        try {
            client.connect(o, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    inFlight.set(0);
                    subscribe(subscriptions, events);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    events.connectFailed(cause);
                }
            });
        } catch (MqttException e) {
            events.connectFailed(e);
        }
    }

    private void subscribe(List<String> subscriptions, Events events) {
        if (subscriptions.isEmpty()) {
            events.connected();
            return;
        }
        int[] qos = new int[subscriptions.size()];
        Arrays.fill(qos, 1);
        try {
            client.subscribe(subscriptions.toArray(new String[0]), qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    events.connected();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    events.lost(cause);
                }
            });
        } catch (MqttException e) {
            events.lost(e);
        }
    }

    /** Hands a message to the connection; false when it cannot take one now (not connected, window full). */
    public boolean publish(String topic, byte[] payload, int qos, boolean retained) {
        if (!client.isConnected() || inFlight.get() >= window) {
            return false;
        }
        inFlight.incrementAndGet();
        try {
            client.publish(topic, payload, qos, retained);
            return true;
        } catch (MqttException e) {
            inFlight.decrementAndGet(); // not taken: the caller keeps the message and a lost connection follows
            return false;
        }
    }

    /**
     * While connected, publishes {@code topic} (QoS 1; none when null) and waits for it briefly, then disconnects
     * cleanly: the broker sends no will.
     */
    public void disconnect(String topic, byte[] payload, boolean retained) {
        try {
            if (client.isConnected()) {
                if (topic != null) {
                    client.publish(topic, payload, 1, retained).waitForCompletion(CLOSE_WAIT_MILLIS);
                }
                client.disconnect(CLOSE_WAIT_MILLIS / 2).waitForCompletion(CLOSE_WAIT_MILLIS);
            }
        } catch (MqttException e) {
            // going away regardless; the broker sends the will if it did not hear the goodbye
        }
    }

    /** Ends every thread of the connection. */
    public void close() {
        try {
            client.close(true);
        } catch (MqttException e) {
            // already closed
        }
    }
}
