package io.cellgate.export.mqtt.internal;

import io.cellgate.api.insight.BalanceLedgers;
import io.cellgate.api.insight.PackInsight;
import io.cellgate.api.insight.PackInsights;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.broker.Backoff;
import io.cellgate.broker.BrokerProblems;
import io.cellgate.broker.ConnectionEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The exporter's own thread: turns pack views into messages, keeps them in the bounded {@link Outbox}, connects
 * with exponential back-off and publishes in order. On every (re)connect it announces the gateway online and
 * publishes the discovery configurations (a broker without persistence forgets retained messages) ahead of the
 * buffered state. An outage is logged once when it starts and once when it ends, with the messages it cost.
 *
 * <p>What a pack no longer has is cleared, so that Home Assistant keeps no ghost sensors: when a pack goes away
 * every state topic and discovery configuration of it, when it loses cells those of its cells and pairs beyond the
 * new count, each with an empty retained message (kept until it is sent, whatever the outages).
 */
final class PublishLoop implements Runnable {

    static final long FIRST_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final long IDLE_WAKE_NANOS = TimeUnit.SECONDS.toNanos(1);


    private final MqttSettings settings;
    private final Link link;
    /** Where what the operator should read goes: the component's logger, or a test's lines. */
    private final Consumer<String> info;
    private final Consumer<String> warn;
    private final LongSupplier clock;
    private final Mailbox mailbox = new Mailbox();
    private final Outbox outbox;
    private final Payloads payloads;
    private final Discovery discovery;
    private final InsightMessages insightMessages;
    /** The insight bundle's services while it runs (set from the component's bind methods), else null. */
    private volatile PackInsights insightSource;
    private volatile BalanceLedgers ledgerSource;
    /** Per pack, the cells its insight was last published with: its topics to clear when it goes. */
    private final Map<String, Integer> insightCells = new HashMap<>();
    private final Backoff backoff = new Backoff(FIRST_RETRY_NANOS, MAX_RETRY_NANOS);
    /** What the link reported, for this loop's thread. */
    private final ConnectionEvents events = new ConnectionEvents();
    /** Availability and discovery: published ahead of the buffered state, never dropped, rebuilt per connection. */
    private final ArrayDeque<Message> control = new ArrayDeque<>();
    private final Map<String, PackView> known = new LinkedHashMap<>();
    private final Map<String, String> discovered = new HashMap<>();
    private final AtomicLong published = new AtomicLong();
    /** Packs that went away, from the framework's thread. */
    private final Queue<PackDescription> gone = new ConcurrentLinkedQueue<>();
    /** The last description of each pack that went away: a view of it still in flight must not bring it back. */
    private final Map<String, PackDescription> forgotten = new HashMap<>();
    /** Topics to clear, in order; never dropped. */
    private final Set<String> clears = new LinkedHashSet<>();

    private final AtomicLong failures = new AtomicLong();
    private volatile boolean failing;
    /** Why the latest connection failed or was lost, or null before any did. */
    private volatile String outageProblem;
    private volatile Thread thread;
    private volatile boolean running = true;
    private volatile boolean connected;
    private boolean connecting;
    private long nextAttemptNanos;
    private long outageStartNanos = -1;
    private long outageDroppedBefore;

    /** The model selects, or null when they are off. */
    private final ModelSelect select;

    PublishLoop(MqttSettings settings, Link link, Consumer<String> info, Consumer<String> warn, LongSupplier clock) {
        this(settings, link, info, warn, clock, null);
    }

    /** @param select the model selects (with {@code model.select.enabled}), or null */
    PublishLoop(MqttSettings settings, Link link, Consumer<String> info, Consumer<String> warn, LongSupplier clock,
            ModelSelect select) {
        this.settings = settings;
        this.select = settings.modelSelect() ? select : null;
        this.link = link;
        this.info = info;
        this.warn = warn;
        this.clock = clock;
        this.outbox = new Outbox(settings.bufferMessages());
        this.payloads = new Payloads(settings.topics());
        this.discovery = new Discovery(settings.topics());
        this.insightMessages = new InsightMessages(settings.topics());
        this.nextAttemptNanos = clock.getAsLong();
    }

    /** From a tick thread: never blocks. */
    void offer(PackView view) {
        mailbox.put(view);
        wake();
    }

    /**
     * From the component's bind methods: the insight's services, published beside each pack's state (null while the
     * insight bundle does not run).
     */
    void insights(PackInsights insights, BalanceLedgers ledgers) {
        insightSource = insights;
        ledgerSource = ledgers;
    }

