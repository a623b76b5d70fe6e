package io.cellgate.export.prometheus;

import io.cellgate.api.insight.ActiveAlert;
import io.cellgate.api.insight.AlertKind;
import io.cellgate.api.insight.CellEstimate;
import io.cellgate.api.insight.Finding;
import io.cellgate.api.insight.PackInsight;
import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The insight's estimates, findings and alerts: per cell state of charge, capacity and its confidence,
 * self-discharge, each absent while unknown (an absent series, not a zero); per pack one series per alert kind, 1
 * while raised and 0 otherwise, so that an alerting rule can say {@code == 1}; one series per present finding. No
 * series while the insight bundle does not run.
 */
final class InsightCollector extends Collector {

    private final Supplier<List<PackInsight>> insights;

    InsightCollector(Supplier<List<PackInsight>> insights) {
        this.insights = insights;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<PackInsight> all = insights.get();
        if (all.isEmpty()) {
            return List.of();
        }
        GaugeMetricFamily soc = new GaugeMetricFamily("cellgate_cell_soc_ratio", "State of charge of the cell, 0 to "
                + "1: its open-circuit voltage at the last rest, carried on by the charge counted since.",
                List.of("pack", "cell"));
        GaugeMetricFamily capacity = new GaugeMetricFamily("cellgate_cell_capacity_coulombs", "Capacity of the "
                + "cell, from the charge counted between rest points against the change of its charge "
                + "(1 Ah = 3600 C).", List.of("pack", "cell"));
        GaugeMetricFamily confidence = new GaugeMetricFamily("cellgate_cell_capacity_confidence_ratio", "One minus "
                + "the relative standard error of the cell's capacity.", List.of("pack", "cell"));
        GaugeMetricFamily selfDischarge = new GaugeMetricFamily("cellgate_cell_self_discharge_amperes", "Charge the "
                + "cell loses that no counted current explains (its self-discharge, with the board's share).",
                List.of("pack", "cell"));
        GaugeMetricFamily alert = new GaugeMetricFamily("cellgate_insight_alert", "1 while the pack's alert is "
                + "raised, 0 otherwise.", List.of("pack", "alert"));
        GaugeMetricFamily alertSince = new GaugeMetricFamily("cellgate_insight_alert_since_seconds", "When the "
                + "raised alert was raised, in seconds since the epoch.", List.of("pack", "alert"));
        GaugeMetricFamily finding = new GaugeMetricFamily("cellgate_insight_finding", "1 for each finding about "
                + "the pack: its kind, and the cell it names (empty for the pack or its board).",
                List.of("pack", "kind", "cell"));
        for (PackInsight insight : all) {
            String id = insight.pack().id();
            for (CellEstimate e : insight.cells()) {
                List<String> labels = List.of(id, String.valueOf(e.cell() + 1));
                addKnown(soc, labels, e.soc());
                addKnown(capacity, labels, e.capacityAh() * 3600);
                if (Double.isFinite(e.capacityAh())) {
                    confidence.addMetric(labels, e.capacityConfidence());
                }
                addKnown(selfDischarge, labels, e.selfDischargeAmps());
            }
            for (AlertKind kind : AlertKind.values()) {
                ActiveAlert raised = insight.alert(kind).orElse(null);
                alert.addMetric(List.of(id, kind.id()), raised == null ? 0 : 1);
                if (raised != null) {
                    alertSince.addMetric(List.of(id, kind.id()), raised.sinceMillis() / 1000.0);
                }
            }
            for (Finding f : insight.findings()) {
                finding.addMetric(List.of(id, f.kind().name().toLowerCase(Locale.ROOT),
                        f.cell() < 0 ? "" : String.valueOf(f.cell() + 1)), 1);
            }
        }
        return List.of(soc, capacity, confidence, selfDischarge, alert, alertSince, finding);
    }

    private static void addKnown(GaugeMetricFamily family, List<String> labels, double value) {
        if (Double.isFinite(value)) {
            family.addMetric(labels, value);
        }
    }
}
