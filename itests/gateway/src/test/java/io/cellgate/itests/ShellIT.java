package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The operator's commands, run through the real Gogo command processor of the gateway. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellIT extends GatewaySupport {

    private CommandSession session;
    private org.osgi.service.cm.Configuration[] configs;

    @Before
    public void setUp() throws Exception {
        session = quietSession();
        // An even pack (no SOC spread), its simulated time running 2000 times faster than real time.
        configs = simulatedPack("shell1", 20, "NCM", EK_DATASHEET, 20,
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

    /** The message of the exception a command that must fail throws. */
    private String error(String command) {
        return failure(command).getMessage();
    }

    private Exception failure(String command) {
        try {
            session.execute(command);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError(command + " should have failed");
    }

    @Test
    public void packsListsThePackWithItsModelAndTicks() throws Exception {
        String out = run("cellgate:packs");
        String line = out.lines().filter(l -> l.startsWith("shell1 ")).findFirst().orElseThrow();
        assertTrue(line, line.contains(" 20 NCM  EK-L20S1A/datasheet "));
        String header = out.lines().findFirst().orElseThrow();
        assertTrue("both spreads, named: " + header, header.contains("SPREAD mV") && header.contains("MAX DV mV"));
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
    public void aScenarioWhoseTraceWouldNotFitItsResultsDiskIsRefusedWithTheFigureAndThePacksTickOn()
            throws Exception {
        java.nio.file.Path year = java.nio.file.Files.createTempFile("year", ".json");
        // 48 cells a second for a year: about 222 GiB of trace (a cell's volts, open-circuit volts, state of charge
        // and charge), more than half of what this machine's disk has free
        java.nio.file.Files.writeString(year, "{\"pack\": {\"cells\": 48, \"chemistry\": \"NCM\"}, "
                + "\"balancer\": \"EK-L20S1A\", \"durationSeconds\": 31536000, \"traceEverySeconds\": 1}");
        java.nio.file.Path result = year.resolveSibling("year-result.json");
        long ticks = pack("shell1").stats().ticks();
        String refusal = error("sim:run " + year + " " + result);
        assertTrue(refusal, refusal.startsWith(year + " would write 31,536,002 trace samples of 48 cells (about "
                + "222.4 GiB) to " + result + ", more than half of the "));
        assertTrue(refusal, refusal.endsWith("or write the result where there is more room"));
        assertFalse("nothing written", java.nio.file.Files.exists(result));
        Thread.sleep(300);
        assertTrue("shell1 ticks on", pack("shell1").stats().ticks() > ticks);
        java.nio.file.Files.delete(year);
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
        String cells = run("cellgate:cells shell1");
        assertTrue(cells, cells.contains("OPEN_WIRE"));
        String pair34 = cells.lines().filter(l -> l.contains("| 3-4 ")).findFirst().orElseThrow();
        assertTrue("no DV across an open wire: " + pair34, pair34.contains("\u2014") && !pair34.contains("NaN"));
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
        assertTrue(faults, faults.contains("cell 2") && faults.contains("(tick ")
                && faults.matches("(?s).*since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*"));
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
                && p.has("spreadVolts") && p.has("maxAdjacentDeltaVolts"));
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

    /** What Gogo prints for a failed command: the exception's toString(). */
    private String printed(String command) {
        return failure(command).toString();
    }

    @Test
    public void mistakesAreToldWithTheRangeOrTheUsageNeverAnExceptionClass() {
        assertEquals("the words of a refused file in config/", "tick.ms=5 is out of range: 10 to 60000 ms",
                printed("cellgate:set shell1 tick.ms 5"));
        String usage = printed("cellgate:cells");
        assertTrue(usage, usage.startsWith("which pack? usage: cellgate:cells [--json] PACK")
                && usage.contains("shell1"));
        assertEquals("--count -1 is out of range: 1 or more refreshes, or 0 to refresh until Ctrl-C",
                printed("cellgate:watch --count -1 shell1"));
        assertEquals("n=99999999999 is out of range: 1 to 3000 ticks", printed("cellgate:history shell1 99999999999"));
        assertEquals("n=0 is out of range: 1 to 3000 ticks", printed("cellgate:history shell1 0"));
        assertTrue(printed("cellgate:cells nope").startsWith("unknown pack 'nope'; known packs: "));
        assertTrue(printed("cellgate:swap shell1 ACME-9").startsWith("unknown model 'ACME-9'; known models: "));
        assertTrue(printed("cellgate:update 999999").startsWith("no bundle 999999 to update"));
    }

    @Test
    public void statsHasAJsonForm() throws Exception {
        JsonObject stats = JsonParser.parseString(run("cellgate:stats --json")).getAsJsonObject();
        assertTrue(stats.toString(), stats.get("packs").getAsInt() >= 1 && stats.get("ticks").getAsLong() > 5
                && stats.has("meanTickSeconds") && stats.has("latestStartLateSeconds"));
        assertTrue(run("cellgate:stats").startsWith("packs "));
    }

    @Test
    public void helpListsTheCommandsOfAScopeWithTheirDescriptions() throws Exception {
        String sim = run("help sim");
        assertTrue(sim, sim.lines().anyMatch(l -> l.startsWith("sim:imbalance ") && l.length() > 30));
        String cellgate = run("help cellgate");
        assertTrue(cellgate, cellgate.contains("cellgate:watch") && cellgate.contains("a live view of one pack")
                && cellgate.contains("cellgate:shutdown") && cellgate.contains("cellgate:update"));
        // The console's help of one command goes on as before; it prints rather than returns.
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        CommandSession asking = context().getService(context().getServiceReference(CommandProcessor.class))
                .createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(screen, true),
                        new PrintStream(new ByteArrayOutputStream()));
        Object returned = asking.execute("help cellgate:history");
        asking.close();
        String one = screen + String.valueOf(returned);
        assertTrue("the help of one command: " + one, one.contains("how many ticks"));
    }

    @Test
    public void aSwapFromTheShellIsLoggedAsTheShells() throws Exception {
        JsonArray models = JsonParser.parseString(run("cellgate:models --json")).getAsJsonArray();
        String other = null;
        for (var m : models) {
            String name = m.getAsJsonObject().get("model").getAsString() + "/"
                    + m.getAsJsonObject().get("variant").getAsString();
            if (!name.equals("EK-L20S1A/datasheet")) {
                other = name;
            }
        }
        assertTrue("a second model to swap to: " + models, other != null);
        run("cellgate:swap shell1 " + other);
        await("the pack to log the swap as the shell's", () -> logged("shell1: balancer.target ")
                && logged("by the shell"));
    }

    @Test
    public void updateTakesANewJar() throws Exception {
        java.io.File dir = new java.io.File(System.getProperty("gateway.bundles.dir"));
        java.io.File[] jars = dir.listFiles((d, n) -> n.startsWith("io.cellgate.balancer.aeq12"));
        assertTrue(dir + " holds the AEQ12 bundle", jars != null && jars.length == 1);
        org.osgi.framework.Bundle aeq = java.util.Arrays.stream(context().getBundles())
                .filter(b -> "io.cellgate.balancer.aeq12".equals(b.getSymbolicName())).findFirst().orElseThrow();
        long before = aeq.getLastModified();
        Thread.sleep(5);
        String said = run("cellgate:update " + aeq.getBundleId() + " " + jars[0].getAbsolutePath());
        assertTrue(said, said.contains("updated from"));
        assertTrue("updated", aeq.getLastModified() > before);
        await("the AEQ12 bundle to be active again", () -> aeq.getState() == org.osgi.framework.Bundle.ACTIVE);
    }

    @Test
    public void simPacksShowsLoadAndSpeed() throws Exception {
        run("sim:load shell1 2.5");
        run("sim:speed shell1 10");
        String line = run("sim:packs").lines().filter(l -> l.startsWith("shell1 ")).findFirst().orElseThrow();
        assertTrue(line, line.contains("2.500") && line.contains("x10.0"));
    }

    @Test
    public void aFilterGogoEvaluatedOrThatDoesNotParseIsRefusedAndNothingIsWritten() throws Exception {
        String unquoted = printed("cellgate:set shell1 source.target (cellgate.pack=shell1)");
        assertTrue(unquoted, unquoted.contains(" is not an LDAP filter: quote the filter, or Gogo takes its "
                + "parentheses for a command, e.g. cellgate:set shell1 source.target \""));
        // The case: a trailing backslash, once written unescaped, swallowed the file's next line.
        String backslash = printed("cellgate:set shell1 source.target \"(cellgate.pack=shell1)\\\\\"");
        assertTrue(backslash, backslash.startsWith("source.target=(cellgate.pack=shell1)\\ is not an LDAP filter ("));
        String other = printed("cellgate:set shell1 outputs.target \"(cellgate.pack=pack1)\"");
        assertTrue(other, other.startsWith("outputs.target=(cellgate.pack=pack1) chooses the drivers of pack pack1, "
                + "and pack shell1 uses only its own"));
        assertEquals("nothing changed", null, configAdmin().listConfigurations("(&(pack.id=shell1)(|"
                + "(source.target=*)(outputs.target=*)))"));
    }

    @Test
    public void aValueWithABackslashEqualsAndALineBreakReadsBackThroughFileInstallAsSet() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(context().getProperty("felix.fileinstall.dir"));
        java.nio.file.Path sim = dir.resolve("io.cellgate.sim.pack-shell-file.cfg");
        java.nio.file.Path file = dir.resolve("io.cellgate.pack-shell-file.cfg");
        java.nio.file.Files.writeString(sim, "cellgate.pack=shell-file\ncells=8\nchemistry=NCM\n");
        java.nio.file.Files.writeString(file, "pack.id=shell-file\ncells=8\ntick.ms=20\n"
                + "source.target=(cellgate.pack=shell-file)\noutputs.target=(cellgate.pack=shell-file)\n");
        try {
            Pack pack = awaitPack("shell-file");
            // A filter on the pack's own source with an escaped backslash, '=' and a line break in a value.
            String value = "(&(cellgate.pack=shell-file)(!(note=a\\\\b=c\nd)))";
            session.put("v", value); // a variable reaches the command as it is, with no quoting in between
            String said = run("cellgate:set shell-file source.target $v");
            assertTrue(said, said.contains("io.cellgate.pack-shell-file.cfg updated"));
            // FileInstall reads the file it sees changed, and drops the shell's mark on the configuration.
            await("FileInstall to read the file back", () -> fileConfig("shell-file").get(".cellgate.changed.by")
                    == null, () -> String.valueOf(fileConfig("shell-file")));
            Thread.sleep(600); // a second poll: nothing more may change
            java.util.Dictionary<String, Object> read = fileConfig("shell-file");
            assertEquals(value, read.get("source.target"));
            assertEquals("the next line survives", "(cellgate.pack=shell-file)", read.get("outputs.target"));
            long ticks = pack.stats().ticks();
            await("the pack to tick on its own source", () -> pack.stats().ticks() > ticks + 5
                    && pack.latest().health().decidedByBalancer(), () -> String.valueOf(pack.latest().health()));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
            java.nio.file.Files.deleteIfExists(sim);
            await("shell-file to go", () -> pack("shell-file") == null);
        }
    }

    private java.util.Dictionary<String, Object> fileConfig(String packId) {
        try {
            org.osgi.service.cm.Configuration[] c = configAdmin().listConfigurations("(pack.id=" + packId + ")");
            return c == null ? new java.util.Hashtable<>() : c[0].getProperties();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
