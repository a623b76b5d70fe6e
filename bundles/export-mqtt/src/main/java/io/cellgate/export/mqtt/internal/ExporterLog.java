package io.cellgate.export.mqtt.internal;

/** What the publish loop has to say to an operator. */
interface ExporterLog {

    void info(String message);

    void warn(String message);
}
