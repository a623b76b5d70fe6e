package io.cellgate.api.runtime;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Whether an exporter does its job, registered by every exporter that works on a thread of its own (the CSV
 * recorder, each MQTT exporter), so that one that stops is never silently dead: Prometheus shows it as
 * {@code cellgate_exporter_up} and {@code cellgate_exporter_failures_total}, the shell as {@code cellgate:exporters}.
 *
 * @since 2.1
 */
@ProviderType
public interface ExporterHealth {

    /** Which exporter, as an operator finds it: its kind and where it sends, e.g. {@code mqtt tcp://host:1883}. */
    String exporter();

    /** True while its thread runs and its latest attempt (a write, a connection, a round) succeeded. */
    default boolean up() {
        return problem() == null;
    }

    /** Attempts that failed since the exporter started: writes, connections, rounds. */
    long failures();

    /** What is wrong now, in a sentence an operator can act on, or {@code null} while {@link #up()}. */
    String problem();
}
