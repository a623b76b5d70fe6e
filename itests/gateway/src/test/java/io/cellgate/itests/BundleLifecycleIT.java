package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * How the bundles built into gateway.jar, the bundles an operator installs from the shell and the jars in
 * {@code deploy/} coexist across restarts (docs/architecture.md, "Bundles across restarts"). gateway.jar runs as a
 * separate process, restarted three times in one folder, so the framework cache is kept from one start to the next as
 * on a gateway box; each start must come back with pack1 ticking on its EK-L20S1A:
 * <ol>
 * <li>the EK bundle uninstalled and a copy of it installed from the shell, then a restart: the gateway used to end
 * with status 127 at every start; now the copy goes, with a line saying why, and the built-in comes back;</li>
 * <li>a copy of the EK bundle dropped into {@code deploy/} and deleted: FileInstall used to update the built-in with it
 * and then uninstall the built-in, and every pack went NO_BALANCER; now the jar is left alone, also when it is there
 * at a start;</li>
 * <li>plugins of their own name installed from the shell and from {@code deploy/} stay installed and running;</li>
 * <li>a built-in updated in place to another version comes back as gateway.jar has it, at its own start level.</li>
 * </ol>
 */
public class BundleLifecycleIT {

    private static final Path BUNDLES = GatewayProcess.ROOT.resolve("features/gateway/target/export/gateway");
    private static final String EK = "io.cellgate.balancer.ek";
    private static final String AEQ = "io.cellgate.balancer.aeq12";
    private static final String OPERATOR_PLUGIN = "io.cellgate.itests.operator.plugin";
    private static final String DEPLOY_PLUGIN = "io.cellgate.itests.deploy.plugin";
    /** The gateway's own figure, logged at each start. */
    private static final Pattern FIRST_TICK =
            Pattern.compile("pack1: first healthy tick \\d+, (\\d+) ms after the JVM");

    private Path home;
    private PipedGateway gateway;
    private final List<String> startFigures = new ArrayList<>();

    @Before
    public void setUp() throws IOException {
        home = GatewayProcess.freshHome("bundle-lifecycle");
        // No broker and no HTTP port needed; deploy/ scanned faster than the gateway's second, for a shorter test.
        Files.delete(home.resolve("config/io.cellgate.export.mqtt-local.cfg"));
        Files.writeString(home.resolve("config/org.apache.felix.http.cfg"), "org.osgi.service.http.port=-1\n");
        Path deployCfg = home.resolve("config/org.apache.felix.fileinstall-deploy.cfg");
        Files.writeString(deployCfg, Files.readString(deployCfg).replace("poll=1000", "poll=250"));
    }

    @After
    public void tearDown() throws Exception {
        if (gateway != null) {
            gateway.kill();
        }
        System.out.println("BundleLifecycleIT: first healthy tick after the JVM started, per start: " + startFigures);
    }

    @Test
    public void builtInOperatorAndDeployBundlesEachComeBackRightAfterARestart() throws Exception {
        Path ekCopy = copy(builtIn(EK), home.resolve("ek-copy.jar"));
        Path aeqNext = withVersion(builtIn(AEQ), home.resolve("aeq12-0.2.0.jar"), "0.2.0");
        Path operatorPlugin = GatewayProcess.writeBundle(home.resolve("operator-plugin.jar"), OPERATOR_PLUGIN, "1.0.0");

        // Start 1: the EK bundle uninstalled and its copy installed from the shell; plugins of their own installed.
        gateway = start();
        long ek = id(gateway.command("lb -s"), EK);
        gateway.command("uninstall " + ek);
        long copyId = Long.parseLong(firstGroup(gateway.command("install " + ekCopy.toUri()), "Bundle ID: (\\d+)"));
        gateway.await("pack1 without a balancer", s -> s.contains("fault: no balancer"));
        gateway.command("start " + copyId);
        gateway.await("pack1 on the copy's model", s -> s.lastIndexOf("balancer none -> EK-L20S1A/datasheet")
                > s.indexOf("fault: no balancer"));
        long plugin = Long.parseLong(firstGroup(gateway.command("install " + operatorPlugin.toUri()),
                "Bundle ID: (\\d+)"));
        gateway.command("start " + plugin);
        drop(GatewayProcess.writeBundle(home.resolve("deploy-plugin.jar.tmp"), DEPLOY_PLUGIN, "1.0.0"), "deploy-plugin.jar");
        gateway.await("the deploy/ plugin", s -> s.contains("plugin " + DEPLOY_PLUGIN + " 1.0.0 started from "
                + "deploy/deploy-plugin.jar"));
        gateway.stop();

        // Start 2: the copy goes with a line saying why, the built-in is back; the operator's plugins stayed.
        gateway = start();
        String started = gateway.output();
        assertTrue(started, started.contains("WARN io.cellgate.launch: " + EK + " 0.1.0.SNAPSHOT from "
                + ekCopy.toUri() + " (bundle " + copyId + ") uninstalled: it has the name and version of a bundle "
                + "of gateway.jar, and every start puts gateway.jar's own bundles back."));
        String bundles = gateway.command("lb -l");
        assertTrue(bundles, Pattern.compile("(?m)^\\s*\\d+\\|Active\\s*\\|\\s*4\\|jar/" + Pattern.quote(EK) + "-")
                .matcher(bundles).find());
        assertFalse("the copy is gone: " + bundles, bundles.contains(ekCopy.toUri().toString()));
        String names = awaitActive(OPERATOR_PLUGIN, DEPLOY_PLUGIN);

        // A copy of the built-in EK dropped into deploy/ and deleted leaves the built-in, and pack1, alone.
        ek = id(names, EK);
        drop(copy(ekCopy, home.resolve("ek.jar.tmp")), "ek.jar");
        long builtInEk = ek;
        gateway.await("the jar left alone", s -> s.contains("WARN io.cellgate.pack: deploy/ek.jar is " + EK
                + " 0.1.0.SNAPSHOT, which is built into gateway.jar as bundle " + builtInEk
                + ": left alone, and deleting the jar will not touch it."));
        Files.delete(home.resolve("deploy/ek.jar"));
        gateway.await("the jar's removal", s -> s.contains("ek.jar removed: nothing was installed from it"));
        assertEquals("Active", state(gateway.command("lb -s"), EK));
        assertOnEk(gateway.command("cellgate:packs"));
        assertFalse(gateway.output(), gateway.output().contains("fault: no balancer"));

        // The jar is there again at the next start, and a built-in is updated in place to another version.
        drop(copy(ekCopy, home.resolve("ek.jar.tmp")), "ek.jar");
        gateway.await("the jar left alone again", s -> s.split("ek.jar is " + EK, -1).length == 3);
        long aeq = id(gateway.command("lb -s"), AEQ);
        gateway.command("cellgate:update " + aeq + " " + aeqNext);
        assertTrue(gateway.command("lb -s").contains(AEQ + " (0.2.0)"));
        gateway.stop();

        // Start 3: FileInstall finds the EK copy in deploy/ before it could take the built-in over; the updated
        // built-in is put back at its start level, before pack1's.
        gateway = start();
        assertTrue(gateway.output(), gateway.output().contains("WARN io.cellgate.launch: " + AEQ + " 0.2.0 (bundle "
                + aeq + ") uninstalled: an update had put it in place of jar/" + AEQ));
        gateway.await("the jar left alone at start", s -> s.contains("ek.jar is " + EK));
        Files.delete(home.resolve("deploy/ek.jar"));
        gateway.await("the jar's removal", s -> s.contains("ek.jar removed: nothing was installed from it"));
        names = awaitActive(EK, OPERATOR_PLUGIN, DEPLOY_PLUGIN);
        assertTrue(names, Pattern.compile("(?m)^\\s*\\d+\\|Active\\s*\\|\\s*4\\|" + Pattern.quote(AEQ)
                + " \\(0\\.1\\.0\\.SNAPSHOT\\)").matcher(names).find());
        assertOnEk(gateway.command("cellgate:packs"));
        gateway.stop();
    }

