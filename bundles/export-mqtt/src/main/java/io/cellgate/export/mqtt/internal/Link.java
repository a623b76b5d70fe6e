package io.cellgate.export.mqtt.internal;

import io.cellgate.broker.PahoClient;

/** The connection to the broker as the publish loop sees it: nothing here blocks for long. */
interface Link {

    /** Starts connecting; the outcome arrives later through {@code events}. */
    void connect(PahoClient.Events events);

    /** Hands a message to the connection; false when it cannot take one now (not connected, window full). */
    boolean publish(Message message);

    /** Publishes {@code lastWords} when still connected, disconnects, and ends every thread of the link. */
    void close(Message lastWords);
}
