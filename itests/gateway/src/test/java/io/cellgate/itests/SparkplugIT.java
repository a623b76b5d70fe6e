package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.cellgate.api.runtime.Pack;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.eclipse.tahu.message.model.MetricDataType;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;

/**
 * The Sparkplug B edge node against a real Mosquitto, read by a Sparkplug host application on Eclipse Tahu: births
 * decode with every metric, data comes by exception, DCMD swaps a pack's model by the shell's rules and a refusal comes
 * back as a metric, a removed pack gives DDEATH, a rebirth and a broker restart give births again (the restart with a
 * new bdSeq), and with a primary host the node is born only while the host is online.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SparkplugIT extends TelemetrySupport {

    static final String GROUP = "itgroup";
    static final long TICK_MS = 50;
    static final String TIGHT = "(&(cellgate.model=EK-L20S1A)(cellgate.variant=tight))";

    private SparkplugHost host;

    @Before
    public void brokerAndHost() throws Exception {
        startBroker("sparkplug");
        host = new SparkplugHost(broker.url(), GROUP);
        variant("tight", 20, 60, 20);
        variant("lfp", 16, 40, 10);
    }

    @After
    public void closeHost() {
        if (host != null) {
            host.close();
        }
    }

    private void variant(String name, int strings, int triggerMv, int stopMv) throws Exception {
        Dictionary<String, Object> v = new Hashtable<>(Map.of("cellgate.variant", name, "cellgate.strings", strings,
                "trigger.mv", triggerMv, "stop.mv", stopMv));
        Configuration c = configAdmin().getFactoryConfiguration("io.cellgate.balancer.ek.variant", name, "?");
        c.update(v);
        configurations.add(c);
    }

    private void node(String nodeId, Map<String, Object> more) throws Exception {
        Map<String, Object> p = new java.util.HashMap<>(Map.of("broker.url", broker.url(), "group.id", GROUP,
                "edge.node.id", nodeId, "scan.ms", 200L));
        p.putAll(more);
        factory("io.cellgate.export.sparkplug", nodeId, p);
    }

    @Test
    public void birthsDecodeWithEveryMetricAndDataComesByException() throws Exception {
        track(simulatedPack("sp1", 8, "NCM", EK_DATASHEET, TICK_MS));
        Pack pack = awaitPack("sp1");
        node("n1", Map.of());
        await("NBIRTH and DBIRTH of sp1", () -> host.last("DBIRTH", "n1", "sp1") != null);
        SparkplugHost.Received nbirth = host.last("NBIRTH", "n1", null);
        assertEquals(Long.valueOf(0), nbirth.seq());
        assertTrue("bdSeq " + nbirth.bdSeq(), nbirth.bdSeq() >= 0 && nbirth.bdSeq() <= 255);
        assertEquals(false, nbirth.metric("Node Control/Rebirth"));
        assertTrue(nbirth.metrics().containsKey("Node Info/Version"));

        SparkplugHost.Received dbirth = host.last("DBIRTH", "n1", "sp1");
        assertEquals(8 * 4 + 7 * 3 + 16 + 3 + 3, dbirth.metrics().size());
        assertTrue(dbirth.metrics().containsKey("Insight/Moved Coulombs"));
        assertEquals(pack.latest().volts(0), (Double) dbirth.metric("Cell/1/Volts"), 0.05);
        assertEquals("EK-L20S1A/datasheet", dbirth.metric("Balancer/Model"));
        assertEquals(8, dbirth.metric("Pack/Cells"));
        assertEquals("NCM", dbirth.metric("Pack/Chemistry"));
        assertTrue(List.of("OK", "BOARD_FAULT").contains((String) dbirth.metric("Pack/Health")));
        System.out.printf("DBIRTH of an 8-cell pack: %d metrics, %d bytes%n", dbirth.metrics().size(),
                dbirth.bytes());

        String before = String.valueOf(host.current("n1", "sp1", "Cell/3/Volts"));
        quietSession().execute("sim:imbalance sp1 3 150");
        await("cell 3's rise in DDATA", () -> {
            Object v = host.current("n1", "sp1", "Cell/3/Volts");
            return v instanceof Double d && d > Double.parseDouble(before) + 0.1;
        }, () -> host.of("DDATA", "n1", "sp1").toString());
        for (SparkplugHost.Received r : host.of("DDATA", "n1", "sp1")) {
            assertTrue("by exception: " + r.metrics().keySet(), r.metrics().size() < dbirth.metrics().size());
        }
        assertEquals("", host.seqProblems("n1"));
        assertEquals(List.of(), host.problems());
    }

    @Test
    public void aDcmdSwapsByTheShellsRulesAndARefusalComesBackAsAMetric() throws Exception {
        track(simulatedPack("sp2", 20, "NCM", EK_DATASHEET, TICK_MS));
        Pack pack = awaitPack("sp2");
        await("the tight variant", () -> registered("io.cellgate.api.balancer.BalancerModel",
                "(cellgate.variant=tight)"));
        node("n2", Map.of("commands.enabled", true));
        await("DBIRTH of sp2", () -> host.last("DBIRTH", "n2", "sp2") != null);

        long sent = System.nanoTime();
        host.command(GROUP, "n2", "sp2", "Balancer/Model", MetricDataType.String, "EK-L20S1A/tight");
        await("the swap in DDATA", () -> "EK-L20S1A/tight".equals(host.current("n2", "sp2", "Balancer/Model")));
        double seconds = (host.all().stream().filter(r -> "EK-L20S1A/tight".equals(r.metric("Balancer/Model")))
                .findFirst().orElseThrow().arrivedNanos() - sent) / 1e9;
        System.out.printf("DCMD swap to DDATA: %.3f s%n", seconds);
        assertTrue("within 2 s: " + seconds, seconds < 2);
        assertEquals("EK-L20S1A/tight", pack.latest().model());
        assertEquals(1L, host.current("n2", "sp2", "Commands/Accepted"));
        assertEquals(1, logged("DCMD from a Sparkplug host (no primary.host.id configured) for sp2: ",
                "Balancer/Model=EK-L20S1A/tight accepted"));

        host.command(GROUP, "n2", "sp2", "Balancer/Model", MetricDataType.String, "EK-L20S1A/lfp");
        await("the refusal as a metric", () -> String.valueOf(host.current("n2", "sp2", "Commands/Refusal"))
                .startsWith("Balancer/Model=EK-L20S1A/lfp refused: EK-L20S1A/lfp "));
        assertEquals(1L, host.current("n2", "sp2", "Commands/Refusals"));
        host.command(GROUP, "n2", "sp2", "Balancer/Model", MetricDataType.String, "NOPE");
        await("the unknown model refused", () -> String.valueOf(host.current("n2", "sp2", "Commands/Refusal"))
                .startsWith("Balancer/Model=NOPE refused: unknown model 'NOPE'; known models: "));
        host.command(GROUP, "n2", "sp2", "Properties/tick.ms", MetricDataType.String, "200");
        await("a property not allowed refused", () -> String.valueOf(host.current("n2", "sp2", "Commands/Refusal"))
                .equals("Properties/tick.ms=200 refused: Properties/tick.ms is not in commands.allow "
                        + "(Balancer/Model)"));
        assertEquals("EK-L20S1A/tight", pack.latest().model());
        assertEquals(3, logged("DCMD from a Sparkplug host", "for sp2", "refused"));
        assertEquals("", host.seqProblems("n2"));
    }

    @Test
    public void aRemovedPackDiesARebirthAndABrokerRestartBringBirthsTheRestartWithANewBdSeq() throws Exception {
        Configuration[] gone = track(simulatedPack("sp3", 4, "NCM", EK_DATASHEET, TICK_MS));
        track(simulatedPack("sp4", 4, "NCM", EK_DATASHEET, TICK_MS));
        awaitPack("sp3");
        awaitPack("sp4");
        node("n3", Map.of("keepalive.seconds", 5));
        await("both DBIRTHs", () -> host.last("DBIRTH", "n3", "sp3") != null
                && host.last("DBIRTH", "n3", "sp4") != null);
        long bdSeq = host.last("NBIRTH", "n3", null).bdSeq();

        for (Configuration c : gone) {
            c.delete();
        }
        await("DDEATH of sp3", () -> host.last("DDEATH", "n3", "sp3") != null);
        assertNull(host.last("DDEATH", "n3", "sp4"));

        host.rebirth(GROUP, "n3");
        await("a second NBIRTH", () -> host.of("NBIRTH", "n3", null).size() == 2);
        assertEquals(bdSeq, host.last("NBIRTH", "n3", null).bdSeq());
        await("sp4 born again", () -> host.of("DBIRTH", "n3", "sp4").size() == 2);
        assertEquals("the removed pack stays dead", 1, host.of("DBIRTH", "n3", "sp3").size());

        broker.restart();
        host.close();
        host = new SparkplugHost(broker.url(), GROUP);
        await("a birth after the restart", () -> host.last("NBIRTH", "n3", null) != null);
        long after = host.last("NBIRTH", "n3", null).bdSeq();
        assertNotEquals("a new connection, a new bdSeq", bdSeq, after);
        await("sp4 born on the new connection", () -> host.last("DBIRTH", "n3", "sp4") != null);
        assertEquals(1, logged("sparkplug n3: connected again to ", broker.url()));
        assertEquals(List.of(), host.problems());
    }

    @Test
    public void withAPrimaryHostTheNodeIsBornOnlyWhileTheHostIsOnline() throws Exception {
        track(simulatedPack("sp5", 4, "NCM", EK_DATASHEET, TICK_MS));
        awaitPack("sp5");
        node("n5", Map.of("primary.host.id", "scada"));
        await("the node waiting", () -> logged("sparkplug n5: waiting for primary host scada", "to be online") == 1);
        Thread.sleep(500);
        assertNull("no birth while the host is not online", host.last("NBIRTH", "n5", null));

        host.state("scada", true);
        await("NBIRTH once the host is online", () -> host.last("DBIRTH", "n5", "sp5") != null);
        long bdSeq = host.last("NBIRTH", "n5", null).bdSeq();
        host.state("scada", false);
        await("NDEATH when it goes offline", () -> host.last("NDEATH", "n5", null) != null);
        assertEquals(bdSeq, host.last("NDEATH", "n5", null).bdSeq());
        host.state("scada", true);
        await("born again, with a new bdSeq", () -> host.of("NBIRTH", "n5", null).size() == 2);
        assertNotEquals(bdSeq, host.last("NBIRTH", "n5", null).bdSeq());
    }

    @Test
    public void homeAssistantsModelSelectOffersTheModelsThatFitAndSwapsByTheShellsRules() throws Exception {
        track(simulatedPack("ha1", 20, "NCM", EK_DATASHEET, TICK_MS));
        Pack pack = awaitPack("ha1");
        await("the tight variant", () -> registered("io.cellgate.api.balancer.BalancerModel",
                "(cellgate.variant=tight)"));
        factory("io.cellgate.export.mqtt", "select", Map.of("broker.url", broker.url(), "gateway.id", "itgw",
                "client.id", "it-select", "publish.ms", 1000L, "model.select.enabled", true));
        String topic = "homeassistant/select/cellgate_itgw_ha1_model/config";
        await("the select's discovery", () -> subscriber.last(topic) != null
                && subscriber.last(topic).payload().contains("EK-L20S1A/tight"));
        com.google.gson.JsonObject config = com.google.gson.JsonParser.parseString(subscriber.last(topic).payload())
                .getAsJsonObject();
        assertEquals("cellgate/ha1/model/set", config.get("command_topic").getAsString());
        assertEquals("cellgate/ha1/board", config.get("state_topic").getAsString());
        List<String> options = new java.util.ArrayList<>();
        config.getAsJsonArray("options").forEach(o -> options.add(o.getAsString()));
        assertTrue(options.toString(), options.contains("EK-L20S1A/datasheet") && options.contains("EK-L20S1A/tight"));
        assertTrue("a 16S board on 20 cells fits only with warnings: not offered " + options,
                !options.contains("EK-L20S1A/lfp"));

        org.eclipse.paho.client.mqttv3.MqttClient ha = new org.eclipse.paho.client.mqttv3.MqttClient(broker.url(),
                "it-home-assistant", new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
        try {
            ha.connect();
            ha.publish("cellgate/ha1/model/set", "EK-L20S1A/tight".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    1, false);
            await("the swap", () -> "EK-L20S1A/tight".equals(pack.latest().model()));
            await("the board topic to name it", () -> subscriber.last("cellgate/ha1/board").payload()
                    .contains("EK-L20S1A/tight"));
            ha.publish("cellgate/ha1/model/set", "EK-L20S1A/lfp".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    1, false);
            await("the refusal in the log", () -> logged("model select for ha1: EK-L20S1A/lfp refused: ", "") == 1);
            assertEquals("EK-L20S1A/tight", pack.latest().model());
            assertEquals(1, logged("model select for ha1: EK-L20S1A/tight accepted: ", "-> EK-L20S1A/tight"));
        } finally {
            ha.disconnect();
            ha.close();
        }
    }
}