    /** From any thread: the pack went away; its topics are cleared and it is published no more. */
    void forget(PackDescription pack) {
        gone.add(pack);
        wake();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        events.wakes(thread);
        try {
            while (running) {
                long waitNanos;
                try {
                    waitNanos = guardedStep();
                } catch (Throwable whileSaying) {
                    // out of memory even for the guard's message: count it without allocating, and go on
                    failing = true;
                    failures.incrementAndGet();
                    waitNanos = FIRST_RETRY_NANOS;
                }
                if (running) {
                    LockSupport.parkNanos(this, waitNanos);
                }
            }
        } finally {
            shutdown();
        }
    }

    private static final String ROUND_FAILED = "a publishing round failed; the exporter goes on, trying again every "
            + "second";
    private static final String NOT_CONNECTED = "not connected to the broker yet";

    /** Asks the loop to end; it says goodbye to the broker and closes the link on its own thread. */
    void stop() {
        running = false;
        wake();
    }

    /**
     * A round that fails, on a bug or on an {@code Error} such as running out of memory, must not end the exporter's
     * only thread while its component still shows active: the failure is logged (once until a round succeeds
     * again), counted, and the loop tries again in a second with what it holds.
     */
    long guardedStep() {
        try {
            long wait = step();
            failing = false;
            return wait;
        } catch (Throwable e) {
            boolean first = !failing;
            failing = true; // before the count: whoever sees a failure counted reads what it was
            failures.incrementAndGet();
            if (first) {
                warn.accept("mqtt " + settings.brokerUrl() + ": a publishing round failed (" + BrokerProblems.describe(e)
                        + "); the exporter goes on, trying again every second");
            }
            return FIRST_RETRY_NANOS;
        }
    }

    /** Rounds and connections that failed since the exporter started. */
    long failures() {
        return failures.get();
    }

