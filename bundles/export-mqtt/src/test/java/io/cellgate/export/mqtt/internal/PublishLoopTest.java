package io.cellgate.export.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.testing.LogLines;
import io.cellgate.broker.PahoClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.cellgate.api.telemetry.PackView;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The publish loop against a link and a clock under the test's control, one step at a time. */
class PublishLoopTest {

    private static final long S = TimeUnit.SECONDS.toNanos(1);

    /** A broker connection that says what the test tells it to. */
    static final class FakeLink implements Link {
        PahoClient.Events events;
        int connects;
        boolean up;
        int window = Integer.MAX_VALUE;
        final List<Message> sent = new ArrayList<>();
        Message lastWords;
        boolean closed;
        Error failWith;

        @Override
        public void connect(PahoClient.Events e) {
            events = e;
            connects++;
        }

        @Override
        public boolean publish(Message m) {
            if (failWith != null) {
                throw failWith;
            }
            if (!up || window == 0) {
                return false;
            }
            window--;
            sent.add(m);
            return true;
        }

        @Override
        public void close(Message words) {
            lastWords = up ? words : null;
            closed = true;
        }

        void accept() {
            up = true;
            events.connected();
        }

        void refuse() {
            events.connectFailed(new IOException("Connection refused"));
        }

        void drop() {
            up = false;
            events.lost(new IOException("Connection lost"));
        }
    }


    private final FakeLink link = new FakeLink();
    private final LogLines log = new LogLines();
    private long now;

    private PublishLoop loop(int buffer) {
        Map<String, Object> v = new HashMap<>();
        v.put("buffer.messages", buffer);
        v.put("gateway.id", "gw");
        return new PublishLoop(MqttSettings.of(MqttSettingsTest.config(v)), link, log::info, log::warn, () -> now);
    }

    private static List<String> topics(List<Message> messages) {
        return messages.stream().map(Message::topic).toList();
    }

    @Test
    void publishesAvailabilityAndDiscoveryAheadOfTheStateInOrder() {
        PublishLoop loop = loop(1000);
        loop.offer(TestPacks.view("p", 3, 1));
        loop.step();
        assertEquals(1, link.connects);
        link.accept();
        loop.step();
        List<String> sent = topics(link.sent);
        assertEquals("cellgate/gw/availability", sent.get(0));
        assertEquals("online", link.sent.get(0).text());
        int discovery = 3 + 2 * 2 + 5; // cells, pair differences and currents, 2 spreads, balancing, board, health
        assertTrue(sent.subList(1, 1 + discovery).stream().allMatch(t -> t.startsWith("homeassistant/sensor/")));
        assertEquals(List.of("cellgate/p/state", "cellgate/p/cell/1", "cellgate/p/cell/2", "cellgate/p/cell/3",
                "cellgate/p/pair/1", "cellgate/p/pair/2", "cellgate/p/board"), sent.subList(1 + discovery, sent.size()));
        assertEquals(sent.size(), loop.published());
        assertTrue(loop.isConnected());

        link.sent.clear();
        loop.offer(TestPacks.view("p", 3, 2));
        loop.step();
        assertEquals(7, link.sent.size(), "discovery only once while nothing changes");
    }

    @Test
    void anOutageIsLoggedOnceRetriedWithBackOffAndItsDropsReportedWhenItEnds() {
        PublishLoop loop = loop(10);
        loop.step();
        link.refuse();
        long[] attemptsAt = new long[5];
        int attempts = 0;
        for (now = 0; now <= 40 * S && attempts < attemptsAt.length; now += S / 10) {
            int before = link.connects;
            loop.offer(TestPacks.view("p", 3, now / S)); // 7 messages each
            loop.step();
            if (link.connects > before) {
                attemptsAt[attempts++] = now;
                link.refuse();
                loop.step();
            }
        }
        // retries 1, 2, 4, 8, 16 s apart
        assertEquals(List.of(1 * S, 3 * S, 7 * S, 15 * S, 31 * S),
                java.util.Arrays.stream(attemptsAt).boxed().toList());
        assertEquals(1, log.count("WARN"), log.lines().toString());
        assertTrue(log.lines().get(0).contains("Connection refused; retrying every 1 s to 30 s and keeping up to 10 "
                + "messages, the oldest dropped first"), log.lines().get(0));
        assertEquals(10, loop.buffered());
        long dropped = loop.dropped();
        assertTrue(dropped > 1000, "dropped " + dropped);

        now += 60 * S;
        loop.step();
        link.accept();
        loop.step();
        assertTrue(log.lines().get(1).matches("WARN mqtt tcp://127.0.0.1:1883: connected again after \\d+\\.\\d s; "
                + dropped + " oldest messages dropped \\(buffer of 10\\)"), log.lines().get(1));
        assertEquals(0, loop.buffered());
        List<String> state = topics(link.sent).stream().filter(t -> t.startsWith("cellgate/p/")).toList();
        assertEquals(10, state.size(), "the newest 10 messages, in order");
        assertEquals(List.of("cellgate/p/pair/2", "cellgate/p/board"), state.subList(8, 10));
    }

