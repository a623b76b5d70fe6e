package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.telemetry.PackView;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.felix.service.command.CommandSession;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * One tick, four presenters: the shell's {@code cellgate:cells --json}, the MQTT state payload (real Mosquitto), the
 * Prometheus samples of {@code /metrics} and the CSV recorder's row show the same ΔV, direction, signed current,
 * bleed and both spreads as the pack's {@link PackView} of that tick. Each presenter carries or is bracketed by the
 * tick number, so the comparison is of one tick, whatever the timing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PresentersAgreeIT extends TelemetrySupport {

    static final String PACK = "ita1";
    /** A full EK-L20S1A board: fewer cells would flash the topmost one (low strings) and stop its pair. */
    static final int CELLS = 20;
    /** Slow enough that the shell and a scrape fit between two ticks, and every tick is due for MQTT (≥ 100 ms). */
    static final long TICK_MS = 500;
    /** The MQTT exporter rounds to 1 µV and 1 µA; the other presenters write doubles exactly. */
    static final double MQTT_ROUNDING = 1e-6;

    private CommandSession session;
    private Path recordings;

    /** The pack's view of one tick and what the shell and Prometheus showed of that very tick. */
    private record Shown(PackView view, JsonObject shell, PromText metrics) {
    }

    @Before
    public void setUp() throws Exception {
        startBroker("mosquitto-agree");
        session = quietSession();
        recordings = Files.createDirectories(Path.of(System.getProperty("project.build.directory", "target"),
                "recordings-agree", String.valueOf(System.nanoTime())));
    }

    @After
    public void closeSession() {
        session.close();
    }

    private String run(String command) throws Exception {
        return String.valueOf(session.execute(command));
    }

    @Test
    public void shellMqttPrometheusAndTheRecordingShowTheSameTick() throws Exception {
        factory("io.cellgate.export.file", "agree", Map.of("directory", recordings.toString(), "interval.ms", 0L,
                "rotation", "daily"));
        factory("io.cellgate.export.mqtt", "agree", Map.of("broker.url", broker.url(), "gateway.id", "agreegw",
                "client.id", "it-agree", "publish.ms", 100L));
        track(simulatedPack(PACK, CELLS, "NCM", EK_DATASHEET, TICK_MS, Map.of("soc.spread.percent", 0.0)));
        Pack pack = awaitPack(PACK);
        await("the shell to see " + PACK, () -> {
            try {
                return run("cellgate:cells --json " + PACK).contains("\"" + PACK + "\"");
            } catch (Exception e) {
                return false;
            }
        });
        // A ramp at the top (cells 19 and 20 up by 200 and 400 mV): pairs 18 and 19 balance, and the spread is
        // about twice the largest adjacent difference. Cell 3's sense wire open: pairs 2 and 3 have no ΔV.
        run("sim:imbalance " + PACK + " 19 200");
        run("sim:imbalance " + PACK + " 20 400");
        run("sim:disconnect " + PACK + " 3");
        await("pair 19 balancing with cell 3 open", () -> {
            PackView v = pack.latest();
            return v != null && v.status(2) == CellStatus.OPEN_WIRE && v.amps(18) > 0;
        }, () -> String.valueOf(pack.latest()));

        Shown shown = shownBetweenTicks(pack);
        PackView v = shown.view();
        assertFalse("cell 3 is open: pair 2 has no ΔV", v.hasDeltaVolts(1));
        assertTrue("the two spreads differ", v.spreadVolts() > v.maxAdjacentDeltaVolts() + 0.05);
        JsonObject mqtt = mqttState(v.tick());
        List<String> row = csvRow(v.tick());

        assertShellShows(v, shown.shell());
        assertMqttShows(v, mqtt);
        assertPrometheusShows(v, shown.metrics());
        assertRecordingShows(v, row);
    }

    /** The pack's view, the shell's JSON and a scrape, all of one tick: the pack did not tick in between. */
    private Shown shownBetweenTicks(Pack pack) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            PackView before = pack.latest();
            JsonObject shell = JsonParser.parseString(run("cellgate:cells --json " + PACK)).getAsJsonObject();
            HttpResponse<String> scrape = scrape();
            if (scrape != null && shell.get("tick").getAsLong() == before.tick()
                    && pack.latest().tick() == before.tick()) {
                return new Shown(before, shell, PromText.parse(scrape.body()));
            }
            Thread.sleep(TICK_MS / 5);
        }
        throw new AssertionError("no shell output and scrape between two ticks of " + PACK);
    }

    /** The MQTT state payload of tick {@code tick}: every tick is due, so it comes. */
    private JsonObject mqttState(long tick) throws InterruptedException {
        await("the MQTT state of tick " + tick, () -> stateOf(tick) != null);
        return stateOf(tick);
    }

    private JsonObject stateOf(long tick) {
        return subscriber.on("cellgate/" + PACK + "/state").stream()
                .map(r -> JsonParser.parseString(r.payload()).getAsJsonObject())
                .filter(j -> j.get("tick").getAsLong() == tick).findFirst().orElse(null);
    }

    /** The recorder's row of tick {@code tick}, once flushed whole. */
    private List<String> csvRow(long tick) throws InterruptedException {
        await("the recorded row of tick " + tick, () -> rowOf(tick) != null);
        return rowOf(tick);
    }

    private List<String> rowOf(long tick) {
        int fields = 2 + 2 * CELLS + (CELLS - 1) + 3;
        try (Stream<Path> files = Files.list(recordings)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(PACK + "-")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    List<String> row = List.of(line.split(",", -1));
                    if (row.size() == fields && row.get(1).equals(String.valueOf(tick))) {
                        return row;
                    }
                }
            }
        } catch (IOException e) {
            return null; // not written yet
        }
        return null;
    }

    private static void assertShellShows(PackView v, JsonObject shell) {
        assertEquals(PACK, shell.get("pack").getAsString());
        assertEquals(v.spreadVolts(), shell.get("spreadVolts").getAsDouble(), 0.0);
        assertEquals(v.maxAdjacentDeltaVolts(), shell.get("maxAdjacentDeltaVolts").getAsDouble(), 0.0);
        JsonArray cells = shell.getAsJsonArray("cells");
        assertEquals(v.cells(), cells.size());
        for (int c = 0; c < v.cells(); c++) {
            JsonObject cell = cells.get(c).getAsJsonObject();
            assertEquals(c + 1, cell.get("cell").getAsInt());
            assertEquals("shell cell " + (c + 1), v.status(c).name(), cell.get("status").getAsString());
            assertEquals("shell cell " + (c + 1), v.indicator(c).name(), cell.get("indicator").getAsString());
            assertEquals("shell cell " + (c + 1), v.bleedAmps(c), cell.get("bleedAmps").getAsDouble(), 0.0);
            if (v.isValid(c)) {
                assertEquals("shell cell " + (c + 1), v.volts(c), cell.get("volts").getAsDouble(), 0.0);
            }
        }
        JsonArray pairs = shell.getAsJsonArray("pairs");
        assertEquals(v.pairs(), pairs.size());
        for (int k = 0; k < v.pairs(); k++) {
            JsonObject pair = pairs.get(k).getAsJsonObject();
            String what = "shell pair " + (k + 1);
            assertEquals(k + 1, pair.get("pair").getAsInt());
            // the shell's printer leaves null members out: an absent field reads as null
            assertDelta(what, v, k, pair.has("deltaVolts") ? pair.get("deltaVolts") : JsonNull.INSTANCE, 0.0);
            assertEquals(what, v.directionLabel(k), pair.get("direction").getAsString());
            assertEquals(what, v.signedAmps(k), pair.get("amps").getAsDouble(), 0.0);
        }
    }

    private static void assertMqttShows(PackView v, JsonObject state) {
        assertEquals(v.spreadVolts(), state.get("spreadVolts").getAsDouble(), MQTT_ROUNDING);
        assertEquals(v.maxAdjacentDeltaVolts(), state.get("maxAdjacentDeltaVolts").getAsDouble(), MQTT_ROUNDING);
        for (int c = 0; c < v.cells(); c++) {
            String what = "MQTT cell " + (c + 1);
            assertEquals(what, v.status(c).name(), state.getAsJsonArray("cellStatus").get(c).getAsString());
            assertEquals(what, v.indicator(c).name(), state.getAsJsonArray("cellIndicator").get(c).getAsString());
            assertEquals(what, v.bleedAmps(c), state.getAsJsonArray("cellBleedAmps").get(c).getAsDouble(),
                    MQTT_ROUNDING);
            if (v.isValid(c)) {
                assertEquals(what, v.volts(c), state.getAsJsonArray("cellVolts").get(c).getAsDouble(), MQTT_ROUNDING);
            }
        }
        for (int k = 0; k < v.pairs(); k++) {
            String what = "MQTT pair " + (k + 1);
            assertDelta(what, v, k, state.getAsJsonArray("pairDeltaVolts").get(k), MQTT_ROUNDING);
            assertEquals(what, v.directionLabel(k), state.getAsJsonArray("pairDirection").get(k).getAsString());
            assertEquals(what, v.signedAmps(k), state.getAsJsonArray("pairAmps").get(k).getAsDouble(), MQTT_ROUNDING);
        }
    }

    private static void assertPrometheusShows(PackView v, PromText m) {
        assertEquals(v.spreadVolts(), m.value("cellgate_pack_spread_volts", "pack", PACK), 0.0);
        assertEquals(v.maxAdjacentDeltaVolts(), m.value("cellgate_pack_max_adjacent_delta_volts", "pack", PACK), 0.0);
        for (int c = 0; c < v.cells(); c++) {
            String cell = String.valueOf(c + 1);
            assertEquals("Prometheus cell " + cell, v.bleedAmps(c),
                    m.value("cellgate_cell_bleed_current_amperes", "pack", PACK, "cell", cell), 0.0);
            assertEquals("Prometheus cell " + cell, 1.0,
                    m.value("cellgate_cell_indicator", "pack", PACK, "cell", cell, "state", v.indicator(c).name()), 0.0);
            if (v.isValid(c)) {
                assertEquals("Prometheus cell " + cell, v.volts(c),
                        m.value("cellgate_cell_voltage_volts", "pack", PACK, "cell", cell), 0.0);
            }
        }
        for (int k = 0; k < v.pairs(); k++) {
            String pair = String.valueOf(k + 1);
            PromText.Sample delta = m.get("cellgate_pair_delta_volts", "pack", PACK, "pair", pair);
            if (v.hasDeltaVolts(k)) {
                assertEquals("Prometheus pair " + pair, v.deltaVolts(k), delta.value(), 0.0);
            } else {
                assertNull("Prometheus pair " + pair + ": no sample when the ΔV is absent", delta);
            }
            assertEquals("Prometheus pair " + pair, v.signedAmps(k),
                    m.value("cellgate_pair_balance_current_amperes", "pack", PACK, "pair", pair), 0.0);
        }
    }

    /** The recording carries volts, statuses and signed currents (time, tick, cells, pairs, board, health, °C). */
    private static void assertRecordingShows(PackView v, List<String> row) {
        for (int c = 0; c < v.cells(); c++) {
            String what = "CSV cell " + (c + 1);
            assertEquals(what, v.status(c).name(), row.get(3 + 2 * c));
            if (v.isValid(c)) {
                assertEquals(what, v.volts(c), Double.parseDouble(row.get(2 + 2 * c)), 0.0);
            }
        }
        for (int k = 0; k < v.pairs(); k++) {
            assertEquals("CSV pair " + (k + 1), v.signedAmps(k), Double.parseDouble(row.get(2 + 2 * v.cells() + k)),
                    0.0);
        }
        assertEquals(v.boardState().name(), row.get(2 + 2 * v.cells() + v.pairs()));
    }

    /** A pair's ΔV as a presenter wrote it: null exactly when the view has none. */
    private static void assertDelta(String what, PackView v, int pair, JsonElement shown, double tolerance) {
        if (v.hasDeltaVolts(pair)) {
            assertEquals(what, v.deltaVolts(pair), shown.getAsDouble(), tolerance);
        } else {
            assertTrue(what + ": null when absent, was " + shown, shown.isJsonNull());
        }
    }
}
