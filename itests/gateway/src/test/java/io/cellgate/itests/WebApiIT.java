package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.telemetry.PackView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The web console's API over real HTTP on Felix HTTP Jetty: the JSON of {@code /api/packs} and {@code
 * /api/packs/<id>} against the {@link Pack} service, its errors, and the Server-Sent Events streams: an event at
 * once, then one per second at most and within a second of the tick, a removed pack announced, a closed stream
 * freed, the number of streams bounded.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebApiIT extends TelemetrySupport {

    static final String EK = "(&(cellgate.model=EK-L20S1A)(cellgate.variant=datasheet))";

    @Configuration
    public Option[] config() {
        return GatewayOptions.gateway();
    }

    @Before
    public void setUp() throws Exception {
        captureLog();
    }

    @After
    public void tearDown() throws Exception {
        org.osgi.service.cm.Configuration web = configAdmin().getConfiguration("io.cellgate.web", "?");
        if (web.getProperties() != null) {
            web.delete();
        }
        cleanUp();
    }

    int port() {
        return Integer.parseInt(context().getProperty("org.osgi.service.http.port"));
    }

    HttpResponse<String> get(String path, String method) throws IOException, InterruptedException {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).timeout(Duration.ofSeconds(5))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonArray awaitPacks(String... ids) throws InterruptedException {
        JsonArray[] seen = {null};
        await("GET /api/packs to list " + List.of(ids), () -> {
            try {
                HttpResponse<String> r = get("/api/packs", "GET");
                if (r.statusCode() != 200) {
                    return false;
                }
                seen[0] = JsonParser.parseString(r.body()).getAsJsonArray();
                List<String> listed = StreamSupport.stream(seen[0].spliterator(), false)
                        .map(e -> e.getAsJsonObject().get("pack").getAsString()).toList();
                return listed.containsAll(List.of(ids))
                        && StreamSupport.stream(seen[0].spliterator(), false)
                                .allMatch(e -> !e.getAsJsonObject().get("health").isJsonNull());
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, () -> String.valueOf(seen[0]));
        return seen[0];
    }

    @Test
    public void thePacksAndAPackAreTheShellsJsonOfTheLatestTick() throws Exception {
        track(simulatedPack("itw1", 6, "NCM", EK, 200, Map.of()));
        Pack pack = awaitPack("itw1");
        JsonObject line = StreamSupport.stream(awaitPacks("itw1").spliterator(), false).map(e -> e.getAsJsonObject())
                .filter(o -> o.get("pack").getAsString().equals("itw1")).findFirst().orElseThrow();
        assertEquals(6, line.get("cells").getAsInt());
        assertEquals("NCM", line.get("chemistry").getAsString());
        assertEquals("EK-L20S1A/datasheet", line.get("model").getAsString());
        assertEquals(0.2, line.get("tickPeriodSeconds").getAsDouble(), 1e-9);
        // a 20S board on 6 cells: its low-strings fault is present, with the wall-clock time it appeared
        List<String> faults = StreamSupport.stream(line.getAsJsonArray("faults").spliterator(), false)
                .map(f -> f.getAsJsonObject().get("message").getAsString()).toList();
        assertEquals(pack.faults().stream().map(Pack.ActiveFault::message).toList(), faults);
        for (var f : line.getAsJsonArray("faults")) {
            Instant since = Instant.parse(f.getAsJsonObject().get("since").getAsString());
            assertTrue(since + " is a time of this run", Duration.between(since, Instant.now()).abs().toMinutes() < 5);
        }

        HttpResponse<String> r = get("/api/packs/itw1", "GET");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject detail = JsonParser.parseString(r.body()).getAsJsonObject();
        JsonObject latest = detail.getAsJsonObject("latest");
        PackView now = pack.latest();
        long tick = latest.get("tick").getAsLong();
        assertTrue("the tick shown (" + tick + ") is the pack's latest or the one before (" + now.tick() + ")",
                tick <= now.tick() && tick >= now.tick() - 2);
        JsonArray cells = latest.getAsJsonArray("cells");
        assertEquals(6, cells.size());
        for (int c = 0; c < 6; c++) {
            JsonObject cell = cells.get(c).getAsJsonObject();
            assertEquals(c + 1, cell.get("cell").getAsInt());
            assertEquals("OK", cell.get("status").getAsString());
            assertEquals(now.volts(c), cell.get("volts").getAsDouble(), 0.01); // a simulated pack at rest moves < 10 mV
        }
        assertEquals(5, latest.getAsJsonArray("pairs").size());
        assertEquals("itw1", detail.getAsJsonObject("summary").get("pack").getAsString());

        // The pack page's alerts and findings: the cell insight's JSON, once the insight has looked at the pack.
        JsonObject[] insight = {null};
        await("GET /api/packs/itw1/insight to be running", () -> {
            try {
                insight[0] = JsonParser.parseString(get("/api/packs/itw1/insight", "GET").body()).getAsJsonObject();
                return insight[0].get("running").getAsBoolean();
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, () -> String.valueOf(insight[0]));
        assertEquals("itw1", insight[0].get("pack").getAsString());
        assertEquals(6, insight[0].getAsJsonArray("cells").size());
        assertTrue(insight[0].get("alerts").isJsonArray());
        assertTrue(insight[0].get("findings").isJsonArray());
        for (var a : insight[0].getAsJsonArray("alerts")) {
            Instant since = Instant.parse(a.getAsJsonObject().get("since").getAsString());
            assertTrue(since + " is a time of this run", Duration.between(since, Instant.now()).abs().toMinutes() < 5);
        }
    }

    @Test
    public void aBadRequestIsAnsweredWithAStatusAndAMessageNeverAStackTrace() throws Exception {
        track(simulatedPack("itw2", 4, "NCM", EK, 200, Map.of()));
        awaitPacks("itw2");
        HttpResponse<String> unknown = get("/api/packs/nosuch", "GET");
        assertEquals(404, unknown.statusCode());
        String message = JsonParser.parseString(unknown.body()).getAsJsonObject().get("error").getAsString();
        assertTrue(message, message.contains("no pack 'nosuch'") && message.contains("itw2"));
        HttpResponse<String> bad = get("/api/packs/bad$id", "GET");
        assertEquals(404, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("/api/packs/<id>"));
        HttpResponse<String> post = get("/api/packs/itw2", "POST");
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
        assertTrue(post.body(), post.body().contains("POST is for /api/packs/<id>/swap and /set only"));
        HttpResponse<String> delete = get("/api/packs/itw2", "DELETE");
        assertEquals(405, delete.statusCode());
        assertTrue(!delete.body().contains("Exception") && !delete.body().contains("at io.cellgate"));
    }

    @Test
    public void aPackStreamSendsAtOnceThenAtMostOncePerSecondWithinASecondOfTheTick() throws Exception {
        track(simulatedPack("itw3", 6, "NCM", EK, 200, Map.of()));
        awaitPacks("itw3");
        try (SseClient sse = new SseClient(port(), "/api/packs/itw3/events")) {
            assertEquals(200, sse.status);
            long opened = System.currentTimeMillis();
            SseClient.Event first = sse.next();
            assertEquals("pack", first.name());
            assertTrue("the first event comes at once", first.receivedMillis() - opened < 500);
            List<SseClient.Event> events = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                events.add(sse.next());
            }
            long previousTick = tickOf(first);
            long previousTime = -1;
            List<Long> latencies = new ArrayList<>();
            for (SseClient.Event e : events) {
                assertEquals("pack", e.name());
                JsonObject latest = JsonParser.parseString(e.data()).getAsJsonObject().getAsJsonObject("latest");
                assertEquals(6, latest.getAsJsonArray("cells").size());
                long tick = latest.get("tick").getAsLong();
                long tickMillis = Instant.parse(latest.get("time").getAsString()).toEpochMilli();
                long latency = e.receivedMillis() - tickMillis;
                latencies.add(latency);
                assertTrue("sent " + latency + " ms after its tick", latency >= 0 && latency < 1000);
                assertTrue("ticks go forward: " + previousTick + " then " + tick, tick > previousTick);
                if (previousTime >= 0) {
                    assertTrue("one event per second at most, not at every 200 ms tick: " + (tickMillis - previousTime)
                            + " ms apart", tickMillis - previousTime >= 800);
                }
                previousTick = tick;
                previousTime = tickMillis;
            }
            System.out.println("SSE latency after the tick, ms: " + latencies);
        }
    }

    @Test
    public void theOverviewStreamHearsEveryPackAndAPackThatGoesAway() throws Exception {
        track(simulatedPack("itw4", 4, "NCM", EK, 200, Map.of()));
        org.osgi.service.cm.Configuration[] gone = simulatedPack("itw5", 4, "LFP", EK, 200, Map.of());
        awaitPacks("itw4", "itw5");
        try (SseClient sse = new SseClient(port(), "/api/events")) {
            assertEquals(200, sse.status);
            List<String> seen = new ArrayList<>();
            while (!(seen.contains("itw4") && seen.contains("itw5"))) {
                SseClient.Event e = sse.next();
                assertEquals("pack", e.name());
                JsonObject summary = JsonParser.parseString(e.data()).getAsJsonObject();
                assertNotNull(summary.get("spreadVolts"));
                seen.add(summary.get("pack").getAsString());
            }
            gone[1].delete();
            gone[0].delete();
            SseClient.Event e;
            do {
                e = sse.next();
            } while (e != null && !(e.name().equals("removed") && e.data().contains("itw5")));
            assertNotNull("the stream announces that itw5 went away", e);
        }
    }

    @Test
    public void theStreamsAreBoundedAndAClosedOneIsFreed() throws Exception {
        track(simulatedPack("itw6", 4, "NCM", EK, 200, Map.of()));
        awaitPacks("itw6");
        configAdmin().getConfiguration("io.cellgate.web", "?").update(new Hashtable<>(Map.of("max.streams", 1)));
        SseClient[] first = {null};
        await("a stream to open under max.streams=1 and a second to be refused", () -> {
            try {
                if (first[0] != null) {
                    first[0].close();
                }
                first[0] = new SseClient(port(), "/api/packs/itw6/events");
                if (first[0].status != 200) {
                    return false;
                }
                first[0].next();
                try (SseClient second = new SseClient(port(), "/api/events")) {
                    return second.status == 503;
                }
            } catch (IOException e) {
                return false;
            }
        });
        try (SseClient refused = new SseClient(port(), "/api/packs/itw6/events")) {
            assertEquals(503, refused.status);
            String body = refused.rest();
            assertTrue(body, body.contains("too many event streams open (1") && body.contains("max.streams"));
        }
        long closed = System.currentTimeMillis();
        first[0].close(); // as a closed tab: the next write finds it gone
        int[] status = {0};
        await("the closed stream to be freed", () -> {
            try (SseClient again = new SseClient(port(), "/api/packs/itw6/events")) {
                status[0] = again.status;
                return again.status == 200;
            } catch (IOException e) {
                return false;
            }
        }, () -> "last status " + status[0]);
        System.out.println("closed stream freed after " + (System.currentTimeMillis() - closed) + " ms");
    }

    @Test
    public void theHistoryHoldsTheHourWithEveryCellAndTheDayWithTheSpreads() throws Exception {
        track(simulatedPack("itw7", 6, "NCM", EK, 200, Map.of()));
        awaitPacks("itw7");
        JsonObject[] hour = {null};
        await("a sample in the hour's history", () -> {
            try {
                hour[0] = JsonParser.parseString(get("/api/packs/itw7/history", "GET").body()).getAsJsonObject();
                return hour[0].getAsJsonArray("timeSeconds").size() >= 1;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }, () -> String.valueOf(hour[0]));
        assertEquals(5.0, hour[0].get("stepSeconds").getAsDouble(), 0.0);
        int samples = hour[0].getAsJsonArray("timeSeconds").size();
        assertEquals(samples, hour[0].getAsJsonArray("spreadVolts").size());
        assertEquals(6, hour[0].getAsJsonArray("cellVolts").size());
        double volts = hour[0].getAsJsonArray("cellVolts").get(0).getAsJsonArray().get(0).getAsDouble();
        assertTrue(volts + " V", volts > 2.5 && volts < 4.3);
        double at = hour[0].getAsJsonArray("timeSeconds").get(0).getAsDouble();
        assertTrue("a sample of this run", Math.abs(at - System.currentTimeMillis() / 1e3) < 300);

        JsonObject day = JsonParser.parseString(get("/api/packs/itw7/history?range=day", "GET").body())
                .getAsJsonObject();
        assertEquals(60.0, day.get("stepSeconds").getAsDouble(), 0.0);
        assertEquals(1, day.getAsJsonArray("timeSeconds").size());
        assertEquals(0, day.getAsJsonArray("cellVolts").size());
        HttpResponse<String> bad = get("/api/packs/itw7/history?range=week", "GET");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("range=hour"));
    }

    private static long tickOf(SseClient.Event e) {
        return JsonParser.parseString(e.data()).getAsJsonObject().getAsJsonObject("latest").get("tick").getAsLong();
    }
}
