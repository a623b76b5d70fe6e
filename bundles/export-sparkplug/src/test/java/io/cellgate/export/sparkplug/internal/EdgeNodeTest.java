package io.cellgate.export.sparkplug.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.insight.LedgerCounts;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.api.testing.DummyPackState;
import io.cellgate.broker.PahoClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.model.MetricDataTypeMap;
import org.junit.jupiter.api.Test;

/** The edge node's protocol on a fake connection, every payload decoded with Eclipse Tahu as a host would. */
class EdgeNodeTest {

    record Sent(String topic, byte[] payload) {
    }

    /** A connection that records what is published and lets the test say what the broker does. */
    static final class FakeTransport implements Transport {
        final List<Sent> sent = new CopyOnWriteArrayList<>();
        String willTopic;
        byte[] will;
        List<String> subscriptions;
        PahoClient.Events events;
        int connects;
        Sent goodbye;

        @Override
        public void connect(String willTopic, byte[] will, List<String> subscriptions, PahoClient.Events events) {
            this.willTopic = willTopic;
            this.will = will;
            this.subscriptions = subscriptions;
            this.events = events;
            connects++;
        }

        @Override
        public boolean publish(String topic, byte[] payload) {
            sent.add(new Sent(topic, payload));
            return true;
        }

        @Override
        public void disconnect(String topic, byte[] payload) {
            goodbye = new Sent(topic, payload);
        }

        @Override
        public void close() {
        }

        List<Sent> on(String type) {
            return sent.stream().filter(s -> s.topic().contains("/" + type + "/")).collect(Collectors.toList());
        }
    }

    /** An operator that swaps to EK-L20S1A variants only, as the shell would, and remembers what it was asked. */
    static final class FakeOperator implements Operator {
        final List<String> asked = new ArrayList<>();
        final Map<String, String> properties = new HashMap<>(Map.of("tick.ms", "100"));

        @Override
        public String swap(String pack, String model, String who) {
            asked.add(pack + " swap " + model + " by " + who);
            if (!model.startsWith("EK-L20S1A/")) {
                throw new IllegalArgumentException("unknown model '" + model + "'; known models: EK-L20S1A/datasheet");
            }
            return pack + ": EK-L20S1A/datasheet -> " + model;
        }

        @Override
        public String set(String pack, String property, String value, String who) throws IOException {
            asked.add(pack + " set " + property + "=" + value + " by " + who);
            if (Integer.parseInt(value) < 10) {
                throw new IllegalArgumentException(property + "=" + value + " is out of range: 10 to 60000 ms");
            }
            properties.put(property, value);
            return pack + ": " + property + "=" + value;
        }

        @Override
        public String property(String pack, String property) {
            return properties.getOrDefault(property, "");
        }
    }

    final FakeTransport transport = new FakeTransport();
    final FakeOperator operator = new FakeOperator();
    final List<String> log = new ArrayList<>();
    final List<Integer> keptBdSeq = new ArrayList<>();
    long nanos = 1_000_000_000L;
    final MetricDataTypeMap types = new MetricDataTypeMap();
    final Map<String, LedgerCounts> ledgers = new HashMap<>();

    EdgeNode node(Map<String, Object> config) {
        Map<String, Object> c = new HashMap<>(Map.of("edge.node.id", "gw1", "group.id", "site"));
        c.putAll(config);
        SparkplugSettings s = SparkplugSettings.of(SettingsTest.config(c));
        return new EdgeNode(s, transport, operator, () -> new NodeFigures(1, 42, 0.001), ledgers::get, "1.2.3", 7,
                keptBdSeq::add, log::add, log::add, () -> nanos, () -> 1_700_000_000_000L);
    }

    SparkplugBPayload decode(Sent s) throws Exception {
        SparkplugBPayload p = new SparkplugBPayloadDecoder().buildFromByteArray(s.payload(), types);
        if (s.topic().contains("BIRTH")) {
            for (Metric m : p.getMetrics()) {
                types.addMetricDataType(m.getAlias(), m.getDataType());
            }
        }
        return p;
    }

    static Metric named(SparkplugBPayload p, String name) {
        return p.getMetrics().stream().filter(m -> name.equals(m.getName())).findFirst().orElseThrow(
                () -> new AssertionError(name + " not in " + p.getMetrics().stream().map(Metric::getName).toList()));
    }

