package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The Debian package on this machine, as an operator installs it (CI runs as root, without systemd as PID 1): dpkg -i,
 * the layout, the user, the unit checked by systemd-analyze, the unit's own command line started as the cellgate
 * user up to its first healthy tick, the shell through {@code cellgate shell} and through OpenSSH, an upgrade to a
 * rebuilt package of a higher version that keeps the edited configuration, the state and a deployed plugin, removal
 * that keeps them and purge that leaves the machine as it was. lintian reports no error on the package.
 */
public class DebianPackageIT {

    private static final Path DEB_DIR = GatewayProcess.ROOT.resolve("features/deb/target");
    private static final Path UNIT = Path.of("/lib/systemd/system/cellgate.service");
    private static final Path ETC = Path.of("/etc/cellgate");
    private static final Path STATE = Path.of("/var/lib/cellgate");

    private Path work;
    private Process service;

    @Before
    public void setUp() throws Exception {
        assertEquals("this test installs a package: run it as root (CI does)", "0", run("id", "-u").trim());
        assertFalse("a cellgate package is installed here already; the test leaves it alone: dpkg --purge cellgate "
                + "first", installed());
        assertFalse("a user cellgate exists already; the test would delete it: remove it first",
                ok("getent", "passwd", "cellgate"));
        work = Path.of(System.getProperty("project.build.directory", "target"), "debian-package").toAbsolutePath();
        GatewayOptions.deleteTree(work);
        Files.createDirectories(work);
    }

    @After
    public void leaveTheMachineAsFound() throws Exception {
        stopService();
        if (installed()) {
            run("dpkg", "--purge", "cellgate");
        }
    }

