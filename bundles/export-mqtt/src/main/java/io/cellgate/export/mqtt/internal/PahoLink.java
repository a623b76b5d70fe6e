package io.cellgate.export.mqtt.internal;

import java.nio.charset.StandardCharsets;
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
 * The link over Eclipse Paho's asynchronous client. Paho's own reconnect and offline buffer are off: the publish
 * loop owns the back-off and the buffer, so that it can bound, count and log them. At most {@value #WINDOW}
 * messages are handed to Paho and not yet written or acknowledged; those are lost if the connection breaks.
 */
final class PahoLink implements Link {

    static final int WINDOW = 64;
    static final int CONNECT_TIMEOUT_SECONDS = 10;
    static final int KEEP_ALIVE_SECONDS = 30;
    static final long CLOSE_WAIT_MILLIS = 2000;

    private final MqttSettings settings;
    private final MqttAsyncClient client;
    private final AtomicInteger inFlight = new AtomicInteger();

    PahoLink(MqttSettings settings) {
        this.settings = settings;
        try {
            client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("broker.url '" + settings.brokerUrl() + "' or client.id '"
                    + settings.clientId() + "' refused by the MQTT client: " + e.getMessage());
        }
    }

    @Override
    public void connect(Events events) {
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                inFlight.set(0);
                events.lost(cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                events.arrived(topic, message.getPayload()); // the model selects' commands, when they are on
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                inFlight.decrementAndGet();
                events.ready();
            }
        });
        try {
            client.connect(options(), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    inFlight.set(0);
                    if (settings.modelSelect()) {
                        try {
                            client.subscribe(settings.topics().modelCommands(), 1);
                        } catch (MqttException e) {
                            events.lost(e);
                            return;
                        }
                    }
                    events.connected();
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

    private MqttConnectOptions options() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        o.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        o.setMaxInflight(WINDOW);
        o.setWill(settings.topics().availability(), Topics.OFFLINE.getBytes(StandardCharsets.UTF_8),
                1, true);
        settings.link().applyTo(o);
        return o;
    }

    @Override
    public boolean publish(Message m) {
        if (!client.isConnected() || inFlight.get() >= WINDOW) {
            return false;
        }
        inFlight.incrementAndGet();
        try {
            client.publish(m.topic(), m.payload(), settings.qos(), m.retained());
            return true;
        } catch (MqttException e) {
            inFlight.decrementAndGet(); // not taken: the loop keeps the message and a link event follows
            return false;
        }
    }

    @Override
    public void close(Message lastWords) {
        try {
            if (client.isConnected()) {
                if (lastWords != null) {
                    client.publish(lastWords.topic(), lastWords.payload(), 1, lastWords.retained())
                            .waitForCompletion(CLOSE_WAIT_MILLIS);
                }
                client.disconnect(CLOSE_WAIT_MILLIS / 2).waitForCompletion(CLOSE_WAIT_MILLIS);
            }
        } catch (MqttException e) {
            // going away regardless; the broker sends the will if it did not hear the goodbye
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // already closed
        }
    }
}
