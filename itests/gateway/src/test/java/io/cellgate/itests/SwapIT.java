package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.TickSummary;
import io.cellgate.api.time.TickClock;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.CommandSession;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Hot swap in a running gateway, every path an operator has: the shell, the file, the bundle life cycle and the
 * deploy folder. Each counts the ticks around the swap: none may be missed, and balancing is off for at most the
 * tick in which the swap happens.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SwapIT extends GatewaySupport {

    static final long TICK_MS = 20;

    private final List<org.osgi.service.cm.Configuration> configs = new ArrayList<>();
    private CommandSession session;

    @Before
    public void setUp() throws Exception {
        Dictionary<String, Object> lfp = new Hashtable<>();
        lfp.put("cellgate.variant", "lfp");
        lfp.put("cellgate.strings", 16);
        lfp.put("trigger.mv", 40);
        lfp.put("stop.mv", 10);
        org.osgi.service.cm.Configuration variant = configAdmin()
                .getFactoryConfiguration("io.cellgate.balancer.ek.variant", "lfp", "?");
        variant.update(lfp);
        configs.add(variant);
        await("the LFP variant", () -> models().contains("EK-L20S1A/lfp"));
        session = quietSession();
    }

    @After
    public void tearDown() throws Exception {
        for (org.osgi.service.cm.Configuration c : configs) {
            c.delete();
        }
        configs.clear();
        session.close();
    }

    private List<String> models() {
        try {
            return context().getServiceReferences(BalancerModel.class, null).stream()
                    .map(r -> r.getProperty(BalancerModel.MODEL) + "/" + r.getProperty(BalancerModel.VARIANT))
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Pack start(String id, int cells) throws Exception {
        for (org.osgi.service.cm.Configuration c : simulatedPack(id, cells, "NCM", EK_DATASHEET, TICK_MS)) {
            configs.add(c);
        }
        Pack pack = awaitPack(id);
        await(id + " healthy", () -> pack.latest() != null && pack.latest().health().decidedByBalancer());
        return pack;
    }

    private String shell(String command) throws Exception {
        return String.valueOf(session.execute(command));
    }

    /** Ticks in the history are consecutive and none came later than three periods after the one before. */
    private static void assertNoTickMissed(Pack pack, int n) {
        List<TickSummary> h = pack.history(n);
        for (int i = 1; i < h.size(); i++) {
            assertEquals("consecutive ticks", h.get(i - 1).tick() + 1, h.get(i).tick());
            long gapMs = (h.get(i).timeMillis() - h.get(i - 1).timeMillis());
            assertTrue("tick " + h.get(i).tick() + " came " + gapMs + " ms after the one before", gapMs < 3 * TICK_MS
                    + 100);
        }
    }

    /** Ticks since {@code fromTick} in which the pack did not balance normally. */
    private static long unhealthyTicksSince(Pack pack, long fromTick) {
        return pack.history(3000).stream().filter(t -> t.tick() >= fromTick && !t.health().decidedByBalancer()).count();
    }

    @Test
    public void swapFromTheShellChangesTheModelInTheNextTickAndMissesNone() throws Exception {
        Pack pack = start("swap-cmd", 16);
        await("ticks before", () -> pack.stats().ticks() > 20);
        long before = pack.stats().ticks();
        long t0 = System.nanoTime();
        String out = shell("cellgate:swap swap-cmd EK-L20S1A/lfp");
        assertTrue(out, out.contains("EK-L20S1A/datasheet -> EK-L20S1A/lfp"));
        await("the new model to decide", () -> "EK-L20S1A/lfp".equals(pack.latest().model()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        TickSummary first = pack.history(200).stream().filter(t -> "EK-L20S1A/lfp".equals(t.model())).findFirst()
                .orElseThrow();
        System.out.printf("swap latency: %d ms, first decision by the new model at tick %d (%d ticks after the "
                + "command was typed at tick ~%d)%n", ms, first.tick(), first.tick() - before, before);
        long after = pack.stats().ticks();
        await("ticks after", () -> pack.stats().ticks() > after + 20);
        assertSame("the same controller: no restart", pack, pack("swap-cmd"));
        assertEquals(1, pack.stats().balancerSwaps());
        assertNoTickMissed(pack, 60);
        assertTrue("balancing off for at most one tick", unhealthyTicksSince(pack, before) <= 1);
        assertTrue(shell("cellgate:models").lines().anyMatch(l -> l.startsWith("EK-L20S1A/lfp") && l.contains("swap-cmd")));
        assertTrue(shell("cellgate:config swap-cmd").contains("(&(cellgate.model=EK-L20S1A)(cellgate.variant=lfp))"));
    }

    @Test
    public void editingThePacksFileSwapsTheModelAndTheShellKeepsTheFileInStep() throws Exception {
        PackFiles files = writePackFiles("# a pack of the file test\n", "swap-file", 16, "NCM", 20, EK_DATASHEET);
        Path file = files.pack();
        try {
            Pack pack = awaitPack("swap-file");
            await("datasheet model", () -> pack.latest() != null && pack.latest().health().decidedByBalancer());
            long healthySince = pack.stats().ticks();
            Files.writeString(file, Files.readString(file).replace(EK_DATASHEET,
                    "(&(cellgate.model=EK-L20S1A)(cellgate.variant=lfp))"));
            await("the file's model", () -> "EK-L20S1A/lfp".equals(pack.latest().model()));
            await("the log to say who swapped", () -> logged("swap-file: balancer.target " + EK_DATASHEET
                    + " -> (&(cellgate.model=EK-L20S1A)(cellgate.variant=lfp)) by file:"));
            assertSame(pack, pack("swap-file"));

            String out = shell("cellgate:swap --force swap-file EK-L20S1A/datasheet");
            assertTrue(out, out.contains("io.cellgate.pack-swap-file.cfg updated"));
            await("the shell's model", () -> "EK-L20S1A/datasheet".equals(pack.latest().model()));
            String text = Files.readString(file);
            assertEquals(text, EK_DATASHEET, read(file).getProperty("balancer.target"));
            assertTrue("comments stay", text.startsWith("# a pack of the file test"));
            Thread.sleep(1500); // FileInstall reads the rewritten file back: it must agree
            assertEquals("EK-L20S1A/datasheet", pack.latest().model());
            assertTrue("one tick off at most per swap", unhealthyTicksSince(pack, healthySince) <= 2);
            assertNoTickMissed(pack, 200);

            assertTrue(shell("cellgate:set swap-file tick.ms 40").contains("tick.ms=40"));
            await("the new period", () -> pack.stats().periodNanos() == 40_000_000L);
            assertEquals(Files.readString(file), "40", read(file).getProperty("tick.ms"));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(files.sim());
            await("the file pack to go", () -> pack("swap-file") == null);
        }
    }

    @Test
    public void badSwapsAndSetsAreRefusedWithTheReason() throws Exception {
        start("swap-bad", 8);
        assertTrue(error("cellgate:swap swap-bad ACME-1").startsWith("unknown model 'ACME-1'; known models: "));
        assertTrue(error("cellgate:swap nope EK-L20S1A").startsWith("unknown pack 'nope'"));
        assertEquals("cells=99 is out of range: 2 to 48", error("cellgate:set swap-bad cells 99"));
        assertTrue(error("cellgate:set swap-bad colour red").startsWith("unknown property 'colour'; a pack has: "));
        assertTrue(error("cellgate:set swap-bad chemistry NIMH").startsWith("chemistry=NIMH is refused"));
        assertTrue(error("cellgate:set swap-bad pack.id other").startsWith("pack.id cannot be changed"));
        assertTrue(error("cellgate:history swap-bad 0").startsWith("n=0 is out of range"));
        assertEquals(8, pack("swap-bad").description().cells());
    }

    @Test
    public void aSwapToAVariantThatDoesNotFitThePackIsRefusedWithTheReasonUnlessForced() throws Exception {
        Pack pack = start("swap-fit", 20);
        String models = shell("cellgate:models swap-fit");
        assertTrue(models, models.lines().anyMatch(l -> l.startsWith("EK-L20S1A/datasheet") && l.contains(" 20S ")
                && l.endsWith(" yes")));
        assertTrue(models, models.lines().anyMatch(l -> l.startsWith("EK-L20S1A/lfp") && l.contains(" 16S ")
                && l.endsWith(" warnings")));
        assertTrue(models, models.contains("EK-L20S1A/lfp: low strings: board 2, a 16S board, is wired to 4 of "
                + "pack swap-fit's cells, channels 5-16 open"));

        String refused = error("cellgate:swap swap-fit EK-L20S1A/lfp");
        assertTrue(refused, refused.startsWith("EK-L20S1A/lfp fits with warnings: low strings: "));
        assertTrue(refused, refused.contains("to use it anyway: cellgate:swap --force swap-fit EK-L20S1A/lfp"));
        Thread.sleep(3 * TICK_MS);
        assertEquals("refused: the pack stays on its model", "EK-L20S1A/datasheet", pack.latest().model());

        String forced = shell("cellgate:swap --force swap-fit EK-L20S1A/lfp");
        assertTrue(forced, forced.contains("EK-L20S1A/datasheet -> EK-L20S1A/lfp"));
        assertTrue(forced, forced.contains("warning: cascade: pack swap-fit's 20 cells need 2 boards of 16S"));
        await("the forced model to decide, its board in fault", () -> "EK-L20S1A/lfp".equals(pack.latest().model())
                && pack.latest().health() == PackHealth.BOARD_FAULT);
        assertEquals(2, pack.latest().fitWarnings().size());
        String packs = shell("cellgate:packs");
        assertTrue(packs, packs.lines().anyMatch(l -> l.startsWith("swap-fit") && l.contains("BOARD_FAULT")));
        assertTrue(packs, packs.contains("! swap-fit on EK-L20S1A/lfp: low strings: "));
        assertTrue(shell("cellgate:models").contains("! swap-fit on EK-L20S1A/lfp: cascade: "));

        String back = shell("cellgate:swap swap-fit EK-L20S1A");
        assertTrue("a model name alone chooses its datasheet variant: " + back,
                back.contains("EK-L20S1A/lfp -> EK-L20S1A/datasheet") && !back.contains("warning"));
        String passive = error("cellgate:swap swap-fit PASSIVE-BLEED");
        assertTrue(passive, passive.startsWith("PASSIVE-BLEED has ") && passive.contains(" variants and no default; "
                + "name one: ") && passive.contains("PASSIVE-BLEED/foxbms") && passive.contains("PASSIVE-BLEED/libresolar"));
        assertTrue(shell("cellgate:swap swap-fit PASSIVE-BLEED/foxbms").contains("-> PASSIVE-BLEED/foxbms"));
        // the next tick swaps: wait for it, or the wait for the datasheet board below would see the old tick
        await("the passive board to decide", () -> "PASSIVE-BLEED/foxbms".equals(pack.latest().model()));
        assertTrue(error("cellgate:swap swap-fit EK-L20S1A/nope").startsWith("unknown variant 'nope' of EK-L20S1A; "
                + "its variants: "));

        shell("cellgate:swap swap-fit EK-L20S1A/datasheet");
        await("back on the datasheet board", () -> "EK-L20S1A/datasheet".equals(pack.latest().model()));
        String set = shell("cellgate:set swap-fit cells 16");
        assertTrue(set, set.contains("warning: EK-L20S1A/datasheet fits with warnings: low strings: the 20S board is "
                + "wired to 16 of pack swap-fit's cells"));
    }

    private String error(String command) {
        try {
            session.execute(command);
        } catch (Exception e) {
            return e.getMessage();
        }
        throw new AssertionError(command + " should have failed");
    }

    @Test
    public void theBalancerBundleCanBeStoppedUpdatedAndReinstalledFromTheShellUnderThreeRunningPacks()
            throws Exception {
        Pack[] packs = {start("life-a", 20), start("life-b", 12), start("life-c", 20)};
        Bundle ek = ekBundle();

        shell("felix:stop " + ek.getBundleId());
        for (Pack p : packs) {
            await(p.description().id() + " fail-safe", () -> p.latest().health() == PackHealth.NO_BALANCER);
            assertEquals("outputs off", 0, p.latest().balancingPairs());
        }
        assertTrue(shell("cellgate:packs").contains("NO_BALANCER"));
        long stopped = packs[0].stats().ticks();
        await("readings go on without a balancer", () -> packs[0].stats().ticks() > stopped + 10);
        assertTrue(packs[0].latest().isValid(0));

        shell("felix:start " + ek.getBundleId());
        for (Pack p : packs) {
            await(p.description().id() + " resumed", () -> p.latest().health().decidedByBalancer());
        }

        long beforeUpdate = packs[1].stats().ticks();
        shell("felix:update " + ek.getBundleId());
        for (Pack p : packs) {
            await(p.description().id() + " back after the update", () -> p.latest().health().decidedByBalancer()
                    && "EK-L20S1A/datasheet".equals(p.latest().model()));
        }
        assertTrue("ticks went on through the update", packs[1].stats().ticks() > beforeUpdate);
        assertNoTickMissed(packs[1], 100);

        String location = ek.getLocation();
        shell("felix:uninstall " + ek.getBundleId());
        await("no model", () -> packs[2].latest().health() == PackHealth.NO_BALANCER);
        String installed = shell("felix:install " + location);
        shell("felix:start " + installed.replaceAll("\\D+", ""));
        await("the reinstalled bundle " + installed, () -> {
            for (Bundle b : context().getBundles()) {
                if ("io.cellgate.balancer.ek".equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE) {
                    return true;
                }
            }
            return false;
        }, () -> java.util.Arrays.toString(context().getBundles()));
        for (Pack p : packs) {
            await(p.description().id() + " back after reinstall", () -> p.latest().health().decidedByBalancer());
        }
        for (Pack p : packs) {
            assertSame("controllers were never restarted", p, pack(p.description().id()));
        }
    }

    @Test
    public void aBalancerJarDroppedIntoTheDeployFolderServesTheWaitingPacks() throws Exception {
        Path deploy = Files.createDirectories(Path.of(context().getProperty("felix.fileinstall.dir")).getParent()
                .resolve("deploy"));
        org.osgi.service.cm.Configuration watcher = configAdmin()
                .getFactoryConfiguration("org.apache.felix.fileinstall", "deploy", "?");
        watcher.update(new Hashtable<>(Map.of("felix.fileinstall.dir", deploy.toString(),
                "felix.fileinstall.filter", ".*\\.jar", "felix.fileinstall.poll", "200")));
        configs.add(watcher);
        Pack pack = start("deploy-a", 20);
        Bundle ek = ekBundle();
        String location = ek.getLocation();
        ek.uninstall();
        await("fail-safe without a model", () -> pack.latest().health() == PackHealth.NO_BALANCER);
        Path jar = deploy.resolve("io.cellgate.balancer.ek.jar");
        Files.copy(new File(java.net.URI.create(location)).toPath(), jar);
        try {
            await("the dropped bundle to serve the pack", () -> pack.latest().health().decidedByBalancer());
            assertEquals("EK-L20S1A/datasheet", pack.latest().model());
        } finally {
            Files.delete(jar);
            await("the dropped bundle to go", () -> pack.latest().health() == PackHealth.NO_BALANCER);
            context().installBundle(location).start();
            await("back", () -> pack.latest().health().decidedByBalancer());
        }
    }

    @Test
    public void aSwapAmongTenPacksTickingAt10HzTouchesNoOtherPack() throws Exception {
        List<Pack> packs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (org.osgi.service.cm.Configuration c : simulatedPack("ten-" + i, 20, "NCM", EK_DATASHEET, 100)) {
                configs.add(c);
            }
        }
        for (int i = 0; i < 10; i++) {
            packs.add(awaitPack("ten-" + i));
        }
        await("all healthy", () -> packs.stream().allMatch(p -> p.latest() != null
                && p.latest().health().decidedByBalancer()));
        Thread.sleep(500);
        long[] from = packs.stream().mapToLong(p -> p.stats().ticks()).toArray();
        shell("cellgate:swap --force ten-3 EK-L20S1A/lfp");
        await("ten-3 swapped", () -> "EK-L20S1A/lfp".equals(packs.get(3).latest().model()));
        Thread.sleep(500);
        for (int k = 0; k < packs.size(); k++) {
            Pack p = packs.get(k);
            List<TickSummary> h = p.history(30);
            for (int i = 1; i < h.size(); i++) {
                assertEquals(h.get(i - 1).tick() + 1, h.get(i).tick());
                long gapMs = (h.get(i).timeMillis() - h.get(i - 1).timeMillis());
                assertTrue(p.description().id() + ": " + gapMs + " ms between ticks", gapMs < 250);
            }
            assertTrue(p.description().id(), unhealthyTicksSince(p, from[k]) <= (k == 3 ? 1 : 0));
        }
    }

    @Test
    public void twoHundredSwapsAndFiftyRestartsLeaveNoThreadTaskOrServiceBehind() throws Exception {
        TickClock clock = context().getService(context().getServiceReference(TickClock.class));
        Pack pack = start("repeat", 16);
        await("a few ticks", () -> pack.stats().ticks() > 5);
        // Warm up both variants once so that lazily created things (class loading, SCR bookkeeping) exist before.
        shell("cellgate:swap repeat EK-L20S1A/lfp");
        shell("cellgate:swap --force repeat EK-L20S1A/datasheet");
        Thread.sleep(300);
        List<String> names = gatewayThreads();
        int tasks = clock.scheduledTasks();
        int services = context().getServiceReferences((String) null, null).length;

        for (int i = 0; i < 100; i++) {
            shell("cellgate:swap repeat EK-L20S1A/lfp");
            shell("cellgate:swap --force repeat EK-L20S1A/datasheet");
        }
        await("the last swap", () -> "EK-L20S1A/datasheet".equals(pack.latest().model()));
        assertSame(pack, pack("repeat"));
        assertTrue("swaps counted", pack.stats().balancerSwaps() >= 2);

        org.osgi.service.cm.Configuration packConfig = configs.get(configs.size() - 1);
        Dictionary<String, Object> props = packConfig.getProperties();
        for (int i = 0; i < 50; i++) {
            packConfig.delete();
            await("pack gone " + i, () -> pack("repeat") == null);
            packConfig = configAdmin().getFactoryConfiguration("io.cellgate.pack", "repeat-" + i, "?");
            packConfig.update(props);
            await("pack back " + i, () -> pack("repeat") != null);
        }
        configs.set(configs.size() - 1, packConfig);
        Pack last = pack("repeat");
        await("healthy again", () -> last.latest() != null && last.latest().health().decidedByBalancer());

        await("the same threads as before", () -> gatewayThreads().equals(names),
                () -> "now " + gatewayThreads() + " before " + names);
        // The executor's queue does not hold a task while it runs: wait for a moment between ticks.
        await("the scheduled tick tasks back to " + tasks, () -> clock.scheduledTasks() == tasks,
                () -> "now " + clock.scheduledTasks());
        assertEquals("registered services", services, context().getServiceReferences((String) null, null).length);
        assertNotNull(last.latest());
    }

    /**
     * Live threads but the test's own Gogo session pool, which grows with the commands the test types, and Felix
     * HTTP's timer, which comes and goes by itself a moment after the servlets change (the metrics at start-up).
     */
    private static List<String> gatewayThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> !n.startsWith("session-") && !n.equals("Apache Felix Http Runtime Timer")).sorted()
                .toList();
    }

    private Bundle ekBundle() {
        for (Bundle b : context().getBundles()) {
            if ("io.cellgate.balancer.ek".equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("io.cellgate.balancer.ek is not installed");
    }

    /** A .cfg file as a properties file: the shell writes it with the format's escaping and spacing. */
    private static java.util.Properties read(Path file) throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }
}