    static PackView view(PackStateBuffer p) {
        return PackView.of(p);
    }

    @Test
    void birthsCarryTheWillsBdSeqEveryMetricByNameAliasAndTypeAndSequenceNumbersFromZero() throws Exception {
        EdgeNode node = node(Map.of());
        PackStateBuffer pack = DummyPackState.of("pack1", 20).setModel("EK-L20S1A/datasheet");
        node.offer(view(pack)); // before the connection: born with the node
        node.step();
        assertEquals("spBv1.0/site/NDEATH/gw1", transport.willTopic);
        assertEquals(List.of("spBv1.0/site/NCMD/gw1", "spBv1.0/site/DCMD/gw1/+"), transport.subscriptions);
        SparkplugBPayload will = new SparkplugBPayloadDecoder().buildFromByteArray(transport.will, null);
        assertEquals(7L, named(will, "bdSeq").getValue());
        assertEquals(List.of(7), keptBdSeq, "kept for the next run");
        assertTrue(transport.sent.isEmpty(), "nothing before the connection");

        transport.events.connected();
        node.step();
        assertEquals(List.of("spBv1.0/site/NBIRTH/gw1", "spBv1.0/site/DBIRTH/gw1/pack1"),
                transport.sent.stream().map(Sent::topic).toList());
        SparkplugBPayload nbirth = decode(transport.sent.get(0));
        assertEquals(0L, nbirth.getSeq());
        assertEquals(7L, named(nbirth, "bdSeq").getValue());
        assertEquals(false, named(nbirth, "Node Control/Rebirth").getValue());
        assertEquals(MetricDataType.Boolean, named(nbirth, "Node Control/Rebirth").getDataType());
        assertEquals("1.2.3", named(nbirth, "Node Info/Version").getValue());
        assertEquals(1, named(nbirth, "Gateway/Packs").getValue());
        assertEquals(42L, named(nbirth, "Gateway/Ticks").getValue());
        assertEquals(1_700_000_000_000L, nbirth.getTimestamp().getTime());

        SparkplugBPayload dbirth = decode(transport.sent.get(1));
        assertEquals(1L, dbirth.getSeq());
        // 20 cells x 4, 19 pairs x 3, 16 pack figures, 3 of the insight, 3 command outcomes
        assertEquals(20 * 4 + 19 * 3 + 16 + 3 + 3, dbirth.getMetrics().size());
        assertTrue(named(dbirth, "Insight/Moved Coulombs").isNull(), "no ledger, no figure");
        assertEquals(dbirth.getMetrics().size(), dbirth.getMetrics().stream().map(Metric::getAlias).distinct().count(),
                "aliases are unique");
        assertTrue(dbirth.getMetrics().stream().allMatch(m -> m.getTimestamp() != null && m.getDataType() != null));
        assertEquals(MetricDataType.Double, named(dbirth, "Cell/7/Volts").getDataType());
        assertEquals(pack.reading().volts(6), (Double) named(dbirth, "Cell/7/Volts").getValue(), 1e-9);
        assertEquals("OK", named(dbirth, "Cell/7/Status").getValue());
        assertEquals("EK-L20S1A/datasheet", named(dbirth, "Balancer/Model").getValue());
        assertEquals("", named(dbirth, "Commands/Refusal").getValue());
        assertEquals(20, named(dbirth, "Pack/Cells").getValue());
        assertTrue(node.online());
    }

