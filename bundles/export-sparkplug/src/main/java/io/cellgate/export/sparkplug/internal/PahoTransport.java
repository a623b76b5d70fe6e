package io.cellgate.export.sparkplug.internal;

import java.util.List;
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
 * The edge node's connection over Eclipse Paho's asynchronous client: a clean session with NDEATH as the will, Paho's
 * own reconnect off (the node owns the back-off, and every new connection needs a new {@code bdSeq} in its will).
 */
final class PahoTransport implements Transport {

    static final int CONNECT_TIMEOUT_SECONDS = 10;
    static final long CLOSE_WAIT_MILLIS = 2000;
    /** Messages handed to Paho and not yet written: a DBIRTH per pack at once after a (re)connect. */
    static final int MAX_INFLIGHT = 1000;

    private final SparkplugSettings settings;
    private final MqttAsyncClient client;

    PahoTransport(SparkplugSettings settings) {
        this.settings = settings;
        try {
            client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("broker.url '" + settings.brokerUrl() + "' or client.id '"
                    + settings.clientId() + "' refused by the MQTT client: " + e.getMessage());
        }
    }

    @Override
    public void connect(String willTopic, byte[] will, List<String> subscriptions, Events events) {
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                events.lost(cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                events.arrived(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // births and data are QoS 0
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        o.setKeepAliveInterval(settings.keepAliveSeconds());
        o.setMaxInflight(MAX_INFLIGHT);
        o.setWill(willTopic, will, 1, false);
        settings.link().applyTo(o);
        try {
            client.connect(o, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
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
        int[] qos = new int[subscriptions.size()];
        java.util.Arrays.fill(qos, 1);
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

    @Override
    public boolean publish(String topic, byte[] payload) {
        if (!client.isConnected()) {
            return false;
        }
        try {
            client.publish(topic, payload, 0, false);
            return true;
        } catch (MqttException e) {
            return false; // not taken; a lost connection follows
        }
    }

    @Override
    public void disconnect(String topic, byte[] payload) {
        try {
            if (client.isConnected()) {
                client.publish(topic, payload, 1, false).waitForCompletion(CLOSE_WAIT_MILLIS);
                client.disconnect(CLOSE_WAIT_MILLIS / 2).waitForCompletion(CLOSE_WAIT_MILLIS);
            }
        } catch (MqttException e) {
            // going away regardless; the broker sends the will if it did not hear the goodbye
        }
    }

    @Override
    public void close() {
        try {
            client.close(true);
        } catch (MqttException e) {
            // already closed
        }
    }
}
