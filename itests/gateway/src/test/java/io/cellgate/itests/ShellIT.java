package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.runtime.Pack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The operator's commands, run through the real Gogo command processor of the gateway. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellIT extends GatewaySupport {

    private CommandSession session;
    private org.osgi.service.cm.Configuration[] configs;

    @Configuration
    public Option[] config() {
        return GatewayOptions.gateway();
    }

    @Before
    public void setUp() throws Exception {
        CommandProcessor processor = context().getService(context().getServiceReference(CommandProcessor.class));
        session = processor.createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        // An even pack (no SOC spread), its simulated time running 2000 times faster than real time.
        configs = simulatedPack("shell1", 20, "NCM", "(&(cellgate.model=EK-L20S1A)(cellgate.variant=datasheet))", 20,
                Map.of("soc.spread.percent", 0.0, "time.scale", 2000.0));
        Pack pack = awaitPack("shell1");
        await("ticks", () -> pack.stats().ticks() > 5);
        // The commands' own view of the services follows the registry a moment later.
        await("the shell to see shell1", () -> {
            try {
                return run("cellgate:packs --json").contains("\"shell1\"") && run("sim:packs").contains("shell1 ");
            } catch (Exception e) {
                return false;
            }
        });
    }

    @After
    public void tearDown() throws Exception {
        for (org.osgi.service.cm.Configuration c : configs) {
            c.delete();
        }
        await("shell1 to go before the next test makes its own", () -> pack("shell1") == null);
        session.close();
    }

    private String run(String command) throws Exception {
        return String.valueOf(session.execute(command));
    }

    private String error(String command) {
        try {
            session.execute(command);
        } catch (Exception e) {
            return e.getMessage();
        }
        fail(command + " should have failed");
        return null;
    }

    @Test
    public void packsListsThePackWithItsModelAndTicks() throws Exception {
        String out = run("cellgate:packs");
        String line = out.lines().filter(l -> l.startsWith("shell1 ")).findFirst().orElseThrow();
        assertTrue(line, line.contains(" 20 NCM  EK-L20S1A/datasheet "));
        assertTrue(out.lines().allMatch(l -> l.length() <= 100));
    }

    @Test
    public void cellsShowsTwentyCellsAndNineteenPairsThatChange() throws Exception {
        String first = run("cellgate:cells shell1");
        assertEquals(20, first.lines().filter(l -> l.matches("\\s+\\d+ +\\d\\.\\d{4} .*")).count());
        assertEquals(19, first.lines().filter(l -> l.matches(".*\\| +\\d+-\\d+ .*")).count());
        assertTrue(first.lines().allMatch(l -> l.length() <= 100));
        Thread.sleep(300);
        String later = run("cellgate:cells shell1");
        assertTrue("the tick number moves on", !first.lines().findFirst().equals(later.lines().findFirst()));
    }

    @Test
    public void unknownPacksAndBadArgumentsGetClearErrors() {
        assertTrue(error("cellgate:cells nope").startsWith("unknown pack 'nope'; known packs: "));
        assertTrue(error("sim:imbalance nope 1 10").startsWith("unknown simulated pack 'nope'"));
        assertEquals("cell 21 does not exist: shell1 has cells 1 to 20", error("sim:imbalance shell1 21 10"));
        assertEquals("imbalance 5000.0 mV is out of range: -1000 to 1000 mV", error("sim:imbalance shell1 3 5000"));
        assertEquals("load NaN A is out of range: -1000 to 1000 A", error("sim:load shell1 NaN"));
    }

    @Test
    public void anImbalancedCellLightsItsNeighboursAndGoesOutOnceBalanced() throws Exception {
        Pack pack = pack("shell1");
        assertTrue(run("sim:imbalance shell1 7 150").contains("cell 7 moved by +150.0 mV"));
        await("cells 6, 7 and 8 to light", () -> pack.latest().indicator(5) == Indicator.ON
                && pack.latest().indicator(6) == Indicator.ON
                && pack.latest().indicator(7) == Indicator.ON);
        assertTrue(run("cellgate:cells shell1").contains("7->"));
        await("the LEDs to go out as the pairs balance", () -> pack.latest().balancingPairs() == 0
                && pack.latest().indicator(6) == Indicator.OFF);
    }

    @Test
    public void disconnectFlashesTheCellAndReconnectClearsIt() throws Exception {
        Pack pack = pack("shell1");
        run("sim:disconnect shell1 4");
        await("cell 4 to flash", () -> pack.latest().indicator(3) == Indicator.FLASHING);
        assertTrue(run("cellgate:cells shell1").contains("OPEN_WIRE"));
        run("sim:reconnect shell1 4");
        await("cell 4 to stop flashing", () -> pack.latest().indicator(3) != Indicator.FLASHING);
    }

    @Test
    public void historyFaultsAndWatchShowWhatHappened() throws Exception {
        Pack pack = pack("shell1");
        String history = run("cellgate:history shell1 5");
        assertTrue(history, history.startsWith("shell1: last 5 ticks"));
        assertEquals(5, history.lines().filter(l -> l.contains("EK-L20S1A/datasheet")).count());
        assertTrue(run("cellgate:faults shell1").contains("no faults"));
        run("sim:disconnect shell1 2");
        await("the fault", () -> !pack.faults().isEmpty());
        String faults = run("cellgate:faults shell1");
        assertTrue(faults, faults.contains("cell 2") && faults.contains("since tick"));
        run("sim:reconnect shell1 2");

        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        CommandSession watching = context().getService(context().getServiceReference(CommandProcessor.class))
                .createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(screen, true),
                        new PrintStream(new ByteArrayOutputStream()));
        watching.execute("cellgate:watch --count 2 shell1");
        watching.close();
        String shown = screen.toString();
        assertEquals("two refreshes", 2, shown.split("\u001b\\[H\u001b\\[2J", -1).length - 1);
        assertTrue(shown.contains("shell1: 20 NCM cells"));
    }

    @Test
    public void jsonFormsParseAndCarryUnits() throws Exception {
        JsonArray packs = JsonParser.parseString(run("cellgate:packs --json")).getAsJsonArray();
        JsonObject p = null;
        for (var e : packs) {
            if (e.getAsJsonObject().get("pack").getAsString().equals("shell1")) {
                p = e.getAsJsonObject();
            }
        }
        assertTrue(packs + " / " + run("cellgate:packs"), p != null && p.get("cells").getAsInt() == 20
                && p.has("maxAdjacentSpreadVolts"));
        JsonObject cells = JsonParser.parseString(run("cellgate:cells --json shell1")).getAsJsonObject();
        assertEquals(20, cells.getAsJsonArray("cells").size());
        assertEquals(19, cells.getAsJsonArray("pairs").size());
        assertTrue(cells.getAsJsonArray("cells").get(0).getAsJsonObject().get("volts").getAsDouble() > 3);
        assertEquals(3, JsonParser.parseString(run("cellgate:history --json shell1 3")).getAsJsonArray().size());
        assertTrue(JsonParser.parseString(run("cellgate:models --json")).getAsJsonArray().size() >= 1);
        assertEquals("shell1", JsonParser.parseString(run("cellgate:config --json shell1")).getAsJsonObject()
                .getAsJsonObject("properties").get("pack.id").getAsString());
        assertTrue(JsonParser.parseString(run("cellgate:faults --json shell1")).isJsonArray());
    }

    @Test
    public void simPacksShowsLoadAndSpeed() throws Exception {
        run("sim:load shell1 2.5");
        run("sim:speed shell1 10");
        String line = run("sim:packs").lines().filter(l -> l.startsWith("shell1 ")).findFirst().orElseThrow();
        assertTrue(line, line.contains("2.500") && line.contains("x10.0"));
    }
}
