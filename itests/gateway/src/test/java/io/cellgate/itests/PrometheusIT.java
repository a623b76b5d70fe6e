package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.telemetry.PackView;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/**
 * {@code GET /metrics} on Felix HTTP Jetty, parsed as the Prometheus text format and checked, name by name and
 * label by label, against the pack state read through the {@link Pack} service.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PrometheusIT extends TelemetrySupport {

    /** A scrape and the view it was taken from: the pack did not tick in between. */
    private record Scrape(PromText metrics, PackView view, long ticksBefore, long ticksAfter,
            HttpResponse<String> response) {
    }

    private Scrape scrapeBetweenTicks(Pack pack) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            long ticksBefore = pack.stats().ticks();
            PackView before = pack.latest();
            HttpResponse<String> r = scrape();
            PackView after = pack.latest();
            if (r != null && before != null && before.tick() == after.tick()) {
                return new Scrape(PromText.parse(r.body()), before, ticksBefore, pack.stats().ticks(), r);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no scrape between two ticks of " + pack.description().id());
    }

    @Test
    public void traceIsRefusedOnEveryPathAndEchoesNoHeader() throws Exception {
        awaitMetrics();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (java.net.URI uri : List.of(metricsUri(), metricsUri().resolve("/no-such-path"))) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .method("TRACE", HttpRequest.BodyPublishers.noBody()).header("X-Cellgate-Secret", "s3cret").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("TRACE " + uri, 405, r.statusCode());
            assertFalse("no echo of the request: " + r.body(), r.body().contains("s3cret"));
            assertEquals("GET, HEAD, OPTIONS", r.headers().firstValue("Allow").orElse(""));
        }
        assertTrue("GET still answers", scrape() != null);
    }

    @Test
    public void everyMetricMatchesThePackStateReadThroughThePackService() throws Exception {
        track(simulatedPack("itp1", 6, "NCM", EK_DATASHEET, 1000, Map.of("soc.spread.percent", 8.0, "time.scale", 600.0)));
        Pack pack = awaitPack("itp1");
        await("two ticks", () -> pack.stats().ticks() >= 2);
        awaitMetrics();
        Scrape s = scrapeBetweenTicks(pack);
        PromText m = s.metrics();
        PackView v = s.view();

        assertTrue(s.response().headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        assertEquals("gauge", m.types.get("cellgate_cell_voltage_volts"));
        assertEquals("gauge", m.types.get("cellgate_pair_delta_volts"));
        assertEquals("gauge", m.types.get("cellgate_pair_balance_current_amperes"));
        assertEquals("gauge", m.types.get("cellgate_cell_bleed_current_amperes"));
        assertEquals("gauge", m.types.get("cellgate_pack_spread_volts"));
        assertEquals("gauge", m.types.get("cellgate_pack_max_adjacent_delta_volts"));
        assertEquals("gauge", m.types.get("cellgate_cell_indicator"));
        assertEquals("gauge", m.types.get("cellgate_board_state"));
        assertEquals("counter", m.types.get("cellgate_ticks_total"));
        assertEquals("counter", m.types.get("cellgate_faults_total"));
        assertEquals("histogram", m.types.get("cellgate_tick_duration_seconds"));
        assertTrue("no _created series", m.samples.stream().noneMatch(x -> x.name().endsWith("_created")));

        for (int c = 0; c < 6; c++) {
            String cell = String.valueOf(c + 1);
            assertEquals("cell " + cell, v.volts(c), m.value("cellgate_cell_voltage_volts", "pack", "itp1", "cell", cell),
                    0.0);
            assertEquals(v.bleedAmps(c), m.value("cellgate_cell_bleed_current_amperes", "pack", "itp1", "cell", cell),
                    0.0);
            for (CellStatus st : CellStatus.values()) {
                assertEquals(v.status(c) == st ? 1.0 : 0.0,
                        m.value("cellgate_cell_status", "pack", "itp1", "cell", cell, "status", st.name()), 0.0);
            }
            for (Indicator i : Indicator.values()) {
                assertEquals(v.indicator(c) == i ? 1.0 : 0.0,
                        m.value("cellgate_cell_indicator", "pack", "itp1", "cell", cell, "state", i.name()), 0.0);
            }
        }
        for (int k = 0; k < 5; k++) {
            String pair = String.valueOf(k + 1);
            assertEquals(v.deltaVolts(k), m.value("cellgate_pair_delta_volts", "pack", "itp1", "pair", pair), 0.0);
            assertEquals(v.signedAmps(k), m.value("cellgate_pair_balance_current_amperes", "pack", "itp1", "pair",
                    pair), 0.0);
        }
        for (BoardState b : BoardState.values()) {
            assertEquals(v.boardState() == b ? 1.0 : 0.0, m.value("cellgate_board_state", "pack", "itp1", "state",
                    b.name()), 0.0);
        }
        for (PackHealth h : PackHealth.values()) {
            assertEquals(v.health() == h ? 1.0 : 0.0, m.value("cellgate_pack_health", "pack", "itp1", "health",
                    h.name()), 0.0);
        }
        assertEquals(v.spreadVolts(), m.value("cellgate_pack_spread_volts", "pack", "itp1"), 0.0);
        assertEquals(v.maxAdjacentDeltaVolts(), m.value("cellgate_pack_max_adjacent_delta_volts", "pack", "itp1"),
                0.0);
        double ticks = m.value("cellgate_ticks_total", "pack", "itp1");
        assertTrue(ticks >= s.ticksBefore() && ticks <= s.ticksAfter());
        assertEquals(6, m.named("cellgate_cell_voltage_volts").stream()
                .filter(x -> x.labels().get("pack").equals("itp1")).count());
        assertTrue(m.named("cellgate_cell_voltage_volts").stream()
                .allMatch(x -> x.labels().keySet().equals(Set.of("pack", "cell"))));

        // the histogram: cumulative buckets up to +Inf = count, one observation per tick
        List<PromText.Sample> buckets = m.named("cellgate_tick_duration_seconds_bucket").stream()
                .filter(x -> x.labels().get("pack").equals("itp1")).collect(Collectors.toList());
        assertEquals(14, buckets.size());
        for (int i = 1; i < buckets.size(); i++) {
            assertTrue(buckets.get(i).value() >= buckets.get(i - 1).value());
        }
        double count = m.value("cellgate_tick_duration_seconds_count", "pack", "itp1");
        assertEquals(count, m.value("cellgate_tick_duration_seconds_bucket", "pack", "itp1", "le", "+Inf"), 0.0);
        assertTrue("one observation per tick: " + count + " vs " + ticks, Math.abs(count - ticks) <= 1);
        assertTrue(m.value("cellgate_tick_duration_seconds_sum", "pack", "itp1") > 0);
        for (String kind : List.of("no_balancer", "no_source", "reading_failed", "balancer_failed", "output_failed",
                "board")) {
            assertTrue(m.value("cellgate_faults_total", "pack", "itp1", "kind", kind) >= 0);
        }
        assertTrue("no MQTT exporter, no MQTT metrics", m.named("cellgate_mqtt_dropped_total").isEmpty());
    }

    private HttpResponse<byte[]> get(String accept, String acceptEncoding) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(metricsUri()).timeout(Duration.ofSeconds(5));
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (acceptEncoding != null) {
            b.header("Accept-Encoding", acceptEncoding);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    public void openMetricsWhenAskedForAndGzipWhenTaken() throws Exception {
        track(simulatedPack("itpo", 4, "NCM", EK_DATASHEET, 100));
        Pack pack = awaitPack("itpo");
        await("a tick", () -> pack.latest() != null);
        awaitMetrics();

        // what Prometheus 2.x sends
        HttpResponse<byte[]> open = get("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,"
                + "*/*;q=0.1", null);
        assertEquals(200, open.statusCode());
        assertTrue(open.headers().firstValue("Content-Type").orElse(""),
                open.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"));
        String text = new String(open.body(), StandardCharsets.UTF_8);
        assertTrue(text, text.endsWith("# EOF\n"));
        assertTrue(text, text.contains("cellgate_ticks_total{pack=\"itpo\"} "));
        // a 4-cell pack on the 20S datasheet board runs with its "low strings" warning: BOARD_FAULT, as the pack says
        String health = "cellgate_pack_health{pack=\"itpo\",health=\"" + pack.latest().health() + "\"} 1.0";
        assertTrue(text, text.contains(health));

        HttpResponse<byte[]> zipped = get(null, "gzip");
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
        String unzipped;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(zipped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        assertTrue(unzipped, PromText.parse(unzipped).value("cellgate_cell_status", "pack", "itpo", "cell", "1",
                "status", "OK") >= 0);
        assertTrue("compressed: " + zipped.body().length + " of " + unzipped.length(),
                zipped.body().length < unzipped.length() / 3);

        HttpResponse<byte[]> plain = get(null, null);
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
    }

    @Test
    public void twoPacksHaveTheirOwnSeriesAndARemovedPackDisappears() throws Exception {
        org.osgi.service.cm.Configuration[] a = track(simulatedPack("itpa", 4, "NCM", EK_DATASHEET, 50));
        track(simulatedPack("itpb", 5, "NCM", EK_DATASHEET, 50));
        Pack pa = awaitPack("itpa");
        Pack pb = awaitPack("itpb");
        await("ticks", () -> pa.stats().ticks() > 3 && pb.stats().ticks() > 3);
        PromText m = awaitMetrics();
        assertEquals(3, m.named("cellgate_pair_delta_volts").stream().filter(x -> x.labels().get("pack").equals("itpa"))
                .count());
        assertEquals(4, m.named("cellgate_pair_delta_volts").stream().filter(x -> x.labels().get("pack").equals("itpb"))
                .count());
        for (org.osgi.service.cm.Configuration c : a) {
            c.delete();
        }
        await("itpa to stop", () -> pack("itpa") == null);
        PromText after = PromText.parse(scrape().body());
        assertTrue("no series of a removed pack", after.samples.stream()
                .noneMatch(x -> "itpa".equals(x.labels().get("pack"))));
        assertTrue(after.value("cellgate_ticks_total", "pack", "itpb") > 3);
    }

    @Test
    public void theMqttCountersComeAndGoWithTheMqttExporter() throws Exception {
        String broker = "tcp://127.0.0.1:" + GatewayOptions.freePort(); // nobody listens: an outage from the start
        factory("io.cellgate.export.mqtt", "prom", Map.of("broker.url", broker, "client.id", "it-prom"));
        await("the MQTT series", () -> {
            HttpResponse<String> r = scrape();
            return r != null && PromText.parse(r.body()).get("cellgate_mqtt_connected", "broker", broker) != null;
        });
        PromText m = PromText.parse(scrape().body());
        assertEquals(0.0, m.value("cellgate_mqtt_connected", "broker", broker), 0.0);
        assertEquals("counter", m.types.get("cellgate_mqtt_dropped_total"));

        org.osgi.framework.Bundle mqtt = Arrays.stream(context().getBundles())
                .filter(b -> "io.cellgate.export.mqtt".equals(b.getSymbolicName())).findFirst().orElseThrow();
        mqtt.stop();
        try {
            await("the MQTT series to go", () -> scrape() != null
                    && PromText.parse(scrape().body()).named("cellgate_mqtt_connected").isEmpty());
            assertTrue("the metrics go on without it", scrape() != null);
        } finally {
            mqtt.start();
        }
    }

    @Test
    public void servedOnLoopbackOnlyOnTheConfiguredPort() throws Exception {
        awaitMetrics();
        ServiceReference<?>[] runtimes = context().getServiceReferences(
                "org.osgi.service.servlet.runtime.HttpServiceRuntime", null);
        assertTrue(runtimes != null && runtimes.length == 1);
        Object endpoint = runtimes[0].getProperty("osgi.http.endpoint");
        List<String> endpoints = endpoint instanceof String[] e ? Arrays.asList(e) : List.of(String.valueOf(endpoint));
        String port = context().getProperty("org.osgi.service.http.port");
        assertEquals(List.of("http://127.0.0.1:" + port + "/"), endpoints);
        assertFalse(log.stream().anyMatch(l -> l.contains("metrics") && l.startsWith("ERROR")));
        assertNull("the default registry is not used", metricsFromDefaultRegistry());
    }

    /** The Prometheus client's static default registry stays empty: the exporter keeps its own per component. */
    private Object metricsFromDefaultRegistry() {
        return io.prometheus.client.CollectorRegistry.defaultRegistry.getSampleValue("cellgate_ticks_total",
                new String[] {"pack"}, new String[] {"itp1"});
    }
}
