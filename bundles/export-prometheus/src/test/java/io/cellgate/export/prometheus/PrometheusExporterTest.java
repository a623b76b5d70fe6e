package io.cellgate.export.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.insight.LedgerCounts;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.insight.PackCharge;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.testing.FixedLedgers;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.export.mqtt.api.MqttExporterStatus;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.util.converter.Converters;

/** The text the servlet writes, with the references set as SCR would. */
class PrometheusExporterTest {

    private static PrometheusConfig defaults() {
        return Converters.standardConverter().convert(Map.of()).to(PrometheusConfig.class);
    }

    private static void inject(Object target, String field, Object value) throws Exception {
        Field f = PrometheusExporter.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    /** An exporter's status, fixed: the record's accessors are the interface's methods. */
    private record Status(long droppedMessages, long publishedMessages, int bufferedMessages, boolean connected)
            implements MqttExporterStatus {
    }

    private static MqttExporterStatus status(long dropped) {
        return new Status(dropped, 100, 3, false);
    }

    /** A pack service as SCR hands it over: got for a scrape, given back after. */
    static final class Held implements ComponentServiceObjects<Pack> {
        final Pack pack;
        int held;

        Held(Pack pack) {
            this.pack = pack;
        }

        @Override
        public Pack getService() {
            held++;
            return pack;
        }

        @Override
        public void ungetService(Pack service) {
            held--;
        }

        @Override
        public ServiceReference<Pack> getServiceReference() {
            return null;
        }
    }

    private static String scrape(PrometheusExporter e) throws Exception {
        StringWriter w = new StringWriter();
        e.write(w);
        return w.toString();
    }

    @Test
    void writesTheTextFormatWithoutCreatedSeries() throws Exception {
        PrometheusExporter e = new PrometheusExporter(defaults());
        PackStateBuffer s = TestPacks.state("p1", 3);
        Held pack = new Held(TestPacks.pack("p1", 3, PackView.of(s), 12));
        inject(e, "packs", List.of(pack));
        e.onTick(s);
        String text = scrape(e);
        assertEquals(0, pack.held, "every pack got for the scrape is given back");
        assertTrue(text.contains("# TYPE cellgate_cell_voltage_volts gauge\n"), text);
        assertTrue(text.contains("cellgate_cell_voltage_volts{pack=\"p1\",cell=\"1\",} 3.7\n"), text);
        assertTrue(text.contains("# TYPE cellgate_ticks_total counter\n"), text);
        assertTrue(text.contains("cellgate_ticks_total{pack=\"p1\",} 12.0\n"), text);
        assertTrue(text.contains("cellgate_tick_duration_seconds_count{pack=\"p1\",} 1.0\n"), text);
        assertFalse(text.contains("_created"), text);
        assertFalse(text.contains("cellgate_mqtt_"), "no MQTT exporter, no MQTT metrics");
    }

    @Test
    void writesOpenMetricsWhenAskedForIt() throws Exception {
        PrometheusExporter e = new PrometheusExporter(defaults());
        PackStateBuffer s = TestPacks.state("p1", 3);
        inject(e, "packs", List.of(new Held(TestPacks.pack("p1", 3, PackView.of(s), 12))));
        e.onTick(s);
        Negotiation asked = Negotiation.of("application/openmetrics-text; version=1.0.0; charset=utf-8", null);
        assertTrue(asked.contentType().startsWith("application/openmetrics-text"), asked.contentType());
        StringWriter w = new StringWriter();
        e.write(w, asked.contentType());
        String text = w.toString();
        assertTrue(text.endsWith("# EOF\n"), text);
        assertTrue(text.contains("# TYPE cellgate_ticks counter\n"), text);
        assertTrue(text.contains("cellgate_ticks_total{pack=\"p1\"} 12.0\n"), text);
        assertTrue(text.contains("cellgate_pack_health{pack=\"p1\",health=\"OK\"} 1.0\n"), text);
        assertFalse(text.contains("_created"), text);
    }

    @Test
    void aScraperGetsTheTextFormatUnlessItAsksForOpenMetrics() {
        assertEquals(TextFormat.CONTENT_TYPE_004, Negotiation.of(null, null).contentType());
        assertEquals(TextFormat.CONTENT_TYPE_004, Negotiation.of("text/plain", null).contentType());
        assertEquals(TextFormat.CONTENT_TYPE_OPENMETRICS_100, Negotiation.of("application/openmetrics-text;"
                + "version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", null).contentType(), "Prometheus' own");
    }

    @Test
    void gzipOnlyWhenTheScraperTakesIt() {
        assertFalse(Negotiation.of(null, null).gzip());
        assertTrue(Negotiation.of(null, "gzip").gzip());
        assertTrue(Negotiation.of(null, "deflate, GZIP;q=0.8").gzip());
        assertFalse(Negotiation.of(null, "gzip;q=0").gzip());
        assertFalse(Negotiation.of(null, "identity").gzip());
    }

    @Test
    void eachMqttExporterIsLabelledByItsBroker() throws Exception {
        PrometheusExporter e = new PrometheusExporter(defaults());
        inject(e, "mqtt", List.of(Map.entry(Map.<String, Object>of(MqttExporterStatus.BROKER, "tcp://b:1883"),
                (Object) status(42))));
        String text = scrape(e);
        assertTrue(text.contains("cellgate_mqtt_dropped_total{broker=\"tcp://b:1883\",} 42.0\n"), text);
        assertTrue(text.contains("cellgate_mqtt_connected{broker=\"tcp://b:1883\",} 0.0\n"), text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("cellgate_mqtt_buffered_messages{")).count());
    }

