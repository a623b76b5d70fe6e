package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.tahu.message.model.MetricDataType;
import org.junit.After;
import org.junit.Test;

/**
 * A fleet: {@value #GATEWAYS} gateway.jar processes with small heaps, {@value #PACKS} packs each (a 20S NCM pack and two
 * 16S LFP packs), one Mosquitto, and a Sparkplug host application on Eclipse Tahu in the test. Every birth arrives and
 * decodes; a fleet-wide swap of every LFP pack to another variant shows in each pack's DDATA within 2 s; a removed pack
 * gives DDEATH; {@code kill -9} of a gateway gives its NDEATH within the keep-alive grace; a broker restart gives every
 * node a rebirth with a new bdSeq. On one gateway the JSON exporter runs beside the node at the same rate, and the
 * test prints what each costs for the 20S pack.
 */
public class FleetIT {

    static final int GATEWAYS = 10;
    static final int PACKS = 3;
    static final String GROUP = "fleet";
    static final int KEEPALIVE_SECONDS = 5;
    /** MQTT 3.1.1: the broker gives up on a silent client after 1.5 keep-alive periods. */
    static final long NDEATH_GRACE_MS = 1500L * KEEPALIVE_SECONDS + 2000;
    static final long BIRTH_TIMEOUT_MS = 180_000;
    static final long TIMEOUT_MS = 30_000;
    /**
     * How long the 20S pack's messages are counted, JSON and Sparkplug side by side: 10 s in the build, longer for the
     * figures of docs/fleet.md ({@code -Dfleet.window.ms=60000}).
     */
    static final long WINDOW_MS = Long.getLong("fleet.window.ms", 10_000);

    private final List<Process> gateways = new ArrayList<>();
    private Mosquitto broker;
    private SparkplugHost host;
    private Subscriber json;

