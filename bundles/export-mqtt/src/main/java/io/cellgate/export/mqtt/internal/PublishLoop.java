package io.cellgate.export.mqtt.internal;

import io.cellgate.api.telemetry.PackView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The exporter's own thread: turns pack views into messages, keeps them in the bounded {@link Outbox}, connects
 * with exponential back-off and publishes in order. On every (re)connect it announces the gateway online and
 * publishes the discovery configurations (a broker without persistence forgets retained messages) ahead of the
 * buffered state. An outage is logged once when it starts and once when it ends, with the messages it cost.
 */
final class PublishLoop implements Runnable, Link.Events {

    static final long FIRST_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final long IDLE_WAKE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private enum Event { CONNECTED, CONNECT_FAILED, LOST, READY }

    private record LinkEvent(Event kind, Throwable cause) {
    }

    private final MqttSettings settings;
    private final Link link;
    private final ExporterLog log;
    private final LongSupplier clock;
    private final Mailbox mailbox = new Mailbox();
    private final Outbox outbox;
    private final Payloads payloads;
    private final Discovery discovery;
    private final Backoff backoff = new Backoff(FIRST_RETRY_NANOS, MAX_RETRY_NANOS);
    private final Queue<LinkEvent> events = new ConcurrentLinkedQueue<>();
    /** Availability and discovery: published ahead of the buffered state, never dropped, rebuilt per connection. */
    private final ArrayDeque<Message> control = new ArrayDeque<>();
    private final Map<String, PackView> known = new LinkedHashMap<>();
    private final Map<String, String> discovered = new HashMap<>();
    private final AtomicLong published = new AtomicLong();

    private volatile Thread thread;
    private volatile boolean running = true;
    private volatile boolean connected;
    private boolean connecting;
    private long nextAttemptNanos;
    private long outageStartNanos = -1;
    private long outageDroppedBefore;

    PublishLoop(MqttSettings settings, Link link, ExporterLog log, LongSupplier clock) {
        this.settings = settings;
        this.link = link;
        this.log = log;
        this.clock = clock;
        this.outbox = new Outbox(settings.bufferMessages());
        this.payloads = new Payloads(settings.topics());
        this.discovery = new Discovery(settings.topics());
        this.nextAttemptNanos = clock.getAsLong();
    }

