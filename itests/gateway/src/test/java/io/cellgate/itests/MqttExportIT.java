package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.TickStats;
import io.cellgate.export.mqtt.api.MqttExporterStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The MQTT exporter against a real Mosquitto broker on loopback: state and Home Assistant discovery arrive as
 * documented; the broker killed mid-run and restarted on the same port: publishing resumes in order while the
 * tick never stalls, and a tiny buffer drops the oldest messages and counts them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MqttExportIT extends TelemetrySupport {

    static final long TICK_MS = 20;
    /** The insight's per-cell sensors (state of charge, capacity, charge balanced in and out): 4 per cell. */
    static final Pattern INSIGHT_SENSOR = Pattern.compile("_cell\\d+_(soc|capacity|balance_in|balance_out)/config$");
    /** The insight's retained topics of a pack: its own and one per cell. */
    static int insightTopics(int cells) {
        return 1 + cells;
    }
    /**
     * Longest single tick we accept (since the pack started) while the broker is away: a tick that waited for the
     * network would last the outage, 3 s and more. A 2-core machine busy with other work stretched a tick to 190 ms
     * (the first ticks load classes), so the bound sits between the two, not at the quiet machine's figure.
     */
    static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);
    /** Latest start we accept: scheduling on a busy 2-core machine, not a wait for the network (seconds). */
    static final long MAX_LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);

    @Before
    public void startBroker() throws Exception {
        startBroker("mosquitto");
    }

    private void exporter(String name, int buffer) throws Exception {
        factory("io.cellgate.export.mqtt", name, Map.of("broker.url", broker.url(), "gateway.id", "itgw",
                "client.id", "it-" + name, "publish.ms", 200L, "buffer.messages", buffer));
    }

    private MqttExporterStatus status() {
        return service(MqttExporterStatus.class, "(broker.url=" + broker.url() + ")");
    }

    private static JsonObject json(Subscriber.Received r) {
        return JsonParser.parseString(r.payload()).getAsJsonObject();
    }

    /** Ticks of the state messages received, in arrival order. */
    private static List<Long> stateTicks(Subscriber s, String pack) {
        return s.on("cellgate/" + pack + "/state").stream().map(r -> json(r).get("tick").getAsLong())
                .collect(Collectors.toList());
    }

    @Test
    public void packStateAndDiscoveryArriveAsDocumentedAndRetained() throws Exception {
        track(simulatedPack("itm1", 8, "NCM", EK_DATASHEET, TICK_MS));
        Pack pack = awaitPack("itm1");
        exporter("state", 1000);
        await("state, cells, pairs, board and discovery of itm1", () -> subscriber.last("cellgate/itm1/board") != null
                && subscriber.under("homeassistant/sensor/cellgate_itgw_itm1_").size() >= 27);

        JsonObject state = json(subscriber.last("cellgate/itm1/state"));
        assertEquals("itm1", state.get("pack").getAsString());
        assertEquals(8, state.get("cells").getAsInt());
        assertEquals(pack.latest().model(), state.get("model").getAsString());
        assertTrue(state.get("tick").getAsLong() <= pack.stats().ticks());
        assertEquals(8, state.getAsJsonArray("cellVolts").size());
        assertEquals(7, state.getAsJsonArray("pairAmps").size());
        for (int c = 1; c <= 8; c++) {
            JsonObject cell = json(subscriber.last("cellgate/itm1/cell/" + c));
            assertEquals(c, cell.get("cell").getAsInt());
            double volts = cell.get("volts").getAsDouble();
            assertEquals("cell " + c, pack.latest().volts(c - 1), volts, 0.05);
            assertEquals("OK", cell.get("status").getAsString());
            assertNotNull(cell.get("indicator").getAsString());
        }
        for (int k = 1; k <= 7; k++) {
            JsonObject pair = json(subscriber.last("cellgate/itm1/pair/" + k));
            assertTrue(pair.has("deltaVolts") && pair.has("amps") && pair.has("direction"));
        }
        JsonObject board = json(subscriber.last("cellgate/itm1/board"));
        String boardState = board.get("state").getAsString();
        assertTrue(List.of("ACTIVE", "SLEEP", "FAULT").contains(boardState));
        // 8 cells on a 20S board: low strings put it in FAULT, and the health says so too
        assertEquals("health agrees with the board", "FAULT".equals(boardState) ? "BOARD_FAULT" : "OK",
                board.get("health").getAsString());

        // 8 cell voltages, 7 pair differences and currents, two spreads, balancing pairs, board state, health (the
        // insight's sensors of each cell come beside them, with the insight: docs/insight.md)
        assertEquals(27, subscriber.under("homeassistant/sensor/cellgate_itgw_itm1_").stream()
                .map(Subscriber.Received::topic).filter(t -> !INSIGHT_SENSOR.matcher(t).find()).distinct().count());
        JsonObject cell1 = json(subscriber.last("homeassistant/sensor/cellgate_itgw_itm1_cell1_volts/config"));
        assertEquals("cellgate_itgw_itm1_cell1_volts", cell1.get("unique_id").getAsString());
        assertEquals("cellgate/itm1/cell/1", cell1.get("state_topic").getAsString());
        assertEquals("{{ value_json.volts }}", cell1.get("value_template").getAsString());
        assertEquals("V", cell1.get("unit_of_measurement").getAsString());
        assertEquals("voltage", cell1.get("device_class").getAsString());
        assertEquals("measurement", cell1.get("state_class").getAsString());
        assertEquals("cellgate/itgw/availability", cell1.get("availability_topic").getAsString());
        JsonObject device = cell1.getAsJsonObject("device");
        assertEquals("cellgate_itgw_itm1", device.getAsJsonArray("identifiers").get(0).getAsString());
        assertEquals("Cellgate", device.get("manufacturer").getAsString());
        assertEquals("EK-L20S1A/datasheet", device.get("model").getAsString());
        JsonObject amps = json(subscriber.last("homeassistant/sensor/cellgate_itgw_itm1_pair1_amps/config"));
        assertEquals("current", amps.get("device_class").getAsString());
        assertEquals("A", amps.get("unit_of_measurement").getAsString());
        assertEquals("online", subscriber.last("cellgate/itgw/availability").payload());

        // A newcomer gets the retained state at once. Live publishes go on meanwhile and may arrive right after the
        // retained delivery, so the assertions read the first message of each topic, the one the broker kept.
        try (Subscriber late = new Subscriber(broker.url())) {
            await("retained messages for a late subscriber", () -> late.first("cellgate/itm1/board") != null
                    && late.first("cellgate/itm1/state") != null && late.first("cellgate/itm1/cell/8") != null
                    && late.first("homeassistant/sensor/cellgate_itgw_itm1_health/config") != null
                    && late.first("cellgate/itgw/availability") != null);
            Subscriber.Received retainedState = late.first("cellgate/itm1/state");
            assertTrue(retainedState.retained());
            assertEquals("itm1", json(retainedState).get("pack").getAsString());
            Subscriber.Received retainedCell = late.first("cellgate/itm1/cell/8");
            assertTrue(retainedCell.retained());
            assertEquals(8, json(retainedCell).get("cell").getAsInt());
            Subscriber.Received retainedConfig = late.first("homeassistant/sensor/cellgate_itgw_itm1_health/config");
            assertTrue(retainedConfig.retained());
            assertEquals("cellgate_itgw_itm1_health", json(retainedConfig).get("unique_id").getAsString());
            Subscriber.Received availability = late.first("cellgate/itgw/availability");
            assertTrue(availability.retained());
            assertEquals("online", availability.payload());
        }

        cleanUp(); // the exporter says goodbye and every thread of it ends
        await("availability offline", () -> "offline".equals(subscriber.last("cellgate/itgw/availability")
                .payload()));
        await("every exporter thread to end", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().contains("it-state")), () -> Thread.getAllStackTraces().keySet()
                        .stream().map(Thread::getName).filter(n -> n.contains("it-state"))
                        .collect(Collectors.joining(", ")));
    }

    @Test
    public void publishingResumesInOrderAfterTheBrokerIsKilledAndTheTickNeverStalls() throws Exception {
        track(simulatedPack("itm2", 8, "NCM", EK_DATASHEET, TICK_MS));
        Pack pack = awaitPack("itm2");
        exporter("outage", 10_000);
        await("state messages", () -> subscriber.on("cellgate/itm2/state").size() >= 3);
        MqttExporterStatus status = status();
        PromText histogramBefore = awaitMetrics();

        broker.kill();
        long killed = System.nanoTime();
        TickStats before = pack.stats();
        subscriber.close();
        await("the exporter to notice", () -> !status.connected());
        Thread.sleep(3000);
        assertTrue("buffering: " + status.bufferedMessages(), status.bufferedMessages() > 17);
        long tickBeforeRestart = pack.latest().tick();
        broker.restart();
        subscriber = new Subscriber(broker.url());
        await("the exporter to reconnect", status::connected);
        TickStats after = pack.stats();
        double outageMs = (System.nanoTime() - killed) / 1e6;

        // the tick went on at its rate and no tick waited for the network: a listener that blocked would make
        // every following tick start late (fixed rate), and the ticks of the outage would be missing
        long ticks = after.ticks() - before.ticks();
        PromText histogramAfter = PromText.parse(scrape().body());
        double[] le = {1e-4, 1e-3, 1e-2};
        long[] within = new long[le.length];
        for (int i = 0; i < le.length; i++) {
            within[i] = Math.round(histogramAfter.value("cellgate_tick_duration_seconds_bucket", "pack", "itm2", "le",
                    String.valueOf(le[i])) - histogramBefore.value("cellgate_tick_duration_seconds_bucket", "pack",
                    "itm2", "le", String.valueOf(le[i])));
        }
        System.out.printf("outage %.0f ms: %d ticks of %d ms (%.0f expected); of the ticks since the scrape before "
                + "the kill %d took <= 0.1 ms, %d <= 1 ms, %d <= 10 ms; longest tick since start %.2f ms, latest start "
                + "%.2f ms late%n", outageMs, ticks, TICK_MS, outageMs / TICK_MS, within[0], within[1], within[2],
                after.maxDurationNanos() / 1e6, after.maxLatenessNanos() / 1e6);
        assertTrue("ticks during the outage: " + ticks, ticks >= 0.8 * outageMs / TICK_MS);
        assertTrue("longest tick " + after.maxDurationNanos() + " ns", after.maxDurationNanos() < MAX_TICK_NANOS);
        assertTrue("latest start " + after.maxLatenessNanos() + " ns", after.maxLatenessNanos() < MAX_LATE_NANOS);

        // what was buffered during the outage arrives, in order, and nothing was dropped
        await("states recorded during the outage", () -> stateTicks(subscriber, "itm2").stream()
                .anyMatch(t -> t < tickBeforeRestart));
        await("the buffer to drain", () -> status.bufferedMessages() == 0);
        List<Long> received = stateTicks(subscriber, "itm2");
        for (int i = 1; i < received.size(); i++) {
            assertTrue("in order: " + received, received.get(i) > received.get(i - 1));
        }
        assertEquals(0, status.droppedMessages());
        await("discovery again on the restarted broker", () -> subscriber.last(
                "homeassistant/sensor/cellgate_itgw_itm2_cell1_volts/config") != null);
        assertEquals("the outage is logged once", 1, logged("mqtt " + broker.url() + ": ", "retrying every 1 s"));
        assertEquals(1, logged("mqtt " + broker.url() + ": connected again after", "no message dropped"));
    }

    /**
     * What a subscriber that connects now receives under {@code prefixes}: the broker's retained messages. The
     * retained availability of the gateway arrives in the same burst at subscription, so once it is there, whatever
     * the broker kept under the prefixes is there too.
     */
    private List<String> retainedUnder(String... prefixes) throws Exception {
        try (Subscriber fresh = new Subscriber(broker.url())) {
            await("the retained availability", () -> fresh.first("cellgate/itgw/availability") != null);
            Thread.sleep(200); // slack for the rest of the burst
            return List.of(prefixes).stream().flatMap(p -> fresh.under(p).stream())
                    .filter(r -> r.retained() && !r.payload().isEmpty()).map(Subscriber.Received::topic)
                    .distinct().collect(Collectors.toList());
        }
    }

    @Test
    public void aRemovedPackLeavesNoRetainedStateOrDiscoveryAndIsNotDiscoveredAgainAfterABrokerRestart()
            throws Exception {
        org.osgi.service.cm.Configuration[] gone = track(simulatedPack("itm4", 8, "NCM", EK_DATASHEET, TICK_MS));
        track(simulatedPack("itm5", 4, "NCM", EK_DATASHEET, TICK_MS));
        awaitPack("itm4");
        awaitPack("itm5");
        exporter("ghosts", 10_000);
        String[] itm4 = {"cellgate/itm4/", "homeassistant/sensor/cellgate_itgw_itm4_"};
        await("itm4 retained with its discovery", () -> {
            try {
                // state, cells, pairs, board; 27 sensors; the insight's topics and its 4 sensors per cell
                return retainedUnder(itm4).size() == 1 + 8 + 7 + 1 + 27 + insightTopics(8) + 4 * 8;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        for (org.osgi.service.cm.Configuration c : gone) {
            c.delete();
        }
        await("itm4 to stop", () -> pack("itm4") == null);
        await("no retained message under itm4's topics for a new subscriber", () -> {
            try {
                return retainedUnder(itm4).isEmpty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("itm5 stays", 1 + 4 + 3 + 1 + (4 + 2 * 3 + 5) + insightTopics(4) + 4 * 4,
                retainedUnder("cellgate/itm5/", "homeassistant/sensor/cellgate_itgw_itm5_").size());

        MqttExporterStatus status = status();
        broker.restart(); // no persistence: the broker forgot everything, the exporter tells it again
        await("the exporter to reconnect", status::connected);
        await("itm5's discovery again", () -> {
            try {
                return retainedUnder("homeassistant/sensor/cellgate_itgw_itm5_").size() == 4 + 2 * 3 + 5 + 4 * 4;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("no discovery for a pack the gateway no longer has", List.of(), retainedUnder(itm4));
    }

    @Test
    public void aTinyBufferDropsTheOldestAndCountsThem() throws Exception {
        track(simulatedPack("itm3", 8, "NCM", EK_DATASHEET, TICK_MS));
        Pack pack = awaitPack("itm3");
        exporter("tiny", 10); // 17 messages per publish: every publish during the outage overflows it
        await("connected", () -> status() != null && status().connected());
        MqttExporterStatus status = status();

        broker.kill();
        TickStats before = pack.stats();
        await("the exporter to notice", () -> !status.connected());
        await("drops", () -> status.droppedMessages() > 50);
        assertEquals(10, status.bufferedMessages());
        PromText metrics = awaitMetrics();
        assertTrue(metrics.value("cellgate_mqtt_dropped_total", "broker", broker.url()) > 50);
        assertEquals(0.0, metrics.value("cellgate_mqtt_connected", "broker", broker.url()), 0);

        broker.restart();
        await("the exporter to reconnect", status::connected);
        await("the drops in the log", () -> logged("mqtt " + broker.url() + ": connected again after",
                "oldest messages dropped (buffer of 10)") == 1);
        String line = log.stream().filter(l -> l.contains("oldest messages dropped")).findFirst().orElseThrow();
        Matcher m = Pattern.compile("; (\\d+) oldest messages dropped").matcher(line);
        assertTrue(line, m.find());
        long droppedInOutage = Long.parseLong(m.group(1));
        // a buffer smaller than one publish (17 messages) can drop again while the link catches up after the outage
        assertTrue("logged " + droppedInOutage + ", counted " + status.droppedMessages(),
                droppedInOutage > 50 && droppedInOutage <= status.droppedMessages());
        assertEquals(1, logged("mqtt " + broker.url() + ": ", "retrying every 1 s"));
        TickStats after = pack.stats();
        assertTrue(after.ticks() > before.ticks());
        assertTrue("longest tick " + after.maxDurationNanos() + " ns", after.maxDurationNanos() < MAX_TICK_NANOS);
    }
}