    @Test
    void aBufferSmallerThanOnePublishDropsNothingWhileConnected() {
        PublishLoop loop = loop(3);
        loop.step();
        link.accept();
        loop.step();
        for (int tick = 1; tick <= 5; tick++) {
            loop.offer(TestPacks.view("p", 3, tick)); // 7 messages each
            loop.step();
        }
        assertEquals(0, loop.dropped());
        assertEquals(5 * 7, topics(link.sent).stream().filter(t -> t.startsWith("cellgate/p/")).count());
    }

    @Test
    void aLostConnectionIsRetriedAfterOneSecondAndDiscoveryIsPublishedAgain() {
        PublishLoop loop = loop(1000);
        loop.offer(TestPacks.view("p", 3, 1));
        loop.step();
        link.accept();
        loop.step();
        link.drop();
        link.sent.clear();
        loop.offer(TestPacks.view("p", 3, 2));
        loop.step();
        assertFalse(loop.isConnected());
        assertEquals(7, loop.buffered(), "kept while away");
        now += S - 1;
        loop.step();
        assertEquals(1, link.connects, "not before a second");
        now += 1;
        loop.step();
        assertEquals(2, link.connects);
        link.accept();
        loop.step();
        assertEquals("cellgate/gw/availability", link.sent.get(0).topic());
        assertTrue(topics(link.sent).stream().filter(t -> t.startsWith("homeassistant/")).count() > 0,
                "discovery again: the broker may have forgotten retained messages");
        assertEquals(0, loop.buffered());
        assertEquals(2, log.lines().stream().filter(l -> l.contains("Connection lost") || l.contains("connected again"))
                .count(), log.lines().toString());
    }

    @Test
    void aFullWindowPausesPublishingUntilTheLinkIsReady() {
        PublishLoop loop = loop(1000);
        loop.offer(TestPacks.view("p", 3, 1));
        loop.step();
        link.window = 5;
        link.accept();
        loop.step();
        assertEquals(5, link.sent.size());
        link.window = 1000;
        link.events.ready();
        loop.step();
        assertEquals(1 + (3 + 4 + 5) + 7, link.sent.size());
    }

    /** Topics of the empty retained messages sent: what the broker and Home Assistant were told to forget. */
    private List<String> cleared() {
        return link.sent.stream().filter(m -> m.payload().length == 0 && m.retained()).map(Message::topic).toList();
    }

    private PublishLoop connected(PackView... views) {
        PublishLoop loop = loop(1000);
        for (PackView v : views) {
            loop.offer(v);
        }
        loop.step();
        link.accept();
        loop.step();
        return loop;
    }

    @Test
    void aPackThatGoesAwayHasEveryStateTopicAndDiscoveryConfigurationCleared() {
        PackView p = TestPacks.view("p", 3, 1);
        PublishLoop loop = connected(p, TestPacks.view("q", 3, 1));
        link.sent.clear();
        loop.forget(p.pack());
        loop.step();
        List<String> expected = new ArrayList<>(new Payloads(settings().topics()).topics("p", 3));
        expected.addAll(new Discovery(settings().topics()).topics("p", 3));
        assertEquals(Set.copyOf(expected), Set.copyOf(cleared()));
        assertEquals(expected.size(), cleared().size(), "each once");
        assertTrue(cleared().stream().noneMatch(t -> t.contains("/q/") || t.contains("_q_")), "q stays");
    }

    @Test
    void theLastTickOfAPackThatIsGoneDoesNotBringItBack() {
        PackView p = TestPacks.view("p", 3, 1);
        PublishLoop loop = connected(p);
        loop.forget(p.pack());
        loop.step();
        link.sent.clear();
        loop.offer(TestPacks.view("p", 3, 2, p.pack()));
        loop.step();
        assertEquals(List.of(), link.sent);

        loop.offer(TestPacks.view("p", 3, 1)); // a new pack of the same name: published again
        loop.step();
        assertTrue(topics(link.sent).contains("cellgate/p/state"));
        assertTrue(topics(link.sent).contains("homeassistant/sensor/cellgate_gw_p_cell1_volts/config"));
    }

