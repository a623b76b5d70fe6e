package io.cellgate.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class ConnectionEventsTest {

    private final ConnectionEvents events = new ConnectionEvents();

    @Test
    void theOwnerHandlesTheReportsInTheOrderTheyCame() {
        IOException reset = new IOException("Connection reset");
        events.connectFailed(reset);
        events.connected();
        events.arrived("spBv1.0/site/NCMD/gw1", new byte[] {1, 2});
        events.ready();
        events.lost(reset);
        ConnectionEvents.Event failed = events.poll();
        assertEquals(ConnectionEvents.Kind.CONNECT_FAILED, failed.kind());
        assertSame(reset, failed.cause());
        assertEquals(ConnectionEvents.Kind.CONNECTED, events.poll().kind());
        ConnectionEvents.Event arrived = events.poll();
        assertEquals("spBv1.0/site/NCMD/gw1", arrived.topic());
        assertArrayEquals(new byte[] {1, 2}, arrived.payload());
        assertEquals(ConnectionEvents.Kind.READY, events.poll().kind());
        assertEquals(ConnectionEvents.Kind.LOST, events.poll().kind());
        assertNull(events.poll());
    }

    @Test
    void aReportWakesTheOwnersThreadFromItsPark() throws Exception {
        CountDownLatch parked = new CountDownLatch(1);
        CountDownLatch woke = new CountDownLatch(1);
        Thread owner = new Thread(() -> {
            parked.countDown();
            while (true) {
                ConnectionEvents.Event e = events.poll();
                if (e != null) {
                    woke.countDown();
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MINUTES.toNanos(1)); // only a report ends this wait early
            }
        });
        events.wakes(owner);
        owner.start();
        assertTrue(parked.await(10, TimeUnit.SECONDS));
        events.connected();
        assertTrue(woke.await(10, TimeUnit.SECONDS), "the owner woke within seconds, not its minute-long park");
        owner.join(10_000);
    }
}
