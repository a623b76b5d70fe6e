package io.cellgate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.testing.DummyPackState;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

class LiveFeedTest {

    static WebConfig config(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(WebConfig.class);
    }

    private final LiveFeed feed = new LiveFeed(config(Map.of("events.interval.ms", 60_000L, "stream.queue", 3)));

    @Test
    void aTickReachesTheStreamsOfItsPackAndOfEveryPackOnly() throws Exception {
        Subscription one = feed.subscribe("p1");
        Subscription other = feed.subscribe("p2");
        Subscription all = feed.subscribe(null);
        PackStateBuffer state = DummyPackState.of("p1", 4).setTick(7);
        feed.onTick(state);

        Subscription.Event e = one.poll(0);
        assertEquals("p1", e.pack().id());
        assertEquals(7, e.view().tick());
        assertEquals(3.71, e.view().volts(1), 1e-9);
        assertSame(e, all.poll(0), "one view per tick, shared by the streams");
        int[] made = {0};
        byte[] frame = e.frame(true, () -> {
            made[0]++;
            return new byte[] {1};
        });
        assertSame(frame, e.frame(true, () -> new byte[] {2}));
        assertEquals(1, made[0], "the frame of an event is made once for every stream");
        assertNull(other.poll(0), "a stream of p2 hears nothing of p1");
    }

    @Test
    void aPackIsSentAtMostOncePerIntervalAndEachPackHasItsOwnSchedule() throws Exception {
        Subscription all = feed.subscribe(null);
        feed.onTick(DummyPackState.of("p1", 4).setTick(1));
        feed.onTick(DummyPackState.of("p1", 4).setTick(2));
        feed.onTick(DummyPackState.of("p2", 4).setTick(1));
        assertEquals(1, all.poll(0).view().tick());
        assertEquals("p2", all.poll(0).pack().id());
        assertNull(all.poll(0), "p1's second tick came within the interval of 60 s");
    }

    @Test
    void aShortIntervalLetsEveryTickThroughOnceItHasPassed() throws Exception {
        LiveFeed fast = new LiveFeed(config(Map.of("events.interval.ms", 100L)));
        Subscription s = fast.subscribe("p1");
        fast.onTick(DummyPackState.of("p1", 4).setTick(1));
        Thread.sleep(120);
        fast.onTick(DummyPackState.of("p1", 4).setTick(2));
        assertEquals(1, s.poll(0).view().tick());
        assertEquals(2, s.poll(0).view().tick());
    }

    @Test
    void aSlowClientKeepsTheNewestEventsAndTheOldestAreDroppedAndCounted() throws Exception {
        LiveFeed fast = new LiveFeed(config(Map.of("events.interval.ms", 100L, "stream.queue", 3)));
        Subscription s = fast.subscribe(null);
        for (int p = 1; p <= 5; p++) { // five packs, each due at once
            fast.onTick(DummyPackState.of("p" + p, 4));
        }
        assertEquals(3, s.queued(), "the queue is bounded");
        assertEquals(2, s.dropped());
        assertEquals("p3", s.poll(0).pack().id());
        assertEquals("p4", s.poll(0).pack().id());
        assertEquals("p5", s.poll(0).pack().id());
    }

    @Test
    void aClosedStreamIsForgottenAndItsWaitingThreadWakesAtOnce() throws Exception {
        Subscription s = feed.subscribe("p1");
        CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            try {
                s.poll(30_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        });
        Thread.sleep(50);
        feed.unsubscribe(s);
        assertTrue(waited.get(5, TimeUnit.SECONDS) < 5_000, "the stream's thread returned at once");
        assertTrue(s.isClosed());
        assertEquals(0, feed.streams());
        feed.onTick(DummyPackState.of("p1", 4));
        assertNull(s.poll(0), "nothing is queued for a closed stream");
    }

    @Test
    void aRemovedPackIsAnnounced() throws Exception {
        Subscription s = feed.subscribe(null);
        feed.onPackRemoved(DummyPackState.of("p9", 4).pack());
        Subscription.Event e = s.poll(0);
        assertTrue(e.removed());
        assertEquals("p9", e.pack().id());
    }

    @Test
    void stoppingTheConsoleEndsEveryStream() {
        Subscription a = feed.subscribe(null);
        Subscription b = feed.subscribe("p1");
        feed.deactivate();
        assertTrue(a.isClosed() && b.isClosed());
        assertEquals(0, feed.streams());
    }

    @Test
    void aNewConfigurationKeepsTheOpenStreamsAndAppliesToTheNextOnes() throws Exception {
        Subscription open = feed.subscribe("p1");
        feed.modified(config(Map.of("events.interval.ms", 100L, "stream.queue", 1, "max.streams", 2,
                "keepalive.ms", 5_000L)));
        assertEquals(2, feed.settings().maxStreams());
        assertEquals(5_000, feed.settings().keepaliveMillis());
        feed.onTick(DummyPackState.of("p1", 4).setTick(1));
        assertEquals(1, open.poll(0).view().tick(), "the stream opened before the change goes on");
        Subscription next = feed.subscribe(null);
        feed.onTick(DummyPackState.of("p2", 4));
        feed.onTick(DummyPackState.of("p3", 4));
        assertEquals(1, next.queued(), "a new stream has the new queue of one");
        assertEquals(1, next.dropped());
    }
}