    @Test
    void dataGoesByExceptionBeyondTheDeadbandByAliasAloneWithoutTypes() throws Exception {
        EdgeNode node = node(Map.of("deadband.volts", 0.001));
        PackStateBuffer pack = DummyPackState.of("pack1", 4).setModel("EK-L20S1A/datasheet");
        node.step();
        transport.events.connected();
        node.offer(view(pack));
        node.step();
        SparkplugBPayload dbirth = decode(transport.sent.get(1));
        long cell2 = named(dbirth, "Cell/2/Volts").getAlias();
        int before = transport.sent.size();

        pack.reading().set(1, pack.reading().volts(1) + 0.0005, CellStatus.OK); // within the deadband
        node.offer(view(pack));
        node.step();
        assertEquals(before, transport.sent.size(), "nothing moved far enough");

        pack.reading().set(1, pack.reading().volts(1) + 0.0008, CellStatus.OK); // 1.3 mV from what was sent
        node.offer(view(pack));
        node.step();
        Sent ddata = transport.sent.get(transport.sent.size() - 1);
        assertEquals("spBv1.0/site/DDATA/gw1/pack1", ddata.topic());
        SparkplugBPayload p = decode(ddata);
        assertEquals(2L, p.getSeq());
        Map<Long, String> names = dbirth.getMetrics().stream().collect(Collectors.toMap(Metric::getAlias,
                Metric::getName));
        assertEquals(List.of("Cell/2/Volts", "Pair/1/Delta Volts", "Pair/2/Delta Volts",
                "Pack/Max Adjacent Delta Volts"), p.getMetrics().stream().map(x -> names.get(x.getAlias())).toList(),
                "only what moved: the cell and what is derived from it");
        Metric m = p.getMetrics().get(0);
        assertEquals(cell2, m.getAlias());
        assertTrue(p.getMetrics().stream().noneMatch(Metric::hasName), "by alias alone after the birth");
        assertEquals(pack.reading().volts(1), (Double) m.getValue(), 1e-9);
        assertTrue(ddata.payload().length < 20 + 25 * p.getMetrics().size(), "about 22 bytes a metric (alias, "
                + "timestamp, value): " + ddata.payload().length + " bytes");

        pack.reading().set(2, Double.NaN, CellStatus.OPEN_WIRE);
        node.offer(view(pack));
        node.step();
        SparkplugBPayload open = decode(transport.sent.get(transport.sent.size() - 1));
        Metric volts = open.getMetrics().stream().filter(x -> x.getAlias().equals(named(dbirth, "Cell/3/Volts")
                .getAlias())).findFirst().orElseThrow();
        assertTrue(volts.isNull(), "an open wire's voltage is a null metric");
    }

    @Test
    void sequenceNumbersWrapAfter255() throws Exception {
        EdgeNode node = node(Map.of("deadband.volts", 0.0));
        PackStateBuffer pack = DummyPackState.of("pack1", 2);
        node.step();
        transport.events.connected();
        node.offer(view(pack));
        node.step();
        for (int i = 0; i < 300; i++) {
            pack.reading().set(0, 3.0 + i * 0.001, CellStatus.OK);
            node.offer(view(pack));
            node.step();
        }
        List<Long> seqs = new ArrayList<>();
        for (Sent s : transport.sent) {
            seqs.add(decode(s).getSeq());
        }
        for (int i = 1; i < seqs.size(); i++) {
            assertEquals((seqs.get(i - 1) + 1) % 256, seqs.get(i), "at " + i + ": " + seqs);
        }
        assertTrue(seqs.contains(255L) && seqs.size() > 256);
    }

    Sent dcmd(String pack, String metric, MetricDataType type, Object value) throws Exception {
        SparkplugBPayload p = new SparkplugBPayload(new java.util.Date(), new ArrayList<>(List.of(
                new Metric(metric, null, new java.util.Date(), type, null, null, null, null, value))), null);
        return new Sent("spBv1.0/site/DCMD/gw1/" + pack, new SparkplugBPayloadEncoder().getBytes(p, false));
    }

    EdgeNode online(Map<String, Object> config, PackStateBuffer pack) {
        EdgeNode node = node(config);
        node.step();
        transport.events.connected();
        node.offer(view(pack));
        node.step();
        return node;
    }

    String refusalAfter(EdgeNode node, Sent command) throws Exception {
        decode(transport.on("DBIRTH").get(0));
        transport.events.arrived(command.topic(), command.payload());
        node.step();
        List<Sent> data = transport.on("DDATA");
        SparkplugBPayload p = decode(data.get(data.size() - 1));
        long refusal = named(decode(transport.on("DBIRTH").get(0)), "Commands/Refusal").getAlias();
        return p.getMetrics().stream().filter(m -> m.getAlias() == refusal).map(m -> (String) m.getValue())
                .findFirst().orElse(null);
    }

