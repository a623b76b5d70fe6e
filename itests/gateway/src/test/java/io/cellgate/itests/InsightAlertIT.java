package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.sim.model.CellParams;
import io.cellgate.sim.model.SimPackSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * A seeded weak cell in the running gateway: the simulated pack's cells are drawn with a capacity spread of 4 %
 * (seed 4: cell 4 has 10.4 % less than the median cell, the next weakest 3.8 % less) and cycled by half their charge
 * between rests, 100 times faster than real time. The insight measures every cell's capacity between the rests,
 * names cell 4 and raises its weak-cell alert: in the log, the pack's fault list, over MQTT (retained, with its Home
 * Assistant problem sensor) and in Prometheus. A change of the pack's insight configuration (a weak cell must now be 20 % below the
 * median) clears it, once, everywhere.
 */
public class InsightAlertIT {

    private static final int CELLS = 20;
    private static final long SEED = 4;
    private static final double SPREAD = 0.04;
    /** Simulated seconds per real second: the counted charge is a hundredth of the simulated one, for every cell. */
    private static final int SCALE = 100;
    private static final String INSIGHT_CFG = "config/io.cellgate.insight.pack-pack1.cfg";
    private static final String ALERT = "cellgate_insight_alert";

    private Path home;
    private int port;
    private Mosquitto broker;
    private Subscriber subscriber;
    private PipedGateway gateway;

    @Before
    public void setUp() throws Exception {
        home = GatewayProcess.freshHome("insight-alert");
        port = GatewayOptions.freePort();
        Path http = home.resolve("config/org.apache.felix.http.cfg");
        Files.writeString(http, Files.readString(http).replace("port=9464", "port=" + port));
        broker = Mosquitto.start(home.resolve("mosquitto"), GatewayOptions.freePort());
        subscriber = new Subscriber(broker.url());
        Path mqtt = home.resolve("config/io.cellgate.export.mqtt-local.cfg");
        Files.writeString(mqtt, Files.readString(mqtt).replace("tcp://127.0.0.1:1883", broker.url())
                .replace("publish.ms=10000", "publish.ms=500") + "gateway.id=itgw\n");
        // rest 2400 s, half the charge out at 1 C, rest, back in, rest, and again; then rest (simulated seconds)
        Files.writeString(home.resolve("cycle.csv"), "0,0\n2400,2.5\n4200,0\n6600,-2.5\n8400,0\n10800,2.5\n"
                + "12600,0\n15000,-2.5\n16800,0\n");
        Files.writeString(home.resolve("config/io.cellgate.sim.pack-pack1.cfg"), "cellgate.pack=pack1\ncells=" + CELLS
                + "\nchemistry=NCM\ncapacity.ah=2.5\ncapacity.spread=" + SPREAD + "\nsoc.percent=80\n"
                + "soc.spread.percent=0.5\nseed=" + SEED + "\nload.csv=cycle.csv\ntime.scale=" + SCALE + "\n");
        insightConfiguration(7);
    }