    @Test
    public void installRunUpgradeRemoveAndPurge() throws Exception {
        Path deb = builtPackage();
        assertNoLintianErrors(deb);
        run("dpkg", "-i", deb.toString());

        // layout, conffiles, user
        for (String file : List.of("/usr/share/cellgate/gateway.jar", "/usr/share/cellgate/gateway-hw.jar",
                "/usr/share/cellgate/scenario.jar", "/etc/cellgate/io.cellgate.pack-pack1.cfg",
                "/etc/cellgate/hardware/io.cellgate.pack-pack1.cfg", "/etc/cellgate/io.cellgate.ssh.cfg",
                "/etc/default/cellgate", UNIT.toString())) {
            assertTrue(file + " is installed", Files.isRegularFile(Path.of(file)));
        }
        assertTrue(Files.isExecutable(Path.of("/usr/bin/cellgate")));
        assertEquals(ETC, Files.readSymbolicLink(STATE.resolve("config")));
        assertEquals("cellgate", Files.getOwner(STATE.resolve("deploy"), LinkOption.NOFOLLOW_LINKS).getName());
        String conffiles = run("dpkg-query", "-W", "-f=${Conffiles}", "cellgate");
        assertTrue(conffiles, conffiles.contains("/etc/cellgate/io.cellgate.ssh.cfg ")
                && conffiles.contains("/etc/default/cellgate "));
        String[] user = run("getent", "passwd", "cellgate").trim().split(":");
        assertTrue("a system user: " + Arrays.toString(user), Integer.parseInt(user[2]) < 1000);
        assertEquals(STATE.toString(), user[5]);
        assertTrue("no login shell: " + user[6], user[6].endsWith("nologin") || user[6].endsWith("false"));
        assertEquals("cellgate " + System.getProperty("project.version"),
                run("cellgate", "version").trim());

        // the unit as systemd reads it
        assertEquals("", run("systemd-analyze", "verify", UNIT.toString()).trim());

        // the operator's edits: ports of their own (nothing else here may hold them) and a key
        int sshPort = GatewayOptions.freePort();
        edit(ETC.resolve("io.cellgate.ssh.cfg"), "port=8101", "port=" + sshPort);
        edit(ETC.resolve("org.apache.felix.http.cfg"), "port=9464", "port=" + GatewayOptions.freePort());
        Path key = OpenSsh.newKey(work.resolve("operator-key"));
        Files.copy(Path.of(key + ".pub"), ETC.resolve("authorized_keys"), StandardCopyOption.REPLACE_EXISTING);

        startService();
        awaitOutput("the first healthy tick and the SSH shell", "pack1: first healthy tick",
                "ssh: operator shell on 127.0.0.1:" + sshPort);

        OpenSsh.Result shell = exec("cellgate", "shell", "-i", key.toString(), "-o", "IdentitiesOnly=yes",
                "-o", "IdentityAgent=none", "-o", "BatchMode=yes", "cellgate:packs");
        assertEquals(shell.output(), 0, shell.status());
        assertTrue(shell.output(), shell.output().contains("pack1         20 NCM"));

        Path knownHosts = OpenSsh.knownHosts(work.resolve("known_hosts"), sshPort,
                STATE.resolve("data/ssh/host-key.pub"));
        OpenSsh.Result packs = OpenSsh.run(append(OpenSsh.ssh(key, sshPort, knownHosts), "cellgate:packs"), 60);
        assertEquals(packs.output(), 0, packs.status());
        assertTrue(packs.output(), packs.output().contains("pack1"));
        Path stranger = OpenSsh.newKey(work.resolve("stranger-key"));
        OpenSsh.Result refused = OpenSsh.run(append(OpenSsh.ssh(stranger, sshPort, knownHosts), "cellgate:packs"), 60);
        assertEquals(refused.output(), 255, refused.status());

        Path plugin = GatewayProcess.writeBundle(work.resolve("plugin.jar"), "io.cellgate.itests.plugin", "1.0.0");
        Files.copy(plugin, STATE.resolve("deploy/plugin.jar"));
        awaitOutput("the deployed plugin", "plugin io.cellgate.itests.plugin 1.0.0 started from deploy/plugin.jar");
        stopService();
        assertEquals("ExecStopPost (the simulated gateway has no outputs)", 0,
                exec(unitLine("ExecStopPost=")).status());
        String hostKey = Files.readString(STATE.resolve("data/ssh/host-key.pub"));

        // upgrade to the same package rebuilt with a higher version
        run("dpkg", "-i", rebuiltWithVersion(deb, "999.0.0").toString());
        assertEquals("999.0.0", run("dpkg-query", "-W", "-f=${Version}", "cellgate"));
        assertTrue("the edited port is kept", Files.readString(ETC.resolve("io.cellgate.ssh.cfg"))
                .contains("port=" + sshPort));
        assertEquals("the key is kept", Files.readString(Path.of(key + ".pub")),
                Files.readString(ETC.resolve("authorized_keys")));
        assertEquals("the host key is kept", hostKey, Files.readString(STATE.resolve("data/ssh/host-key.pub")));
        assertTrue("the plugin is kept", Files.exists(STATE.resolve("deploy/plugin.jar")));

        // remove keeps configuration and state; purge removes them, the user and the unit's enablement
        run("dpkg", "-r", "cellgate");
        assertFalse(Files.exists(Path.of("/usr/bin/cellgate")));
        assertTrue(Files.readString(ETC.resolve("io.cellgate.ssh.cfg")).contains("port=" + sshPort));
        assertTrue(Files.exists(STATE.resolve("deploy/plugin.jar")));
        run("dpkg", "--purge", "cellgate");
        for (Path gone : List.of(ETC, STATE, UNIT, Path.of("/etc/default/cellgate"),
                Path.of("/etc/systemd/system/multi-user.target.wants/cellgate.service"))) {
            assertFalse(gone + " is gone after purge", Files.exists(gone, LinkOption.NOFOLLOW_LINKS));
        }
        assertFalse("the user is gone after purge", ok("getent", "passwd", "cellgate"));
        assertFalse("the group is gone after purge", ok("getent", "group", "cellgate"));
    }

    /** The one package the build made. */
    private static Path builtPackage() throws IOException {
        try (Stream<Path> files = Files.list(DEB_DIR)) {
            List<Path> debs = files.filter(f -> f.getFileName().toString().matches("cellgate_.*_all\\.deb")).toList();
            assertEquals("one package in " + DEB_DIR + ": " + debs, 1, debs.size());
            return debs.get(0);
        }
    }

