package io.cellgate.export.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.insight.ActiveAlert;
import io.cellgate.api.insight.AlertKind;
import io.cellgate.api.insight.CellEstimate;
import io.cellgate.api.insight.Finding;
import io.cellgate.api.insight.FindingKind;
import io.cellgate.api.insight.PackInsight;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InsightCollectorTest {

    private static final Path RULES = Path.of("../../config/prometheus");
    private final CollectorRegistry registry = new CollectorRegistry();
    private final List<PackInsight> insights = new ArrayList<>();

    InsightCollectorTest() {
        registry.register(new InsightCollector(() -> insights));
    }

    /** Cell 2 is weak and its alert raised; cell 3 has no rest reading yet. */
    private static PackInsight weakCell() {
        return new PackInsight(new PackDescription("pack1", 3, Chemistry.NCM), 1_767_225_600_000L, List.of(
                new CellEstimate(0, 0.5, 1, 2.5, 0.98, 5e-5, 0, 0, 4),
                new CellEstimate(1, 0.45, 1, 2.25, 0.97, 6e-5, -0.0004, 3.6, 4),
                new CellEstimate(2, Double.NaN, 0, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, 0)),
                List.of(new Finding(FindingKind.WEAK_CELL_CAPACITY, 1, "cell 2 is the weak cell")),
                List.of(new ActiveAlert(AlertKind.WEAK_CELL, "cell 2 is the weak cell", 1_767_225_500_000L)),
                List.of());
    }

    private Double cell(String name, String cell) {
        return registry.getSampleValue(name, new String[] {"pack", "cell"}, new String[] {"pack1", cell});
    }

    private Double alert(String kind) {
        return registry.getSampleValue("cellgate_insight_alert", new String[] {"pack", "alert"},
                new String[] {"pack1", kind});
    }

    @Test
    void estimatesAreInBaseUnitsAndAbsentWhileUnknown() {
        insights.add(weakCell());
        assertEquals(0.45, cell("cellgate_cell_soc_ratio", "2"));
        assertEquals(2.25 * 3600, cell("cellgate_cell_capacity_coulombs", "2"), 1e-9);
        assertEquals(0.97, cell("cellgate_cell_capacity_confidence_ratio", "2"));
        assertEquals(6e-5, cell("cellgate_cell_self_discharge_amperes", "2"));
        assertNull(cell("cellgate_cell_soc_ratio", "3"));
        assertNull(cell("cellgate_cell_capacity_coulombs", "3"));
        assertNull(cell("cellgate_cell_capacity_confidence_ratio", "3"));
    }

    @Test
    void everyAlertHasASeriesOneWhileRaisedAndEachFindingItsOwn() {
        insights.add(weakCell());
        assertEquals(1.0, alert("weak_cell"));
        for (String other : List.of("spread", "cell_fault", "ineffective_balancing", "never_sleeps")) {
            assertEquals(0.0, alert(other), other);
        }
        assertEquals(1_767_225_500.0, registry.getSampleValue("cellgate_insight_alert_since_seconds",
                new String[] {"pack", "alert"}, new String[] {"pack1", "weak_cell"}));
        assertEquals(1.0, registry.getSampleValue("cellgate_insight_finding", new String[] {"pack", "kind", "cell"},
                new String[] {"pack1", "weak_cell_capacity", "2"}));
    }

    @Test
    void noInsightBundleNoSeries() {
        assertEquals(false, registry.metricFamilySamples().hasMoreElements());
    }

    /** promtool (Debian's prometheus package) accepts the exposition and the shipped rules, and the rules fire. */
    @Test
    void promtoolAcceptsTheMetricsAndTheShippedAlertingRulesWhichFireOnTheAlertSeries() throws Exception {
        insights.add(weakCell());
        StringWriter text = new StringWriter();
        TextFormat.write004(text, registry.metricFamilySamples());
        Path metrics = Files.createTempFile("insight", ".prom");
        Files.writeString(metrics, text.toString());
        assertEquals("", promtool(null, metrics, "check", "metrics"));
        String rules = promtool(RULES, null, "check", "rules", "cellgate-alerts.rules.yml");
        assertTrue(rules.contains("SUCCESS: 5 rules found"), rules);
        String test = promtool(RULES, null, "test", "rules", "cellgate-alerts.rules.test.yml");
        assertTrue(test.contains("SUCCESS"), test);
        Files.delete(metrics);
    }

    /** Runs promtool; its output, or a failure with it when it exits with another status than 0. */
    private static String promtool(Path directory, Path stdin, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            throw new IOException("promtool is missing: install Debian's prometheus package (apt-get install -y "
                    + "prometheus)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not end");
        assertEquals(0, p.exitValue(), "promtool " + String.join(" ", args) + ":\n" + out);
        return out;
    }
}