    /** One round: link events, new views, connecting, publishing. Returns how long to wait for the next. */
    long step() {
        handleEvents();
        for (PackDescription p = gone.poll(); p != null; p = gone.poll()) {
            retirePack(p);
        }
        mailbox.drain(this::accept);
        long now = clock.getAsLong();
        if (!connected && !connecting && now - nextAttemptNanos >= 0) {
            connecting = true;
            link.connect(events);
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
        String pack = v.pack().id();
        if (forgotten.get(pack) == v.pack()) {
            return; // the last tick of a pack that is gone
        }
        forgotten.remove(pack);
        PackView before = known.put(pack, v);
        if (!clears.isEmpty()) {
            topicsOf(pack, v.cells()).forEach(clears::remove); // a pack back under the same name
        }
        if (before != null && before.cells() > v.cells()) {
            Set<String> lost = topicsOf(pack, before.cells());
            lost.removeAll(topicsOf(pack, v.cells()));
            retire(lost);
        }
        if (connected) {
            queueDiscovery(v);
        }
        for (Message m : payloads.of(v)) {
            outbox.add(m);
            if (connected) {
                flush(); // while connected, a buffer smaller than one publish does not drop
            }
        }
        acceptInsight(v);
    }

    /** The pack's insight, when the insight bundle runs: its state messages, and its discovery once per shape. */
    private void acceptInsight(PackView v) {
        PackInsights source = insightSource;
        PackInsight insight = source == null ? null : source.insight(v.pack().id()).orElse(null);
        if (insight == null || !insight.pack().equals(v.pack())) {
            return;
        }
        BalanceLedgers ledgers = ledgerSource;
        Integer before = insightCells.put(v.pack().id(), v.cells());
        if (before != null && before > v.cells()) {
            Set<String> lost = insightTopicsOf(v.pack().id(), before);
            lost.removeAll(insightTopicsOf(v.pack().id(), v.cells()));
            retire(lost);
        }
        if (connected) {
            queueInsightDiscovery(v);
        }
        for (Message m : insightMessages.of(insight, ledgers == null ? null
                : ledgers.snapshot(v.pack().id()).orElse(null))) {
            outbox.add(m);
            if (connected) {
                flush();
            }
        }
    }

    private Set<String> insightTopicsOf(String pack, int cells) {
        Set<String> topics = new LinkedHashSet<>(insightMessages.topics(pack, cells));
        if (settings.discovery()) {
            topics.addAll(insightMessages.discoveryTopics(pack, cells));
        }
        return topics;
    }

    /** Keyed beside the pack's own discovery, so a new connection publishes both again. */
    private void queueInsightDiscovery(PackView v) {
        String key = v.pack().id() + "#insight";
        String signature = Discovery.signature(v);
        if (settings.discovery() && insightCells.containsKey(v.pack().id())
                && !signature.equals(discovered.get(key))) {
            discovered.put(key, signature);
            control.addAll(insightMessages.discovery(v.pack().id(), v.cells(), v.model()));
        }
    }

    private void retirePack(PackDescription p) {
        forgotten.put(p.id(), p);
        discovered.remove(p.id());
        discovered.remove(p.id() + "#insight");
        Integer insightShape = insightCells.remove(p.id());
        if (insightShape != null) {
            retire(insightTopicsOf(p.id(), insightShape));
        }
        PackView last = known.remove(p.id());
        if (last != null) {
            retire(topicsOf(p.id(), last.cells()));
        }
    }

    /** Clears {@code topics} after dropping whatever waits to be published on them. */
    private void retire(Set<String> topics) {
        outbox.removeTopics(topics);
        clears.addAll(topics);
        if (connected) {
            flush();
        }
    }

    /** Every state topic of a pack of {@code cells} cells, and its discovery topics when discovery is on. */
    private Set<String> topicsOf(String pack, int cells) {
        Set<String> topics = new LinkedHashSet<>(payloads.topics(pack, cells));
        if (settings.discovery()) {
            topics.addAll(discovery.topics(pack, cells));
            if (select != null) {
                topics.add(discovery.selectTopic(pack));
            }
        }
        return topics;
    }

    private void queueDiscovery(PackView v) {
        if (!settings.discovery()) {
            return;
        }
        List<String> options = select == null ? null : options(v);
        String signature = Discovery.signature(v) + (options == null ? "" : "|" + options);
        if (!signature.equals(discovered.get(v.pack().id()))) {
            discovered.put(v.pack().id(), signature);
            control.addAll(discovery.of(v));
            if (options != null) {
                control.add(discovery.select(v, options));
            }
        }
        queueInsightDiscovery(v);
    }

    private List<String> options(PackView v) {
        try {
            return select.options(v);
        } catch (RuntimeException e) {
            return List.of(v.model() == null ? "" : v.model());
        }
    }

    /** A model chosen in Home Assistant's select: swapped by the shell's rules, logged either way. */
    private void modelChosen(String topic, byte[] payload) {
        String pack = settings.topics().packOfModelCommand(topic);
        if (select == null || pack == null) {
            return;
        }
        String model = new String(payload, StandardCharsets.UTF_8).trim();
        try {
            String done = select.swap(pack, model);
            info.accept("mqtt " + settings.brokerUrl() + ": model select for " + pack + ": " + model + " accepted: "
                    + done);
        } catch (RuntimeException e) {
            warn.accept("mqtt " + settings.brokerUrl() + ": model select for " + pack + ": " + model + " refused: "
                    + e.getMessage());
        }
        PackView v = known.get(pack);
        if (v != null) {
            discovered.remove(pack); // the options may have changed with the model: published again
            if (connected) {
                queueDiscovery(v);
            }
        }
    }

    private void flush() {
        while (connected) {
            Message m;
            if (!control.isEmpty()) {
                m = control.peekFirst();
            } else if (!clears.isEmpty()) {
                m = Message.clear(clears.iterator().next());
            } else {
                m = outbox.peek();
            }
            if (m == null || !link.publish(m)) {
                return; // nothing left, or the link cannot take more now: a link event wakes us
            }
            if (!control.isEmpty()) {
                control.pollFirst();
            } else if (!clears.isEmpty()) {
                clears.remove(m.topic());
            } else {
                outbox.remove();
            }
            published.incrementAndGet();
        }
    }

    private void handleEvents() {
        for (ConnectionEvents.Event e = events.poll(); e != null; e = events.poll()) {
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
                case ARRIVED -> modelChosen(e.topic(), e.payload());
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
                info.accept(back);
            } else {
                warn.accept(back); // telemetry was lost
            }
            outageStartNanos = -1;
        } else {
            info.accept("mqtt " + settings.brokerUrl() + ": connected as " + settings.clientId());
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
        outageProblem = "cannot reach the broker: " + BrokerProblems.describe(cause)
                + "; retrying every 1 s to 30 s";
        failures.incrementAndGet();
        if (outageStartNanos < 0) {
            outageStartNanos = now;
            outageDroppedBefore = outbox.dropped();
            warn.accept("mqtt " + settings.brokerUrl() + ": " + BrokerProblems.describe(cause)
                    + "; retrying every 1 s to 30 s and keeping up to " + settings.bufferMessages()
                    + " messages, the oldest dropped first");
        }
        nextAttemptNanos = now + backoff.nextDelayNanos();
    }

    private void shutdown() {
        if (connected) {
            flush();
        }
        link.close(new Message(settings.topics().availability(),
                Topics.OFFLINE.getBytes(StandardCharsets.UTF_8), true));
        connected = false;
        if (outageStartNanos >= 0 && outbox.dropped() > outageDroppedBefore) {
            info.accept("mqtt " + settings.brokerUrl() + ": stopped during an outage; "
                    + (outbox.dropped() - outageDroppedBefore) + " oldest messages dropped");
        }
    }

    private void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    // --- status, from any thread ---

    boolean isConnected() {
        return connected;
    }

    /** What is wrong now, or null while connected and publishing. */
    String problem() {
        if (failing) {
            return ROUND_FAILED;
        }
        if (!connected) {
            String outage = outageProblem;
            return outage == null ? NOT_CONNECTED : outage;
        }
        return null;
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