    @Test
    void aPackGoneDuringAnOutageIsClearedOnReconnectAndNotDiscoveredAgain() {
        PackView p = TestPacks.view("p", 3, 1);
        PublishLoop loop = connected(p);
        link.drop();
        loop.offer(TestPacks.view("p", 3, 2, p.pack())); // buffered, then obsolete
        loop.step();
        loop.forget(p.pack());
        loop.step();
        assertEquals(0, loop.buffered(), "the buffered state of a pack that is gone is not sent");
        link.sent.clear();
        now += S;
        loop.step();
        link.accept();
        loop.step();
        assertEquals(3 + 2 + 2 + 3 + 2 * 2 + 5, cleared().size(), "state, cells, pairs, board; its sensors");
        assertTrue(link.sent.stream().noneMatch(m -> m.payload().length > 0 && m.topic().contains("_p_")),
                "no discovery for a pack the gateway no longer has");
    }

    @Test
    void aPackThatLosesCellsHasTheTopicsOfTheLostCellsAndPairsCleared() {
        PublishLoop loop = connected(TestPacks.view("p", 5, 1));
        link.sent.clear();
        loop.offer(TestPacks.view("p", 3, 2));
        loop.step();
        assertEquals(Set.of("cellgate/p/cell/4", "cellgate/p/cell/5", "cellgate/p/pair/3", "cellgate/p/pair/4",
                "homeassistant/sensor/cellgate_gw_p_cell4_volts/config",
                "homeassistant/sensor/cellgate_gw_p_cell5_volts/config",
                "homeassistant/sensor/cellgate_gw_p_pair3_delta_volts/config",
                "homeassistant/sensor/cellgate_gw_p_pair3_amps/config",
                "homeassistant/sensor/cellgate_gw_p_pair4_delta_volts/config",
                "homeassistant/sensor/cellgate_gw_p_pair4_amps/config"), Set.copyOf(cleared()));
        assertTrue(topics(link.sent).contains("cellgate/p/cell/3"), "the cells it keeps go on");
    }

    private MqttSettings settings() {
        return MqttSettings.of(MqttSettingsTest.config(Map.of("gateway.id", "gw")));
    }

    @Test
    void aRoundThatFailsEvenOnAnErrorIsLoggedOnceAndTheLoopGoesOn() {
        PublishLoop loop = loop(1000);
        loop.offer(TestPacks.view("p", 3, 1));
        loop.step();
        link.accept();
        link.failWith = new OutOfMemoryError("Java heap space");
        loop.offer(TestPacks.view("p", 3, 2));
        assertEquals(S, loop.guardedStep());
        assertEquals(S, loop.guardedStep());
        assertEquals(2, loop.failures());
        assertEquals(List.of("WARN mqtt tcp://127.0.0.1:1883: a publishing round failed (Java heap space); the "
                + "exporter goes on, trying again every second"), log.lines().stream()
                .filter(l -> l.contains("failed")).toList(), "logged once, not every second");

        link.failWith = null;
        link.sent.clear();
        loop.guardedStep();
        assertTrue(topics(link.sent).contains("cellgate/p/state"), "publishing resumes: " + topics(link.sent));
    }

    @Test
    void aBrokerThatRefusesShowsInTheHealthWithEveryFailedAttemptUntilItAccepts() {
        PublishLoop loop = loop(10);
        assertEquals("not connected to the broker yet", loop.problem());
        loop.step();
        link.refuse();
        loop.step();
        assertEquals("cannot reach the broker: Connection refused; retrying every 1 s to 30 s", loop.problem());
        now += S;
        loop.step();
        link.refuse();
        loop.step();
        assertEquals(2, loop.failures(), "each failed attempt counts");

        now += 2 * S;
        loop.step();
        link.accept();
        loop.step();
        assertEquals(null, loop.problem());
        assertEquals(2, loop.failures());
    }

    @Test
    void aRoundThatFailsShowsInTheHealthUntilARoundWorks() {
        PublishLoop loop = loop(1000);
        loop.step();
        link.accept();
        loop.step();
        link.failWith = new OutOfMemoryError("Java heap space");
        loop.offer(TestPacks.view("p", 3, 1));
        loop.guardedStep();
        assertEquals("a publishing round failed; the exporter goes on, trying again every second", loop.problem());
        link.failWith = null;
        loop.guardedStep();
        assertEquals(null, loop.problem());
    }