    /** From a tick thread: never blocks. */
    void offer(PackView view) {
        mailbox.put(view);
        wake();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            while (running) {
                long waitNanos = step();
                if (running) {
                    LockSupport.parkNanos(this, waitNanos);
                }
            }
        } finally {
            shutdown();
        }
    }

    /** Asks the loop to end; it says goodbye to the broker and closes the link on its own thread. */
    void stop() {
        running = false;
        wake();
    }

    /** One round: link events, new views, connecting, publishing. Returns how long to wait for the next. */
    long step() {
        handleEvents();
        mailbox.drain(this::accept);
        long now = clock.getAsLong();
        if (!connected && !connecting && now - nextAttemptNanos >= 0) {
            connecting = true;
            link.connect(this);
        }
        if (connected) {
            flush();
        }
        if (!connected && !connecting) {
            return Math.max(1, Math.min(IDLE_WAKE_NANOS, nextAttemptNanos - now));
        }
        return IDLE_WAKE_NANOS;
    }

    private void accept(PackView v) {
        known.put(v.pack().id(), v);
        if (connected) {
            queueDiscovery(v);
        }
        for (Message m : payloads.of(v)) {
            outbox.add(m);
            if (connected) {
                flush(); // while connected, a buffer smaller than one publish does not drop
            }
        }
    }

    private void queueDiscovery(PackView v) {
        if (settings.discovery() && !Discovery.signature(v).equals(discovered.get(v.pack().id()))) {
            discovered.put(v.pack().id(), Discovery.signature(v));
            control.addAll(discovery.of(v));
        }
    }

    private void flush() {
        while (connected) {
            boolean fromControl = !control.isEmpty();
            Message m = fromControl ? control.peekFirst() : outbox.peek();
            if (m == null || !link.publish(m)) {
                return; // nothing left, or the link cannot take more now: a link event wakes us
            }
            if (fromControl) {
                control.pollFirst();
            } else {
                outbox.remove();
            }
            published.incrementAndGet();
        }
    }

    private void handleEvents() {
        for (LinkEvent e = events.poll(); e != null; e = events.poll()) {
            switch (e.kind()) {
                case CONNECTED -> onConnected();
                case CONNECT_FAILED -> {
                    connecting = false;
                    outage(e.cause());
                }
                case LOST -> {
                    connected = false;
                    outage(e.cause());
                }
                case READY -> {
                    // only a wake-up: flush() runs next
                }
            }
        }
    }

    private void onConnected() {
        connecting = false;
        connected = true;
        backoff.reset();
        if (outageStartNanos >= 0) {
            long dropped = outbox.dropped() - outageDroppedBefore;
            String back = String.format(Locale.ROOT, "mqtt %s: connected again after %.1f s; %s", settings.brokerUrl(),
                    (clock.getAsLong() - outageStartNanos) / 1e9, dropped == 0 ? "no message dropped"
                            : dropped + " oldest messages dropped (buffer of " + settings.bufferMessages() + ")");
            if (dropped == 0) {
                log.info(back);
            } else {
                log.warn(back); // telemetry was lost
            }
            outageStartNanos = -1;
        } else {
            log.info("mqtt " + settings.brokerUrl() + ": connected as " + settings.clientId());
        }
        control.clear();
        discovered.clear();
        control.add(new Message(settings.topics().availability(),
                Topics.ONLINE.getBytes(StandardCharsets.UTF_8), true));
        known.values().forEach(this::queueDiscovery);
    }

    /** Logs the first failure of an outage only; every failure schedules the next attempt. */
    private void outage(Throwable cause) {
        long now = clock.getAsLong();
        if (outageStartNanos < 0) {
            outageStartNanos = now;
            outageDroppedBefore = outbox.dropped();
            log.warn("mqtt " + settings.brokerUrl() + ": " + (cause == null ? "connection failed" : describe(cause))
                    + "; retrying every 1 s to 30 s and keeping up to " + settings.bufferMessages()
                    + " messages, the oldest dropped first");
        }
        nextAttemptNanos = now + backoff.nextDelayNanos();
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = cause.getMessage();
        return root == cause || root.getMessage() == null ? String.valueOf(message)
                : message + " (" + root.getMessage() + ")";
    }

    private void shutdown() {
        if (connected) {
            flush();
        }
        link.close(new Message(settings.topics().availability(),
                Topics.OFFLINE.getBytes(StandardCharsets.UTF_8), true));
        connected = false;
        if (outageStartNanos >= 0 && outbox.dropped() > outageDroppedBefore) {
            log.info("mqtt " + settings.brokerUrl() + ": stopped during an outage; "
                    + (outbox.dropped() - outageDroppedBefore) + " oldest messages dropped");
        }
    }

    private void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    // --- Link.Events, from the link's threads ---

    @Override
    public void connected() {
        events.add(new LinkEvent(Event.CONNECTED, null));
        wake();
    }

    @Override
    public void connectFailed(Throwable cause) {
        events.add(new LinkEvent(Event.CONNECT_FAILED, cause));
        wake();
    }

    @Override
    public void lost(Throwable cause) {
        events.add(new LinkEvent(Event.LOST, cause));
        wake();
    }

    @Override
    public void ready() {
        events.add(new LinkEvent(Event.READY, null));
        wake();
    }

    // --- status, from any thread ---

    boolean isConnected() {
        return connected;
    }

    long dropped() {
        return outbox.dropped();
    }

    long published() {
        return published.get();
    }

    int buffered() {
        return outbox.size();
    }
}
