package io.cellgate.itests;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A Paho client that subscribes to everything the gateway publishes and keeps what arrives, in order. */
final class Subscriber implements AutoCloseable {

    record Received(String topic, String payload, boolean retained) {
    }

    private final MqttClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    Subscriber(String url) throws MqttException {
        client = new MqttClient(url, "it-subscriber-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // a test that kills the broker connects a new subscriber
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                        message.isRetained()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        client.connect(o);
        client.subscribe(new String[] {"cellgate/#", "homeassistant/#"}, new int[] {0, 0});
    }

    List<Received> on(String topic) {
        return received.stream().filter(r -> r.topic().equals(topic)).collect(Collectors.toList());
    }

    List<Received> under(String prefix) {
        return received.stream().filter(r -> r.topic().startsWith(prefix)).collect(Collectors.toList());
    }

    /**
     * The first message on {@code topic}: for a subscriber that joins after the publisher, the broker's retained
     * delivery, which it sends at subscription, before any live publish on that topic.
     */
    Received first(String topic) {
        List<Received> list = on(topic);
        return list.isEmpty() ? null : list.get(0);
    }

    Received last(String topic) {
        List<Received> list = on(topic);
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(500);
            }
        } catch (MqttException e) {
            // the broker may be gone
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // closed
        }
    }
}