    @Test
    void commandsAreOffByDefaultAndARefusalComesBackAsAMetric() throws Exception {
        EdgeNode node = online(Map.of(), DummyPackState.of("pack1", 20));
        String refusal = refusalAfter(node, dcmd("pack1", "Balancer/Model", MetricDataType.String,
                "EK-L20S1A/tight"));
        assertEquals("Balancer/Model=EK-L20S1A/tight refused: remote commands are off: set commands.enabled=true in "
                + "the node's configuration to allow them", refusal);
        assertTrue(operator.asked.isEmpty());
        assertTrue(log.stream().anyMatch(l -> l.contains("DCMD from a Sparkplug host (no primary.host.id configured) "
                + "for pack1: Balancer/Model=EK-L20S1A/tight refused")), log.toString());
    }

    @Test
    void anAllowedSwapGoesToTheShellsRulesAndTheirRefusalComesBack() throws Exception {
        EdgeNode node = online(Map.of("commands.enabled", true, "primary.host.id", "scada"),
                DummyPackState.of("pack1", 20));
        transport.events.arrived("spBv1.0/STATE/scada", "{\"online\":true,\"timestamp\":5}".getBytes(
                StandardCharsets.UTF_8));
        node.step();
        transport.events.arrived(dcmd("pack1", "Balancer/Model", MetricDataType.String, "EK-L20S1A/tight").topic(),
                dcmd("pack1", "Balancer/Model", MetricDataType.String, "EK-L20S1A/tight").payload());
        node.step();
        assertEquals(List.of("pack1 swap EK-L20S1A/tight by Sparkplug host scada"), operator.asked);
        assertTrue(log.stream().anyMatch(l -> l.equals("sparkplug gw1: DCMD from Sparkplug host scada for pack1: "
                + "Balancer/Model=EK-L20S1A/tight accepted: pack1: EK-L20S1A/datasheet -> EK-L20S1A/tight")), log
                        .toString());

        assertEquals("Balancer/Model=NOPE refused: unknown model 'NOPE'; known models: EK-L20S1A/datasheet",
                refusalAfter(node, dcmd("pack1", "Balancer/Model", MetricDataType.String, "NOPE")));
        assertEquals("Properties/tick.ms=5 refused: Properties/tick.ms is not in commands.allow (Balancer/Model)",
                refusalAfter(node, dcmd("pack1", "Properties/tick.ms", MetricDataType.String, "5")));
        assertEquals("Cell/1/Volts=1.0 refused: Cell/1/Volts cannot be written: only Balancer/Model and "
                + "Properties/<property> can", refusalAfter(node, dcmd("pack1", "Cell/1/Volts", MetricDataType.Double,
                        1.0)));
    }

    @Test
    void anAllowedPropertyIsSetCheckedAndBornWithItsValue() throws Exception {
        EdgeNode node = online(Map.of("commands.enabled", true, "commands.allow",
                new String[] {"Properties/tick.ms"}), DummyPackState.of("pack1", 4));
        SparkplugBPayload dbirth = decode(transport.on("DBIRTH").get(0));
        assertEquals("100", named(dbirth, "Properties/tick.ms").getValue());
        assertEquals("Properties/tick.ms=5 refused: tick.ms=5 is out of range: 10 to 60000 ms",
                refusalAfter(node, dcmd("pack1", "Properties/tick.ms", MetricDataType.Int32, 5)));
        transport.events.arrived("spBv1.0/site/DCMD/gw1/pack1", dcmd("pack1", "Properties/tick.ms",
                MetricDataType.Int32, 200).payload());
        node.step();
        SparkplugBPayload data = decode(transport.on("DDATA").get(transport.on("DDATA").size() - 1));
        long alias = named(dbirth, "Properties/tick.ms").getAlias();
        assertEquals("200", data.getMetrics().stream().filter(m -> m.getAlias() == alias).findFirst().orElseThrow()
                .getValue());
    }

