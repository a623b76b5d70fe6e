package io.cellgate.web;

import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackView;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One open event stream: what it wants (one pack, or every pack) and a bounded queue of what is due to it. The tick
 * thread offers without waiting; when the queue is full the oldest entry goes, so a slow client sees the newest
 * state a little late rather than the gateway keeping an ever longer backlog for it. The stream's own thread (the
 * HTTP request's) takes from it.
 */
final class Subscription {

    /**
     * An entry of the queue: a pack's new view, or (view null) the pack went away. One event goes to every stream
     * that wants the pack, and its frame is made once for them all, by the first stream that writes it.
     */
    static final class Event {
        private final PackDescription pack;
        private final PackView view;
        private byte[] summary;
        private byte[] detail;

        Event(PackDescription pack, PackView view) {
            this.pack = pack;
            this.view = view;
        }

        PackDescription pack() {
            return pack;
        }

        PackView view() {
            return view;
        }

        boolean removed() {
            return view == null;
        }

        /** The event's frame for the overview ({@code detailed} false) or a pack page, made at most once each. */
        synchronized byte[] frame(boolean detailed, Supplier<byte[]> make) {
            byte[] f = detailed ? detail : summary;
            if (f == null) {
                f = make.get();
                if (detailed) {
                    detail = f;
                } else {
                    summary = f;
                }
            }
            return f;
        }
    }

    private static final Event CLOSED = new Event(null, null);

    private final String pack;
    private final BlockingQueue<Event> queue;
    private final AtomicLong dropped = new AtomicLong();
    /** The stream's own: its thread makes its frames here. */
    private final FrameBuffer buffer = new FrameBuffer(8192);
    private volatile boolean closed;

    /** @param pack the pack id the stream wants, or null for every pack */
    Subscription(String pack, int capacity) {
        this.pack = pack;
        this.queue = new ArrayBlockingQueue<>(capacity + 1); // one slot more for the close marker
    }

    /** The pack the stream wants, or null for every pack. */
    String pack() {
        return pack;
    }

    /** Where the stream's thread makes its frames; never shared with another thread. */
    FrameBuffer buffer() {
        return buffer;
    }

    /** Never waits: a full queue loses its oldest event. */
    void offer(Event e) {
        if (closed) {
            return;
        }
        while (queue.remainingCapacity() <= 1 && queue.poll() != null) {
            dropped.incrementAndGet();
        }
        queue.offer(e);
    }

    /** The next event, or null when none came within the time; {@link #isClosed()} says whether to go on. */
    Event poll(long timeoutMillis) throws InterruptedException {
        Event e = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        return e == CLOSED ? null : e;
    }

    /** Ends the stream: the thread waiting in {@link #poll} wakes up at once. */
    void close() {
        closed = true;
        queue.clear();
        queue.offer(CLOSED);
    }

    boolean isClosed() {
        return closed;
    }

    /** Events dropped because the client read too slowly. */
    long dropped() {
        return dropped.get();
    }

    int queued() {
        return queue.size();
    }
}
