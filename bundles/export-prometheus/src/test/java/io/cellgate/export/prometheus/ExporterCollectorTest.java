package io.cellgate.export.prometheus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.runtime.ExporterHealth;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExporterCollectorTest {

    /** An exporter's health, fixed: the record's accessors are the interface's methods. */
    record Health(String exporter, boolean up, long failures, String problem) implements ExporterHealth {
    }

    @Test
    void everyExporterAndThisEndpointHaveAnUpGaugeAndAFailureCounter() throws IOException {
        CollectorRegistry registry = new CollectorRegistry();
        registry.register(new ExporterCollector(() -> List.of(new Health("recorder data/recordings", false, 7,
                "cannot write pack1 to data/recordings: No space left on device"),
                new Health("mqtt tcp://127.0.0.1:1883", true, 0, null)), () -> 2));
        StringWriter out = new StringWriter();
        TextFormat.write004(out, registry.metricFamilySamples());
        String text = out.toString();
        assertTrue(text.contains("cellgate_exporter_up{exporter=\"recorder data/recordings\",} 0.0\n"), text);
        assertTrue(text.contains("cellgate_exporter_failures_total{exporter=\"recorder data/recordings\",} 7.0\n"),
                text);
        assertTrue(text.contains("cellgate_exporter_up{exporter=\"mqtt tcp://127.0.0.1:1883\",} 1.0\n"), text);
        assertTrue(text.contains("cellgate_exporter_up{exporter=\"prometheus /metrics\",} 1.0\n"), text);
        assertTrue(text.contains("cellgate_exporter_failures_total{exporter=\"prometheus /metrics\",} 2.0\n"), text);
        assertTrue(text.contains("# TYPE cellgate_exporter_failures_total counter"), text);
    }
}