    @Test
    void theBalancingLedgerIsCountedInCoulombsAndSecondsPerCellDirectionAndPair() throws Exception {
        PrometheusExporter e = new PrometheusExporter(defaults());
        assertFalse(scrape(e).contains("cellgate_balance_"), "no insight bundle, no ledger metrics");

        // 36 C from cell 3 down to cell 2 over 90 s, 1.8 C bled from cell 1; the pack current never measured
        LedgerCounts moved = new LedgerCounts(new double[] {0, 36, 0}, new double[] {0, 0, 36},
                new double[] {1.8, 0, 0}, new double[] {90, 90, 90}, new double[] {0, 36}, new double[] {0, 90});
        LedgerSnapshot p1 = new LedgerSnapshot(new PackDescription("p1", 3, Chemistry.NCM), 1_767_225_600_000L, moved,
                List.of(), PackCharge.NONE);
        LedgerSnapshot p2 = new LedgerSnapshot(new PackDescription("p2", 3, Chemistry.LFP), 1_767_225_600_000L,
                LedgerCounts.zero(3), List.of(), new PackCharge(360, 7.2, 600, -1.0));
        inject(e, "insight", new FixedLedgers(p1, p2));
        String text = scrape(e);

        assertTrue(text.contains("# TYPE cellgate_balance_charge_coulombs_total counter\n"), text);
        assertTrue(text.contains("cellgate_balance_charge_coulombs_total{pack=\"p1\",cell=\"2\","
                + "direction=\"in\",} 36.0\n"), text);
        assertTrue(text.contains("cellgate_balance_charge_coulombs_total{pack=\"p1\",cell=\"3\","
                + "direction=\"out\",} 36.0\n"), text);
        assertTrue(text.contains("cellgate_balance_charge_coulombs_total{pack=\"p1\",cell=\"1\","
                + "direction=\"bled\",} 1.8\n"), text);
        assertTrue(text.contains("cellgate_balance_active_seconds_total{pack=\"p1\",cell=\"3\",} 90.0\n"), text);
        assertTrue(text.contains("cellgate_pair_balance_charge_coulombs_total{pack=\"p1\",pair=\"2\",} 36.0\n"), text);
        assertTrue(text.contains("cellgate_pair_balance_active_seconds_total{pack=\"p1\",pair=\"1\",} 0.0\n"), text);
        assertTrue(text.contains("cellgate_balance_ledger_start_time_seconds{pack=\"p1\",} 1.7672256E9\n"), text);
        assertFalse(text.contains("cellgate_pack_charge_coulombs_total{pack=\"p1\""), "never measured: no series");
        assertTrue(text.contains("cellgate_pack_charge_coulombs_total{pack=\"p2\",direction=\"in\",} 360.0\n"), text);
        assertTrue(text.contains("cellgate_pack_charge_coulombs_total{pack=\"p2\",direction=\"out\",} 7.2\n"), text);
        assertFalse(text.contains("_created"), text);
    }
}