    /** Rest 10 s (1000 simulated s), a capacity from 20 % of swing, a weak cell {@code percent} below the median. */
    private void insightConfiguration(int percent) throws Exception {
        Path file = home.resolve(INSIGHT_CFG);
        Path temporary = file.resolveSibling("insight.tmp");
        Files.writeString(temporary, "pack.id=pack1\nrest.s=10\nmin.swing.percent=20\nweak.capacity.percent="
                + percent + "\nalert.spread=false\n");
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @After
    public void tearDown() throws Exception {
        if (gateway != null) {
            gateway.kill();
        }
        if (subscriber != null) {
            subscriber.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** The weakest cell of the simulated pack, drawn as the simulator draws it, numbered from 1. */
    private static int weakestCell() {
        SimPackSpec spec = SimPackSpec.builder(CELLS, Chemistry.NCM, 2.5).initialSocDrawn(0.8, 0.005)
                .capacitySpread(SPREAD).selfDischarge(2).seed(SEED).balancerEfficiency(0.85).build();
        CellParams cells = CellParams.draw(spec);
        double[] capacity = new double[CELLS];
        Arrays.setAll(capacity, cells::capacityAh);
        int weakest = 0;
        for (int c = 1; c < CELLS; c++) {
            weakest = capacity[c] < capacity[weakest] ? c : weakest;
        }
        return weakest + 1;
    }

    @Test
    public void aSeededWeakCellRaisesItsAlertOverMqttAndPrometheusAndAConfigurationChangeClearsIt() throws Exception {
        int weak = weakestCell();
        assertEquals("seed 4's weakest cell", 4, weak);
        gateway = new PipedGateway(home);
        String raised = awaitLong("the weak-cell alert", s -> s.contains("pack1: alert weak_cell raised at "), 4);
        String line = raised.substring(raised.indexOf("pack1: alert weak_cell raised at "));
        line = line.substring(0, line.indexOf('\n'));
        assertTrue(line, line.contains("cell " + weak + " is the weak cell: its capacity is "));

        awaitLong("the alert over MQTT", s -> weakCellOverMqtt(), 1);
        JsonObject alert = insightOverMqtt().getAsJsonObject("alerts").getAsJsonObject("weak_cell");
        assertTrue(alert.get("message").getAsString(), alert.get("message").getAsString()
                .startsWith("cell " + weak + " is the weak cell"));
        JsonObject sensor = JsonParser.parseString(subscriber.last(
                "homeassistant/binary_sensor/cellgate_itgw_pack1_alert_weak_cell/config").payload()).getAsJsonObject();
        assertEquals("problem", sensor.get("device_class").getAsString());
        assertEquals("cellgate/pack1/insight", sensor.get("state_topic").getAsString());
        assertTrue(subscriber.last("homeassistant/sensor/cellgate_itgw_pack1_cell" + weak + "_capacity/config")
                != null);
        JsonObject cell = JsonParser.parseString(subscriber.last("cellgate/pack1/cell/" + weak + "/insight")
                .payload()).getAsJsonObject();
        assertTrue(cell.toString(), cell.get("capacityAh").getAsDouble() > 0);
        awaitLong("the alert in Prometheus", s -> prometheusAlert() == 1.0, 1);
        String shell = gateway.command("cellgate:insight pack1");
        assertTrue(shell, shell.contains("ALERT weak_cell since "));
        // the pack's fault list has it too, with the tick and the time it was raised
        String faults = gateway.command("cellgate:faults pack1");
        assertTrue(faults, faults.matches("(?s).*  since [-0-9]+ [:0-9]+ \\(tick \\d+\\)  alert weak_cell: cell " + weak
                + " is the weak cell: .*"));

        insightConfiguration(20);
        String cleared = awaitLong("the alert cleared", s -> s.contains("pack1: alert weak_cell cleared at "), 1);
        awaitLong("the alert cleared over MQTT", s -> !weakCellOverMqtt(), 1);
        awaitLong("the alert cleared in Prometheus", s -> prometheusAlert() == 0.0, 1);
        faults = gateway.command("cellgate:faults pack1");
        assertTrue(faults, !faults.contains("alert weak_cell"));
        TimeUnit.SECONDS.sleep(3);
        String after = gateway.output();
        assertEquals("raised once", 1, count(after, "pack1: alert weak_cell raised at "));
        assertEquals("cleared once", 1, count(after, "pack1: alert weak_cell cleared at "));
        assertTrue(cleared.length() > 0);
    }

    private JsonObject insightOverMqtt() {
        Subscriber.Received last = subscriber.last("cellgate/pack1/insight");
        return last == null ? null : JsonParser.parseString(last.payload()).getAsJsonObject();
    }

    private boolean weakCellOverMqtt() {
        JsonObject insight = insightOverMqtt();
        return insight != null && insight.getAsJsonObject("alerts").getAsJsonObject("weak_cell").get("raised")
                .getAsBoolean();
    }

    private double prometheusAlert() {
        PromText.Sample sample = PromText.parse(GatewayProcess.get("http://127.0.0.1:" + port + "/metrics"))
                .get(ALERT, "pack", "pack1", "alert", "weak_cell");
        return sample == null ? Double.NaN : sample.value();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** {@link PipedGateway#await} for up to {@code minutes} minutes. */
    private String awaitLong(String what, Predicate<String> shown, int minutes) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        while (true) {
            try {
                return gateway.await(what, shown);
            } catch (AssertionError e) {
                if (System.nanoTime() > end || e.getMessage().contains("the gateway ended")) {
                    throw e;
                }
            }
        }
    }
}
