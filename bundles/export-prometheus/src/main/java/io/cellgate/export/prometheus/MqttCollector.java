package io.cellgate.export.prometheus;

import io.cellgate.export.mqtt.api.MqttExporterStatus;
import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The MQTT exporters' counters, labelled by broker. The MQTT API package is imported optionally: this class touches
 * it only when an exporter is registered, so the metrics run on without the MQTT bundle.
 */
final class MqttCollector extends Collector {

    private final Supplier<List<Map.Entry<Map<String, Object>, Object>>> exporters;

    MqttCollector(Supplier<List<Map.Entry<Map<String, Object>, Object>>> exporters) {
        this.exporters = exporters;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<Map.Entry<Map<String, Object>, Object>> list = exporters.get();
        if (list.isEmpty()) {
            return List.of();
        }
        CounterMetricFamily dropped = new CounterMetricFamily("cellgate_mqtt_dropped", "MQTT messages dropped, "
                + "oldest first, because the buffer was full while the broker could not be reached.",
                List.of("broker"));
        CounterMetricFamily published = new CounterMetricFamily("cellgate_mqtt_published", "MQTT messages handed "
                + "to the broker connection.", List.of("broker"));
        GaugeMetricFamily buffered = new GaugeMetricFamily("cellgate_mqtt_buffered_messages", "MQTT messages "
                + "waiting to be published.", List.of("broker"));
        GaugeMetricFamily connected = new GaugeMetricFamily("cellgate_mqtt_connected", "1 while connected to the "
                + "broker.", List.of("broker"));
        for (Map.Entry<Map<String, Object>, Object> e : list) {
            List<String> broker = List.of(String.valueOf(e.getKey().get(MqttExporterStatus.BROKER)));
            MqttExporterStatus s = (MqttExporterStatus) e.getValue();
            dropped.addMetric(broker, s.droppedMessages());
            published.addMetric(broker, s.publishedMessages());
            buffered.addMetric(broker, s.bufferedMessages());
            connected.addMetric(broker, s.connected() ? 1 : 0);
        }
        return List.of(dropped, published, buffered, connected);
    }
}
