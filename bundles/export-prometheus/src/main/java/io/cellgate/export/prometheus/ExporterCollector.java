package io.cellgate.export.prometheus;

import io.cellgate.api.runtime.ExporterHealth;
import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Whether each exporter does its job, so that one that stops is seen and can be alerted on
 * ({@code cellgate_exporter_up == 0}): every registered {@link ExporterHealth}, and this endpoint itself, which is up
 * whenever it answers and counts the scrapes that failed.
 */
final class ExporterCollector extends Collector {

    static final String SELF = "prometheus /metrics";

    private final Supplier<List<ExporterHealth>> exporters;
    private final LongSupplier failedScrapes;

    ExporterCollector(Supplier<List<ExporterHealth>> exporters, LongSupplier failedScrapes) {
        this.exporters = exporters;
        this.failedScrapes = failedScrapes;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        GaugeMetricFamily up = new GaugeMetricFamily("cellgate_exporter_up", "1 while the exporter does its job "
                + "(its thread runs and its latest write, connection or round succeeded), else 0.",
                List.of("exporter"));
        CounterMetricFamily failures = new CounterMetricFamily("cellgate_exporter_failures", "Attempts of the "
                + "exporter that failed since it started: writes, connections, rounds, scrapes.", List.of("exporter"));
        up.addMetric(List.of(SELF), 1);
        failures.addMetric(List.of(SELF), failedScrapes.getAsLong());
        for (ExporterHealth e : exporters.get()) {
            List<String> name = List.of(e.exporter());
            up.addMetric(name, e.up() ? 1 : 0);
            failures.addMetric(name, e.failures());
        }
        return List.of(up, failures);
    }
}
