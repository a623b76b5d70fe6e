package io.cellgate.export.mqtt.internal;

import io.cellgate.broker.PahoClient;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The link over the shared Paho connection ({@link PahoClient}): the availability topic's "offline" as the retained
 * will, the model selects' command topic subscribed when they are on. The publish loop owns the back-off and the
 * buffer, so that it can bound, count and log them. At most {@value #WINDOW} messages are handed to Paho and not yet
 * written or acknowledged; those are lost if the connection breaks.
 */
final class PahoLink implements Link {

    static final int WINDOW = 64;
    static final int KEEP_ALIVE_SECONDS = 30;

    private final MqttSettings settings;
    private final PahoClient client;

    PahoLink(MqttSettings settings) {
        this.settings = settings;
        this.client = new PahoClient(settings.link(), settings.clientId(), KEEP_ALIVE_SECONDS, WINDOW);
    }

    @Override
    public void connect(PahoClient.Events events) {
        client.connect(new PahoClient.Will(settings.topics().availability(),
                Topics.OFFLINE.getBytes(StandardCharsets.UTF_8), true),
                settings.modelSelect() ? List.of(settings.topics().modelCommands()) : List.of(), events);
    }

    @Override
    public boolean publish(Message m) {
        return client.publish(m.topic(), m.payload(), settings.qos(), m.retained());
    }

    @Override
    public void close(Message lastWords) {
        if (lastWords == null) {
            client.disconnect(null, null, false);
        } else {
            client.disconnect(lastWords.topic(), lastWords.payload(), lastWords.retained());
        }
        client.close();
    }
}
