package io.cellgate.export.sparkplug.internal;

import io.cellgate.api.insight.LedgerCounts;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.broker.Backoff;
import io.cellgate.broker.ConnectionEvents;
import io.cellgate.broker.BrokerProblems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * A Sparkplug B 3.0 edge node, on the node's own thread: the gateway is the node, each pack a device.
 *
 * <ul>
 * <li>Connects with NDEATH (its {@code bdSeq}) as the MQTT will; {@code bdSeq} goes up by one (0 to 255) at every
 * connection and is kept across restarts.</li>
 * <li>With a primary host configured, waits for its {@code STATE} to say online before any birth, and publishes an
 * NDEATH and disconnects when it goes offline (then waits for it again).</li>
 * <li>NBIRTH (sequence 0, {@code bdSeq}, the node's metrics, {@code Node Control/Rebirth}), then a DBIRTH per pack with
 * every metric by name, alias and data type; afterwards NDATA and DDATA by exception, by alias alone, without data
 * types; DDEATH when a pack goes away; a new birth on {@code Node Control/Rebirth}.</li>
 * <li>Every message but NDEATH carries the sequence number 0 to 255; every payload and metric a timestamp.</li>
 * <li>DCMD writes to {@code Balancer/Model} and {@code Properties/<name>} go to the {@link Operator} when commands are
 * on and the metric is allowed; each command is logged with its sender, and a refusal comes back as the pack's
 * {@code Commands/Refusal} metric.</li>
 * </ul>
 */
final class EdgeNode implements Runnable {

    static final long FIRST_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final long IDLE_WAKE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** How often the node's own figures (ticks, lateness) are compared for NDATA. */
    static final long NODE_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Aliases: the node's metrics 0..n; device slot s has s * ALIAS_BLOCK + index. */
    static final long ALIAS_BLOCK = 100_000;

    static final String BD_SEQ = "bdSeq";
    static final String REBIRTH = "Node Control/Rebirth";
    static final String VERSION = "Node Info/Version";
    static final String PACKS = "Gateway/Packs";
    static final String TICKS = "Gateway/Ticks";
    static final String LATENESS = "Gateway/Max Lateness Seconds";

    private enum State { DISCONNECTED, CONNECTING, WAITING_FOR_HOST, ONLINE }

    /** A pack as a device: its metrics, their values as last sent, and its alias block. */
    private static final class Device {
        final DeviceMetrics metrics;
        final Object[] sent;
        final Object[] now;
        long slot;
        boolean born;
        long timeMillis;

        Device(DeviceMetrics metrics) {
            this.metrics = metrics;
            this.sent = new Object[metrics.size()];
            this.now = new Object[metrics.size()];
        }
    }

    private final SparkplugSettings settings;
    private final SparkplugTopics topics;
    private final Transport transport;
    private final Operator operator;
    private final Supplier<NodeFigures> figures;
    private final Function<String, LedgerCounts> ledgers;
    private final String version;
    private final Consumer<String> info;
    private final Consumer<String> warn;
    private final LongSupplier clock;
    private final LongSupplier wallClock;
    private final IntConsumer bdSeqStore;
    private final SparkplugBPayloadEncoder encoder = new SparkplugBPayloadEncoder();
    private final Backoff backoff = new Backoff(FIRST_RETRY_NANOS, MAX_RETRY_NANOS);

    private final ConcurrentHashMap<String, PackView> mailbox = new ConcurrentHashMap<>();
    private final Queue<PackDescription> gone = new ConcurrentLinkedQueue<>();
    /** What the connection reported, for this node's thread. */
    private final ConnectionEvents events = new ConnectionEvents();
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong publishedBytes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    private volatile Thread thread;
    private volatile boolean running = true;
    private volatile State state = State.DISCONNECTED;
    private volatile String problem;
    private int bdSeq;
    private int seq;
    private long nextSlot = 1;
    private long nextAttemptNanos;
    private long outageStartNanos = -1;
    private long nextNodeCheckNanos;
    private long hostTimestamp = Long.MIN_VALUE;
    private Object[] nodeSent;

    /**
     * @param bdSeq      the {@code bdSeq} of the first connection (the one after the last run's)
     * @param bdSeqStore where each connection's {@code bdSeq} is kept for the next run
     */
    EdgeNode(SparkplugSettings settings, Transport transport, Operator operator, Supplier<NodeFigures> figures,
            Function<String, LedgerCounts> ledgers, String version, int bdSeq, IntConsumer bdSeqStore, Consumer<String> info, Consumer<String> warn,
            LongSupplier clock, LongSupplier wallClock) {
        this.settings = settings;
        this.topics = new SparkplugTopics(settings.group(), settings.node());
        this.transport = transport;
        this.operator = operator;
        this.figures = figures;
        this.ledgers = ledgers;
        this.version = version;
        this.bdSeq = Math.floorMod(bdSeq, 256);
        this.bdSeqStore = bdSeqStore;
        this.info = info;
        this.warn = warn;
        this.clock = clock;
        this.wallClock = wallClock;
        this.nextAttemptNanos = clock.getAsLong();
    }

    // --- from other threads ---

    /** From a tick thread: the pack's newest view; never blocks. */
    void offer(PackView view) {
        mailbox.put(view.pack().id(), view);
        wake();
    }

    /** The pack went away: its DDEATH follows. */
    void forget(PackDescription pack) {
        gone.add(pack);
        wake();
    }

    void stop() {
        running = false;
        wake();
    }

    boolean online() {
        return state == State.ONLINE;
    }

    boolean isConnected() {
        return state == State.ONLINE || state == State.WAITING_FOR_HOST;
    }

    long published() {
        return published.get();
    }

    long publishedBytes() {
        return publishedBytes.get();
    }

    long failures() {
        return failures.get();
    }

    /** What is wrong now, or null while the node is online. */
    String problem() {
        return switch (state) {
            case ONLINE -> null;
            case WAITING_FOR_HOST -> "waiting for primary host " + settings.primaryHost() + " to be online";
            default -> problem == null ? "not connected to the broker yet" : problem;
        };
    }

    // --- the node's thread ---

    @Override
    public void run() {
        thread = Thread.currentThread();
        events.wakes(thread);
        try {
            while (running) {
                long wait;
                try {
                    wait = step();
                } catch (RuntimeException | LinkageError e) {
                    failures.incrementAndGet();
                    warn.accept("sparkplug " + settings.node() + ": a round failed (" + e + "); trying again in a "
                            + "second");
                    wait = FIRST_RETRY_NANOS;
                }
                if (running) {
                    LockSupport.parkNanos(this, wait);
                }
            }
        } finally {
            shutdown();
        }
    }

    /** One round: connection events, commands, packs gone, new views, connecting. Returns how long to wait. */
    long step() {
        for (ConnectionEvents.Event e = events.poll(); e != null; e = events.poll()) {
            handle(e);
        }
        for (PackDescription p = gone.poll(); p != null; p = gone.poll()) {
            Device d = devices.remove(p.id());
            mailbox.remove(p.id());
            if (d != null && d.born && state == State.ONLINE) {
                publish(topics.device("DDEATH", p.id()), payload(new ArrayList<>(), nextSeq()));
            }
        }
        for (String pack : mailbox.keySet()) {
            PackView v = mailbox.remove(pack);
            if (v != null) {
                accept(v);
            }
        }
        long now = clock.getAsLong();
        if (state == State.ONLINE && now - nextNodeCheckNanos >= 0) {
            nextNodeCheckNanos = now + NODE_PERIOD_NANOS;
            nodeData();
        }
        if (state == State.DISCONNECTED && now - nextAttemptNanos >= 0) {
            connect();
        }
        return state == State.DISCONNECTED ? Math.max(1, Math.min(IDLE_WAKE_NANOS, nextAttemptNanos - now))
                : IDLE_WAKE_NANOS;
    }

    private void connect() {
        state = State.CONNECTING;
        bdSeqStore.accept(bdSeq);
        List<String> subscriptions = new ArrayList<>(List.of(topics.node("NCMD"), topics.node("DCMD") + "/+"));
        if (settings.primaryHost() != null) {
            subscriptions.add(SparkplugTopics.state(settings.primaryHost()));
        }
        hostTimestamp = Long.MIN_VALUE;
        transport.connect(topics.node("NDEATH"), death(), subscriptions, events);
    }

    private byte[] death() {
        List<Metric> m = new ArrayList<>();
        m.add(metric(BD_SEQ, null, MetricDataType.Int64, (long) bdSeq, wallClock.getAsLong()));
        return encode(new SparkplugBPayload(new Date(wallClock.getAsLong()), m, null), false);
    }

    private void handle(ConnectionEvents.Event e) {
        switch (e.kind()) {
            case CONNECTED -> {
                if (outageStartNanos >= 0) {
                    info.accept(String.format(Locale.ROOT, "sparkplug %s: connected again to %s after %.1f s "
                            + "(bdSeq %d)", settings.node(), settings.brokerUrl(),
                            (clock.getAsLong() - outageStartNanos) / 1e9, bdSeq));
                    outageStartNanos = -1;
                } else {
                    info.accept("sparkplug " + settings.node() + ": connected to " + settings.brokerUrl() + " as "
                            + settings.clientId() + " (bdSeq " + bdSeq + ")");
                }
                backoff.reset();
                problem = null;
                if (settings.primaryHost() == null) {
                    birth();
                } else {
                    state = State.WAITING_FOR_HOST;
                    info.accept("sparkplug " + settings.node() + ": waiting for primary host "
                            + settings.primaryHost() + " to be online");
                }
            }
            case CONNECT_FAILED, LOST -> outage(e.cause());
            case ARRIVED -> onArrived(e.topic(), e.payload());
            case READY -> { } // births and data are QoS 0: Paho takes them while connected
        }
    }

    private void outage(Throwable cause) {
        state = State.DISCONNECTED;
        bdSeq = (bdSeq + 1) % 256; // the next connection's will
        failures.incrementAndGet();
        String why = BrokerProblems.describe(cause);
        problem = "cannot reach the broker: " + why + "; retrying every 1 s to 30 s";
        long now = clock.getAsLong();
        if (outageStartNanos < 0) {
            outageStartNanos = now;
            warn.accept("sparkplug " + settings.node() + ": " + settings.brokerUrl() + ": " + why
                    + "; retrying every 1 s to 30 s");
        }
        nextAttemptNanos = now + backoff.nextDelayNanos();
    }

    private void onArrived(String topic, byte[] payload) {
        if (settings.primaryHost() != null && topic.equals(SparkplugTopics.state(settings.primaryHost()))) {
            hostState(payload);
        } else if (topic.equals(topics.node("NCMD"))) {
            nodeCommand(payload);
        } else {
            String device = topics.commandedDevice(topic);
            if (device != null) {
                deviceCommand(device, payload);
            }
        }
    }

    private static final Pattern ONLINE = Pattern.compile("\"online\"\\s*:\\s*(true|false)");
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\"\\s*:\\s*(\\d+)");

    /** The primary host's STATE: {@code {"online": true|false, "timestamp": ms}}; an older one than seen is ignored. */
    private void hostState(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        Matcher on = ONLINE.matcher(text);
        if (!on.find()) {
            warn.accept("sparkplug " + settings.node() + ": STATE of " + settings.primaryHost() + " is not "
                    + "{\"online\": …, \"timestamp\": …}: " + text);
            return;
        }
        Matcher ts = TIMESTAMP.matcher(text);
        long timestamp = ts.find() ? Long.parseLong(ts.group(1)) : Long.MIN_VALUE + 1;
        if (timestamp < hostTimestamp) {
            return; // an older message than the one acted on
        }
        hostTimestamp = timestamp;
        boolean online = Boolean.parseBoolean(on.group(1));
        if (online && state == State.WAITING_FOR_HOST) {
            info.accept("sparkplug " + settings.node() + ": primary host " + settings.primaryHost() + " is online");
            birth();
        } else if (!online && state == State.ONLINE) {
            warn.accept("sparkplug " + settings.node() + ": primary host " + settings.primaryHost() + " is offline: "
                    + "NDEATH, disconnecting, and waiting for it again");
            transport.disconnect(topics.node("NDEATH"), death());
            state = State.DISCONNECTED;
            bdSeq = (bdSeq + 1) % 256;
            nextAttemptNanos = clock.getAsLong() + FIRST_RETRY_NANOS;
        }
    }

    // --- births and data ---

    private void birth() {
        state = State.ONLINE;
        seq = 0;
        long now = wallClock.getAsLong();
        NodeFigures f = figures.get();
        nodeSent = new Object[] {(long) bdSeq, false, version, f.packs(), f.ticks(), f.maxLatenessSeconds()};
        List<Metric> m = new ArrayList<>();
        m.add(metric(BD_SEQ, 0L, MetricDataType.Int64, nodeSent[0], now));
        m.add(metric(REBIRTH, 1L, MetricDataType.Boolean, nodeSent[1], now));
        m.add(metric(VERSION, 2L, MetricDataType.String, nodeSent[2], now));
        m.add(metric(PACKS, 3L, MetricDataType.Int32, nodeSent[3], now));
        m.add(metric(TICKS, 4L, MetricDataType.Int64, nodeSent[4], now));
        m.add(metric(LATENESS, 5L, MetricDataType.Double, nodeSent[5], now));
        publish(topics.node("NBIRTH"), payload(m, nextSeq()));
        nextNodeCheckNanos = clock.getAsLong() + NODE_PERIOD_NANOS;
        for (Map.Entry<String, Device> e : devices.entrySet()) {
            deviceBirth(e.getKey(), e.getValue());
        }
    }

    /** The node's figures, by exception: the pack count at once, ticks and lateness every ten seconds. */
    private void nodeData() {
        NodeFigures f = figures.get();
        Object[] now = {nodeSent[0], false, version, f.packs(), f.ticks(), f.maxLatenessSeconds()};
        List<Metric> m = new ArrayList<>();
        long time = wallClock.getAsLong();
        MetricDataType[] types = {MetricDataType.Int64, MetricDataType.Boolean, MetricDataType.String,
            MetricDataType.Int32, MetricDataType.Int64, MetricDataType.Double};
        for (int i = 3; i < now.length; i++) {
            if (!now[i].equals(nodeSent[i])) {
                m.add(metric(null, (long) i, types[i], now[i], time));
                nodeSent[i] = now[i];
            }
        }
        if (!m.isEmpty()) {
            publish(topics.node("NDATA"), payloadWithoutTypes(m, nextSeq()));
        }
    }

    private void accept(PackView v) {
        String pack = v.pack().id();
        Device d = devices.get(pack);
        if (d != null && d.metrics.cells() != v.cells()) {
            if (d.born && state == State.ONLINE) {
                publish(topics.device("DDEATH", pack), payload(new ArrayList<>(), nextSeq()));
            }
            d = null;
        }
        boolean fresh = d == null;
        if (fresh) {
            d = new Device(new DeviceMetrics(v.cells(), properties()));
            devices.put(pack, d);
            d.now[d.metrics.refusal()] = "";
            d.now[d.metrics.refusals()] = 0L;
            d.now[d.metrics.accepted()] = 0L;
        }
        d.metrics.read(v, ledger(pack), d.now);
        d.timeMillis = v.timeMillis();
        if (state != State.ONLINE) {
            return; // born with the rest when the node is
        }
        if (!d.born) {
            deviceBirth(pack, d);
        } else {
            deviceData(pack, d);
        }
        if (fresh) {
            nodeData();
        }
    }

    private LedgerCounts ledger(String pack) {
        try {
            return ledgers.apply(pack);
        } catch (RuntimeException e) {
            return null; // the insight bundle going away: no figures this round
        }
    }

    private List<String> properties() {
        return settings.allowed().stream().filter(a -> a.startsWith(DeviceMetrics.PROPERTIES))
                .map(a -> a.substring(DeviceMetrics.PROPERTIES.length())).toList();
    }

    private void deviceBirth(String pack, Device d) {
        d.slot = nextSlot++;
        List<String> props = d.metrics.properties();
        for (int p = 0; p < props.size(); p++) {
            d.now[d.metrics.property(p)] = operator.property(pack, props.get(p));
        }
        List<Metric> m = new ArrayList<>(d.metrics.size());
        long time = d.timeMillis;
        for (int i = 0; i < d.metrics.size(); i++) {
            DeviceMetrics.Def def = d.metrics.def(i);
            m.add(metric(def.name(), d.slot * ALIAS_BLOCK + i, def.type(), d.now[i], time));
            d.sent[i] = d.now[i];
        }
        publish(topics.device("DBIRTH", pack), payload(m, nextSeq()));
        d.born = true;
    }

    /** What moved beyond its deadband since it was last sent, by alias. */
    private void deviceData(String pack, Device d) {
        List<Metric> m = null;
        for (int i = 0; i < d.metrics.size(); i++) {
            if (d.metrics.changed(i, d.sent[i], d.now[i], settings)) {
                if (m == null) {
                    m = new ArrayList<>();
                }
                m.add(metric(null, d.slot * ALIAS_BLOCK + i, d.metrics.def(i).type(), d.now[i], d.timeMillis));
                d.sent[i] = d.now[i];
            }
        }
        if (m != null) {
            publish(topics.device("DDATA", pack), payloadWithoutTypes(m, nextSeq()));
        }
    }

    // --- commands ---

    private void nodeCommand(byte[] bytes) {
        SparkplugBPayload p = decode(bytes, "NCMD");
        if (p == null) {
            return;
        }
        for (Metric m : p.getMetrics()) {
            boolean rebirth = REBIRTH.equals(m.getName()) || (!m.hasName() && m.hasAlias() && m.getAlias() == 1L);
            if (rebirth && Boolean.TRUE.equals(m.getValue())) {
                info.accept("sparkplug " + settings.node() + ": rebirth asked by " + settings.commander());
                if (state == State.ONLINE) {
                    for (Device d : devices.values()) {
                        d.born = false;
                    }
                    birth();
                }
            } else {
                warn.accept("sparkplug " + settings.node() + ": NCMD from " + settings.commander() + " refused: "
                        + name(m) + " cannot be written; the node takes " + REBIRTH + " only");
            }
        }
    }

    private void deviceCommand(String pack, byte[] bytes) {
        SparkplugBPayload p = decode(bytes, "DCMD for " + pack);
        if (p == null) {
            return;
        }
        Device d = devices.get(pack);
        String who = settings.commander();
        boolean swapped = false;
        boolean answer = false;
        for (Metric m : p.getMetrics()) {
            String name = name(m);
            if (name == null && d != null && m.hasAlias()) {
                long index = m.getAlias() - d.slot * ALIAS_BLOCK;
                name = index >= 0 && index < d.metrics.size() ? d.metrics.def((int) index).name() : null;
            }
            String value = m.getValue() == null ? "" : String.valueOf(m.getValue());
            String what = (name == null ? "alias " + m.getAlias() : name) + "=" + value;
            String refusal = null;
            String done = null;
            if (d == null) {
                refusal = "unknown pack '" + pack + "'; known packs: " + String.join(", ", devices.keySet());
            } else if (!settings.commands()) {
                refusal = "remote commands are off: set commands.enabled=true in the node's configuration to allow "
                        + "them";
            } else if (name == null || !(name.equals(DeviceMetrics.MODEL)
                    || name.startsWith(DeviceMetrics.PROPERTIES))) {
                refusal = (name == null ? "alias " + m.getAlias() : name) + " cannot be written: only "
                        + DeviceMetrics.MODEL + " and " + DeviceMetrics.PROPERTIES + "<property> can";
            } else if (!settings.allowed().contains(name)) {
                refusal = name + " is not in commands.allow (" + String.join(", ", settings.allowed()) + ")";
            } else {
                try {
                    if (name.equals(DeviceMetrics.MODEL)) {
                        done = operator.swap(pack, value, who);
                        swapped = true;
                    } else {
                        String property = name.substring(DeviceMetrics.PROPERTIES.length());
                        done = operator.set(pack, property, value, who);
                        int index = d.metrics.indexOf(name);
                        if (index >= 0) {
                            d.now[index] = operator.property(pack, property);
                        }
                    }
                } catch (IllegalArgumentException | IllegalStateException e) {
                    refusal = e.getMessage();
                } catch (IOException e) {
                    refusal = "the configuration could not be written: " + e.getMessage();
                }
            }
            if (refusal != null) {
                warn.accept("sparkplug " + settings.node() + ": DCMD from " + who + " for " + pack + ": " + what
                        + " refused: " + refusal);
                answer = true;
                if (d != null) {
                    d.now[d.metrics.refusal()] = what + " refused: " + refusal;
                    d.now[d.metrics.refusals()] = (Long) d.now[d.metrics.refusals()] + 1;
                }
            } else {
                info.accept("sparkplug " + settings.node() + ": DCMD from " + who + " for " + pack + ": " + what
                        + " accepted: " + done);
                d.now[d.metrics.accepted()] = (Long) d.now[d.metrics.accepted()] + 1;
            }
        }
        // A refusal or a property set is answered at once; an accepted swap shows in the pack's next data, which its
        // model change brings within a tick, with the count of accepted commands.
        if (d != null && d.born && state == State.ONLINE && (answer || !swapped)) {
            deviceData(pack, d);
        }
    }

    private static String name(Metric m) {
        return m.hasName() ? m.getName() : null;
    }

    private SparkplugBPayload decode(byte[] bytes, String what) {
        try {
            return new SparkplugBPayloadDecoder().buildFromByteArray(bytes, null);
        } catch (Exception e) {
            warn.accept("sparkplug " + settings.node() + ": " + what + " from " + settings.commander()
                    + " is no Sparkplug B payload and was ignored: " + e.getMessage());
            return null;
        }
    }

    // --- payloads ---

    private int nextSeq() {
        int s = seq;
        seq = (seq + 1) % 256;
        return s;
    }

    private static Metric metric(String name, Long alias, MetricDataType type, Object value, long timeMillis) {
        try {
            return new Metric(name, alias, new Date(timeMillis), type, null, null, null, null, value);
        } catch (Exception e) {
            throw new IllegalStateException("metric " + name + " of " + type + ": " + e.getMessage(), e);
        }
    }

    private byte[] payload(List<Metric> metrics, int sequence) {
        return encode(new SparkplugBPayload(new Date(wallClock.getAsLong()), metrics, (long) sequence), false);
    }

    /** Data after a birth: aliases only, and no data types (the host knows them from the birth). */
    private byte[] payloadWithoutTypes(List<Metric> metrics, int sequence) {
        return encode(new SparkplugBPayload(new Date(wallClock.getAsLong()), metrics, (long) sequence), true);
    }

    private byte[] encode(SparkplugBPayload p, boolean stripDataTypes) {
        try {
            return encoder.getBytes(p, stripDataTypes);
        } catch (IOException e) {
            throw new IllegalStateException("Sparkplug payload: " + e.getMessage(), e);
        }
    }

    private void publish(String topic, byte[] payload) {
        if (transport.publish(topic, payload)) {
            published.incrementAndGet();
            publishedBytes.addAndGet(payload.length);
        }
    }

    private void shutdown() {
        if (isConnected()) {
            transport.disconnect(topics.node("NDEATH"), death()); // an orderly goodbye: the will is not sent then
        }
        state = State.DISCONNECTED;
        transport.close();
    }

    private void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