    @Test
    void rebirthRepeatsEveryBirthWithTheSameBdSeqAndARemovedPackDies() throws Exception {
        PackStateBuffer pack = DummyPackState.of("pack1", 4);
        EdgeNode node = online(Map.of(), pack);
        transport.sent.clear();
        SparkplugBPayload rebirth = new SparkplugBPayload(new java.util.Date(), new ArrayList<>(List.of(new Metric(
                "Node Control/Rebirth", null, new java.util.Date(), MetricDataType.Boolean, null, null, null, null,
                true))), null);
        transport.events.arrived("spBv1.0/site/NCMD/gw1", new SparkplugBPayloadEncoder().getBytes(rebirth, false));
        node.step();
        assertEquals(List.of("spBv1.0/site/NBIRTH/gw1", "spBv1.0/site/DBIRTH/gw1/pack1"),
                transport.sent.stream().map(Sent::topic).toList());
        SparkplugBPayload nbirth = decode(transport.sent.get(0));
        assertEquals(0L, nbirth.getSeq());
        assertEquals(7L, named(nbirth, "bdSeq").getValue());

        node.forget(pack.pack());
        node.step();
        Sent death = transport.sent.get(transport.sent.size() - 1);
        assertEquals("spBv1.0/site/DDEATH/gw1/pack1", death.topic());
        assertEquals(2L, decode(death).getSeq());
    }

    @Test
    void aLostConnectionReconnectsWithTheNextBdSeqAndIsBornAgain() throws Exception {
        EdgeNode node = online(Map.of(), DummyPackState.of("pack1", 4));
        transport.events.lost(new IOException("Connection reset"));
        node.step();
        assertFalse(node.online());
        assertEquals(1, log.stream().filter(l -> l.contains("Connection reset")).count(), log.toString());
        nanos += 2_000_000_000L; // past the first back-off
        node.step();
        assertEquals(2, transport.connects);
        assertEquals(8L, named(new SparkplugBPayloadDecoder().buildFromByteArray(transport.will, null), "bdSeq")
                .getValue());
        transport.sent.clear();
        transport.events.connected();
        node.step();
        assertEquals(8L, named(decode(transport.sent.get(0)), "bdSeq").getValue());
        assertEquals("spBv1.0/site/DBIRTH/gw1/pack1", transport.sent.get(1).topic());
        assertEquals(List.of(7, 8), keptBdSeq);
    }

    @Test
    void withAPrimaryHostTheNodeIsBornOnlyWhileTheHostIsOnline() throws Exception {
        EdgeNode node = node(Map.of("primary.host.id", "scada"));
        node.offer(view(DummyPackState.of("pack1", 4)));
        node.step();
        assertTrue(transport.subscriptions.contains("spBv1.0/STATE/scada"));
        transport.events.connected();
        node.step();
        assertTrue(transport.sent.isEmpty(), "no birth before the host is online");
        assertEquals("waiting for primary host scada to be online", node.problem());

        transport.events.arrived("spBv1.0/STATE/scada", "{\"online\":true,\"timestamp\":10}".getBytes(
                StandardCharsets.UTF_8));
        node.step();
        assertEquals(2, transport.sent.size());
        assertNull(node.problem());

        transport.events.arrived("spBv1.0/STATE/scada", "{\"online\":false,\"timestamp\":9}".getBytes(
                StandardCharsets.UTF_8));
        node.step();
        assertTrue(node.online(), "an older STATE than the one acted on is ignored");
        transport.events.arrived("spBv1.0/STATE/scada", "{\"online\":false,\"timestamp\":11}".getBytes(
                StandardCharsets.UTF_8));
        node.step();
        assertFalse(node.online());
        assertEquals("spBv1.0/site/NDEATH/gw1", transport.goodbye.topic());
        assertEquals(7L, named(new SparkplugBPayloadDecoder().buildFromByteArray(transport.goodbye.payload(), null),
                "bdSeq").getValue());
    }

    @Test
    void theBalancingLedgerIsPublishedWhereTheInsightRuns() throws Exception {
        double[] in = {0, 5, 0, 0};
        double[] out = {3, 0, 0, 0};
        double[] bled = {0.5, 0, 0, 0.25};
        double[] active = {10, 10, 0, 0};
        ledgers.put("pack1", new LedgerCounts(in, out, bled, active, new double[] {4, 0, 0}, new double[] {10, 0, 0}));
        online(Map.of(), DummyPackState.of("pack1", 4));
        SparkplugBPayload dbirth = decode(transport.on("DBIRTH").get(0));
        assertEquals(4.0, (Double) named(dbirth, "Insight/Moved Coulombs").getValue(), 1e-9);
        assertEquals(0.75, (Double) named(dbirth, "Insight/Bled Coulombs").getValue(), 1e-9);
        assertEquals(2, named(dbirth, "Insight/Hardest Worked Cell").getValue(), "cell 2 took in 5 C");
    }
}
