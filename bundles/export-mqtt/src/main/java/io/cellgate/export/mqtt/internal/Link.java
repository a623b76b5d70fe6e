package io.cellgate.export.mqtt.internal;

/** The connection to the broker as the publish loop sees it: nothing here blocks for long. */
interface Link {

    /** Starts connecting; the outcome arrives later through {@code events}. */
    void connect(Events events);

    /** Hands a message to the connection; false when it cannot take one now (not connected, window full). */
    boolean publish(Message message);

    /** Publishes {@code lastWords} when still connected, disconnects, and ends every thread of the link. */
    void close(Message lastWords);

    /** What the connection reports, from its own threads. */
    interface Events {
        void connected();

        void connectFailed(Throwable cause);

        void lost(Throwable cause);

        /** The connection can take more messages. */
        void ready();

        /** A message arrived on a subscribed topic (the model selects' commands). */
        default void arrived(String topic, byte[] payload) {
        }
    }
}