    @Test
    void aThreadWhoseGuardFailsTooGoesOnAndCountsIt() throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger warned = new java.util.concurrent.atomic.AtomicInteger();
        PublishLoop loop = new PublishLoop(settings(), link, log::info, m -> {
            warned.incrementAndGet();
            throw new OutOfMemoryError("Java heap space"); // as a log that cannot allocate its line would
        }, () -> now);
        Thread t = new Thread(loop);
        t.start();
        while (link.events == null) {
            Thread.sleep(1);
        }
        link.refuse(); // the outage's warning throws out of the round, and out of the guard's own catch
        long until = System.nanoTime() + 5 * S;
        while (loop.failures() < 2 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(t.isAlive(), "the publishing thread goes on");
        assertTrue(loop.failures() >= 2, "counted: " + loop.failures());
        assertTrue(loop.problem() != null, "the health says something is wrong");
        loop.stop();
        t.join(5000);
        assertFalse(t.isAlive());
    }

    @Test
    void stoppingSaysOfflineAndClosesTheLink() throws InterruptedException {
        PublishLoop loop = loop(1000);
        Thread t = new Thread(loop);
        t.start();
        while (link.events == null) {
            Thread.sleep(1);
        }
        link.accept();
        while (!loop.isConnected()) {
            Thread.sleep(1);
        }
        loop.stop();
        t.join(5000);
        assertFalse(t.isAlive());
        assertTrue(link.closed);
        assertEquals("cellgate/gw/availability", link.lastWords.topic());
        assertEquals("offline", link.lastWords.text());
        assertTrue(link.lastWords.retained());
    }

    /** A model select that offers two variants and refuses anything else, as the shell would. */
    static final class FakeSelect implements ModelSelect {
        final List<String> swaps = new ArrayList<>();

        @Override
        public List<String> options(PackView pack) {
            return List.of("EK-L20S1A/datasheet", "EK-L20S1A/tight");
        }

        @Override
        public String swap(String pack, String model) {
            if (!options(null).contains(model)) {
                throw new IllegalArgumentException("unknown model '" + model + "'");
            }
            swaps.add(pack + " " + model);
            return pack + ": -> " + model;
        }
    }

    @Test
    void theModelSelectIsOffByDefaultAndWhenOnOffersTheModelsThatFitAndSwapsByTheShellsRules() {
        FakeSelect select = new FakeSelect();
        Map<String, Object> v = new HashMap<>(Map.of("gateway.id", "gw"));
        PublishLoop off = new PublishLoop(MqttSettings.of(MqttSettingsTest.config(v)), link, log::info, log::warn,
                () -> now, select);
        off.offer(TestPacks.view("p", 3, 1));
        off.step();
        link.accept();
        off.step();
        assertTrue(topics(link.sent).stream().noneMatch(t -> t.startsWith("homeassistant/select/")), "off by default");
        link.events.arrived("cellgate/p/model/set", "EK-L20S1A/tight".getBytes());
        off.step();
        assertTrue(select.swaps.isEmpty(), "no swap while the select is off");

        FakeLink on = new FakeLink();
        v.put("model.select.enabled", true);
        PublishLoop loop = new PublishLoop(MqttSettings.of(MqttSettingsTest.config(v)), on, log::info, log::warn,
                () -> now, select);
        loop.offer(TestPacks.view("p", 3, 1));
        loop.step();
        on.accept();
        loop.step();
        Message config = on.sent.stream().filter(m -> m.topic().equals("homeassistant/select/cellgate_gw_p_model/config"))
                .findFirst().orElseThrow();
        assertTrue(config.text().contains("\"command_topic\":\"cellgate/p/model/set\""), config.text());
        assertTrue(config.text().contains("\"options\":[\"EK-L20S1A/datasheet\",\"EK-L20S1A/tight\"]"),
                config.text());
        assertTrue(config.text().contains("\"state_topic\":\"cellgate/p/board\""), config.text());

        on.events.arrived("cellgate/p/model/set", "EK-L20S1A/tight".getBytes());
        loop.step();
        assertEquals(List.of("p EK-L20S1A/tight"), select.swaps);
        on.events.arrived("cellgate/p/model/set", "NOPE".getBytes());
        loop.step();
        assertEquals(1, select.swaps.size());
        assertTrue(log.lines().stream().anyMatch(l -> l.contains("model select for p: NOPE refused: unknown model "
                + "'NOPE'")), log.lines().toString());

        loop.forget(TestPacks.view("p", 3, 1).pack());
        on.sent.clear();
        loop.step();
        assertTrue(topics(on.sent).contains("homeassistant/select/cellgate_gw_p_model/config"),
                "a removed pack's select is cleared too");
    }
}