    /** Starts gateway.jar in the test's folder and waits for pack1's first healthy tick, balanced by the EK-L20S1A. */
    private PipedGateway start() throws Exception {
        PipedGateway g = gateway = new PipedGateway(home); // the field at once, so that tearDown ends a start that fails
        String out = g.await("pack1's first healthy tick", s -> FIRST_TICK.matcher(s).find());
        startFigures.add(firstGroup(out, FIRST_TICK.pattern()) + " ms");
        String printed = g.output();
        for (String unwanted : List.of("Exception", "\tat ", "not unique", "ERROR")) {
            assertFalse("the gateway printed " + unwanted + ":\n" + printed, printed.contains(unwanted));
        }
        assertOnEk(g.command("cellgate:packs"));
        return g;
    }

    /**
     * Waits until {@code lb -s} lists these bundles active, and returns the listing: pack1 ticks before the framework
     * has reached its last start level, where plugins installed by an operator start.
     */
    private String awaitActive(String... symbolicNames) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            String names = gateway.command("lb -s");
            if (Stream.of(symbolicNames).allMatch(n -> names.contains("|" + n + " ")
                    && state(names, n).equals("Active"))) {
                return names;
            }
            if (System.nanoTime() > end) {
                fail("not all of " + List.of(symbolicNames) + " active within a minute:\n" + names);
            }
            Thread.sleep(200);
        }
    }

    private static void assertOnEk(String packs) {
        assertTrue(packs, Pattern.compile("(?m)^pack1 .*EK-L20S1A/datasheet\\s+ACTIVE").matcher(packs).find());
    }

    /** Moves a file into deploy/ in one step, as an operator's copy should arrive. */
    private void drop(Path file, String name) throws IOException {
        Files.move(file, home.resolve("deploy").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path builtIn(String symbolicName) throws IOException {
        try (Stream<Path> jars = Files.list(BUNDLES)) {
            return jars.filter(p -> p.getFileName().toString().startsWith(symbolicName + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + symbolicName + " in " + BUNDLES));
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        return Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The same bundle with another Bundle-Version, as a new build of it would be. */
    private static Path withVersion(Path jar, Path to, String version) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest m = new Manifest(in.getManifest());
            m.getMainAttributes().putValue("Bundle-Version", version);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(to), m)) {
                for (JarEntry e; (e = in.getNextJarEntry()) != null; ) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return to;
    }

    /** The id {@code lb -s} lists for a symbolic name. */
    private static long id(String listing, String symbolicName) {
        return Long.parseLong(firstGroup(listing, "(?m)^\\s*(\\d+)\\|[A-Za-z]+\\s*\\|\\s*\\d+\\|"
                + Pattern.quote(symbolicName) + " "));
    }

    /** The state {@code lb -s} lists for a symbolic name. */
    private static String state(String listing, String symbolicName) {
        return firstGroup(listing, "(?m)^\\s*\\d+\\|([A-Za-z]+)\\s*\\|\\s*\\d+\\|" + Pattern.quote(symbolicName) + " ");
    }

    private static String firstGroup(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in:\n" + text);
        }
        return m.group(1);
    }
}