    @After
    public void tearDown() throws Exception {
        for (Process p : gateways) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        for (Process p : gateways) {
            p.waitFor();
        }
        if (json != null) {
            json.close();
        }
        if (host != null) {
            host.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    static String node(int i) {
        return String.format(Locale.ROOT, "gw%02d", i);
    }

    /** A gateway's folder: the repository's board variants and log level, three packs, the node; no HTTP, no SSH. */
    private Path home(int i) throws IOException {
        Path home = Path.of(System.getProperty("project.build.directory", "target"), "fleet", node(i))
                .toAbsolutePath();
        GatewayOptions.deleteTree(home);
        Path config = Files.createDirectories(home.resolve("config"));
        try (Stream<Path> files = Files.list(GatewayProcess.ROOT.resolve("config"))) {
            for (Path cfg : files.filter(f -> f.getFileName().toString().matches(
                    "io\\.cellgate\\.balancer\\..*\\.cfg|org\\.osgi\\.service\\.log\\.admin\\.cfg")).toList()) {
                Files.copy(cfg, config.resolve(cfg.getFileName()));
            }
        }
        Files.writeString(config.resolve("io.cellgate.balancer.ek.variant-lfp2.cfg"),
                "cellgate.variant=lfp2\ncellgate.strings=16\ntrigger.mv=30\nstop.mv=10\n");
        pack(config, "ncm", 20, "NCM", "datasheet", 60);
        pack(config, "lfp1", 16, "LFP", "lfp", 1);
        pack(config, "lfp2", 16, "LFP", "lfp", 1);
        Files.writeString(config.resolve("io.cellgate.export.sparkplug-fleet.cfg"), "broker.url=" + broker.url()
                + "\ngroup.id=" + GROUP + "\nedge.node.id=" + node(i) + "\nscan.ms=1000\nkeepalive.seconds="
                + KEEPALIVE_SECONDS + "\ncommands.enabled=true\ncommands.allow=Balancer/Model\n");
        if (i == 0) { // the JSON exporter beside the node, at the same rate, for the comparison
            Files.writeString(config.resolve("io.cellgate.export.mqtt-json.cfg"), "broker.url=" + broker.url()
                    + "\ngateway.id=" + node(i) + "\npublish.ms=1000\ndiscovery.enabled=false\n");
        }
        return home;
    }

    private static void pack(Path config, String id, int cells, String chemistry, String variant, int timeScale)
            throws IOException {
        Files.writeString(config.resolve("io.cellgate.sim.pack-" + id + ".cfg"), "cellgate.pack=" + id + "\ncells="
                + cells + "\nchemistry=" + chemistry + "\nsoc.spread.percent=8\nseed=" + cells + "\ntime.scale="
                + timeScale + "\n");
        Files.writeString(config.resolve("io.cellgate.pack-" + id + ".cfg"), "pack.id=" + id + "\ncells=" + cells
                + "\nchemistry=" + chemistry + "\ntick.ms=200\nbalancer.target=(&(cellgate.model=EK-L20S1A)"
                + "(cellgate.variant=" + variant + "))\n");
    }

    private static void await(String what, long timeoutMs, BooleanSupplier condition, Supplier<String> seen)
            throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what + "; " + seen.get());
            }
            Thread.sleep(20);
        }
    }

    private boolean allBorn(List<Integer> nodes, long afterNanos) {
        for (int i : nodes) {
            for (String pack : List.of("ncm", "lfp1", "lfp2")) {
                if (host.of("DBIRTH", node(i), pack).stream().noneMatch(r -> r.arrivedNanos() >= afterNanos)) {
                    return false;
                }
            }
        }
        return true;
    }

    private String missingBirths(List<Integer> nodes) {
        List<String> missing = new ArrayList<>();
        for (int i : nodes) {
            for (String pack : List.of("ncm", "lfp1", "lfp2")) {
                if (host.last("DBIRTH", node(i), pack) == null) {
                    missing.add(node(i) + "/" + pack);
                }
            }
        }
        return "no DBIRTH from " + missing;
    }

    @Test
    public void aFleetIsBornSwapsItsLfpPacksLosesAGatewayAndSurvivesABrokerRestart() throws Exception {
        long start = System.nanoTime();
        broker = Mosquitto.start(Path.of(System.getProperty("project.build.directory", "target"), "fleet"),
                GatewayOptions.freePort());
        host = new SparkplugHost(broker.url(), GROUP);
        json = new Subscriber(broker.url());
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < GATEWAYS; i++) {
            Path home = home(i);
            gateways.add(GatewayProcess.start(home, home.resolve("gateway.out"),
                    ProcessBuilder.Redirect.from(new File("/dev/null")),
                    List.of("-Xmx48m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), Map.of()));
            all.add(i);
        }
        await("every birth", BIRTH_TIMEOUT_MS, () -> allBorn(all, 0), () -> missingBirths(all));
        double bornSeconds = (System.nanoTime() - start) / 1e9;
        for (int i : all) {
            SparkplugHost.Received nbirth = host.last("NBIRTH", node(i), null);
            assertEquals(Long.valueOf(0), nbirth.seq());
            assertEquals(20 * 4 + 19 * 3 + 16 + 3 + 3, host.last("DBIRTH", node(i), "ncm").metrics().size());
            assertEquals("EK-L20S1A/lfp", host.last("DBIRTH", node(i), "lfp1").metric("Balancer/Model"));
        }
        assertEquals(List.of(), host.problems());

        // what the 20S pack costs, Sparkplug by exception against the JSON exporter at the same rate (1 s)
        Thread.sleep(2000); // past the first publishes
        long windowStart = System.nanoTime();
        int jsonBefore = json.under("cellgate/ncm/").size();
        long jsonBytesBefore = bytes(json.under("cellgate/ncm/"));
        int spBefore = host.of("DDATA", node(0), "ncm").size();
        long spBytesBefore = host.of("DDATA", node(0), "ncm").stream().mapToLong(SparkplugHost.Received::bytes).sum();
        Thread.sleep(WINDOW_MS);
        double window = (System.nanoTime() - windowStart) / 1e9;
        List<Subscriber.Received> jsonNow = json.under("cellgate/ncm/");
        List<SparkplugHost.Received> spNow = host.of("DDATA", node(0), "ncm");
        double jsonRate = (jsonNow.size() - jsonBefore) / window;
        double jsonBytes = (bytes(jsonNow) - jsonBytesBefore) / window;
        double spRate = (spNow.size() - spBefore) / window;
        double spBytes = (spNow.stream().mapToLong(SparkplugHost.Received::bytes).sum() - spBytesBefore) / window;
        double jsonWire = (wire(jsonNow) - wire(jsonNow.subList(0, jsonBefore))) / window;
        double spWire = spNow.subList(spBefore, spNow.size()).stream().mapToLong(r -> r.bytes() + r.topic().length()
                + 4).sum() / window;
        System.out.printf(Locale.ROOT, "FleetIT: births of %d gateways x %d packs within %.1f s of the first start; "
                + "DBIRTH of a 20S pack %d bytes%n", GATEWAYS, PACKS, bornSeconds,
                host.last("DBIRTH", node(0), "ncm").bytes());
        System.out.printf(Locale.ROOT, "FleetIT: 20S pack over %.1f s: JSON exporter %.1f msg/s %.0f B/s payload "
                + "(%.0f B/s with topics and headers); Sparkplug DDATA %.2f msg/s %.0f B/s payload (%.0f B/s)%n",
                window, jsonRate, jsonBytes, jsonWire, spRate, spBytes, spWire);
        assertTrue("the JSON exporter publishes 41 messages a second for a 20S pack: " + jsonRate, jsonRate > 30);
        assertTrue("by exception, far fewer: " + spRate, spRate < jsonRate / 10);

        // a fleet-wide swap of every LFP pack
        Map<String, Long> sent = new HashMap<>();
        for (int i : all) {
            for (String pack : List.of("lfp1", "lfp2")) {
                sent.put(node(i) + "/" + pack, System.nanoTime());
                host.command(GROUP, node(i), pack, "Balancer/Model", MetricDataType.String, "EK-L20S1A/lfp2");
            }
        }
        await("every LFP pack on lfp2", TIMEOUT_MS, () -> sent.keySet().stream().allMatch(k -> "EK-L20S1A/lfp2"
                .equals(host.current(k.split("/")[0], k.split("/")[1], "Balancer/Model"))), sent::toString);
        double worst = 0;
        int inFirstData = 0;
        for (Map.Entry<String, Long> e : sent.entrySet()) {
            String[] k = e.getKey().split("/");
            List<SparkplugHost.Received> after = host.of("DDATA", k[0], k[1]).stream()
                    .filter(r -> r.arrivedNanos() >= e.getValue()).toList();
            SparkplugHost.Received shown = after.stream().filter(r -> "EK-L20S1A/lfp2".equals(
                    r.metric("Balancer/Model"))).findFirst().orElseThrow();
            inFirstData += after.get(0) == shown ? 1 : 0;
            double seconds = (shown.arrivedNanos() - e.getValue()) / 1e9;
            worst = Math.max(worst, seconds);
            assertTrue(e.getKey() + " showed the swap after " + seconds + " s", seconds < 2);
        }
        System.out.printf(Locale.ROOT, "FleetIT: swap of %d LFP packs: the slowest in DDATA after %.3f s; %d of them "
                + "in the first DDATA after the command%n", sent.size(), worst, inFirstData);

        // a removed pack dies
        Files.delete(home(1, "config/io.cellgate.pack-lfp2.cfg"));
        await("DDEATH of gw01/lfp2", TIMEOUT_MS, () -> host.last("DDEATH", node(1), "lfp2") != null, () -> "");

        // kill -9 of one gateway: the broker sends its will
        int victim = GATEWAYS - 1;
        long bdSeq = host.last("NBIRTH", node(victim), null).bdSeq();
        long killed = System.nanoTime();
        gateways.get(victim).destroyForcibly();
        await("NDEATH of " + node(victim), NDEATH_GRACE_MS, () -> host.last("NDEATH", node(victim), null) != null,
                () -> "");
        double deathSeconds = (host.last("NDEATH", node(victim), null).arrivedNanos() - killed) / 1e9;
        assertEquals("the will carries the birth's bdSeq", bdSeq, host.last("NDEATH", node(victim), null).bdSeq());
        System.out.printf(Locale.ROOT, "FleetIT: NDEATH %.1f s after kill -9 (keep-alive %d s)%n", deathSeconds,
                KEEPALIVE_SECONDS);

        // a broker restart: every node alive is born again with a new bdSeq
        List<Integer> alive = all.subList(0, victim);
        Map<Integer, Long> before = new HashMap<>();
        for (int i : alive) {
            before.put(i, host.last("NBIRTH", node(i), null).bdSeq());
        }
        broker.restart();
        host.close();
        host = new SparkplugHost(broker.url(), GROUP);
        long restarted = System.nanoTime();
        await("every node and pack born again", TIMEOUT_MS, () -> alive.stream().allMatch(i -> host.last("NBIRTH",
                node(i), null) != null && host.last("DBIRTH", node(i), "ncm") != null), () -> "");
        for (int i : alive) {
            assertNotEquals(node(i) + " has a new bdSeq", before.get(i), (Long) host.last("NBIRTH", node(i), null)
                    .bdSeq());
        }
        System.out.printf(Locale.ROOT, "FleetIT: every node born again %.1f s after the broker restart; whole test "
                + "%.1f s%n", (System.nanoTime() - restarted) / 1e9, (System.nanoTime() - start) / 1e9);
        for (int i : alive) {
            assertEquals(node(i), "", host.seqProblems(node(i)));
        }
        assertEquals(List.of(), host.problems());
    }

    private static Path home(int i, String file) {
        return Path.of(System.getProperty("project.build.directory", "target"), "fleet", node(i), file)
                .toAbsolutePath();
    }

    private static long bytes(List<Subscriber.Received> messages) {
        return messages.stream().mapToLong(r -> r.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .sum();
    }

    /** Payload, topic and the few bytes of an MQTT PUBLISH header: what a broker carries for each message. */
    private static long wire(List<Subscriber.Received> messages) {
        return messages.stream().mapToLong(r -> r.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + r.topic().length() + 4).sum();
    }
}