    private void assertNoLintianErrors(Path deb) throws Exception {
        OpenSsh.Result lintian = exec("lintian", "--no-tag-display-limit", deb.toString());
        List<String> errors = lintian.output().lines().filter(l -> l.startsWith("E: ")).toList();
        assertTrue("lintian: " + lintian.output(), errors.isEmpty());
    }

    /** The package unpacked, its version changed and packed again: what a later build makes. */
    private Path rebuiltWithVersion(Path deb, String version) throws Exception {
        Path tree = work.resolve("rebuilt");
        run("dpkg-deb", "-R", deb.toString(), tree.toString());
        edit(tree.resolve("DEBIAN/control"), "Version: " + run("dpkg-deb", "-f", deb.toString(), "Version").trim(),
                "Version: " + version);
        Path rebuilt = work.resolve("cellgate_" + version + "_all.deb");
        run("dpkg-deb", "--root-owner-group", "-b", tree.toString(), rebuilt.toString());
        return rebuilt;
    }

    /** The unit's ExecStart= as the unit's user, as systemd would start it (there is no systemd here). */
    private void startService() throws IOException {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", unitLine("User=")[0], "--"));
        cmd.addAll(List.of(unitLine("ExecStart=")));
        service = new ProcessBuilder(cmd).directory(new File(unitLine("WorkingDirectory=")[0]))
                .redirectErrorStream(true).redirectOutput(work.resolve("service.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    /** SIGTERM to the JVM under runuser, as systemd stops the service; it ends with 143 (SuccessExitStatus). */
    private void stopService() throws InterruptedException, IOException {
        if (service == null) {
            return;
        }
        service.descendants().forEach(ProcessHandle::destroy);
        if (!service.waitFor(Integer.parseInt(unitLineOr("TimeoutStopSec=", "10")), TimeUnit.SECONDS)) {
            service.descendants().forEach(ProcessHandle::destroyForcibly);
            service.destroyForcibly();
            throw new AssertionError("the service did not stop within TimeoutStopSec");
        }
        service = null;
    }

    private static String[] unitLine(String key) throws IOException {
        return unitLineOr(key, null).split(" ");
    }

    private static String unitLineOr(String key, String otherwise) throws IOException {
        return Files.readAllLines(UNIT).stream().filter(l -> l.startsWith(key))
                .map(l -> l.substring(key.length()).trim()).findFirst().orElse(otherwise);
    }

    private void awaitOutput(String what, String... lines) throws Exception {
        Path out = work.resolve("service.out");
        BooleanSupplier shown = () -> {
            try {
                String s = Files.readString(out);
                return Stream.of(lines).allMatch(s::contains);
            } catch (IOException e) {
                return false;
            }
        };
        long end = System.currentTimeMillis() + 60_000;
        while (!shown.getAsBoolean()) {
            if (System.currentTimeMillis() > end || !service.isAlive()) {
                throw new AssertionError("waited in vain for " + what + "; the service printed:\n"
                        + Files.readString(out));
            }
            Thread.sleep(100);
        }
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(file + " holds " + from, text.contains(from));
        Files.writeString(file, text.replace(from, to));
    }

    private static List<String> append(List<String> cmd, String last) {
        cmd.add(last);
        return cmd;
    }

    private static boolean installed() throws Exception {
        return exec("dpkg-query", "-W", "-f=${Status}", "cellgate").output().contains("installed");
    }

    private static boolean ok(String... cmd) throws Exception {
        return exec(cmd).status() == 0;
    }

    /** Runs {@code cmd} and returns what it printed; fails the test when it fails. */
    private static String run(String... cmd) throws Exception {
        OpenSsh.Result r = exec(cmd);
        assertEquals(String.join(" ", cmd) + " printed:\n" + r.output(), 0, r.status());
        return r.output();
    }

    private static OpenSsh.Result exec(String... cmd) throws Exception {
        return OpenSsh.run(List.of(cmd), 300);
    }
}
