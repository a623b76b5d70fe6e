package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The operator's shell over SSH, through Debian's OpenSSH client: gateway.jar as a process with the repository's
 * {@code config/} (the SSH shell on loopback), a key made by the test in {@code authorized_keys}, the host key checked
 * against the public half the gateway writes.
 */
public class SshShellIT {

    private static Path home;
    private static Process gateway;
    private static int port;
    private static Path key;
    private static Path knownHosts;

    @BeforeClass
    public static void startGateway() throws Exception {
        home = GatewayProcess.freshHome("ssh-shell");
        port = GatewayProcess.sshPort(home.resolve("config"));
        key = OpenSsh.newKey(home.resolve("operator-key"));
        Files.copy(Path.of(key + ".pub"), home.resolve("config/authorized_keys"));
        gateway = GatewayProcess.start(home, home.resolve("gateway.out"),
                ProcessBuilder.Redirect.from(new File("/dev/null")));
        await("the first healthy tick and the SSH shell", () -> output().contains("pack1: first healthy tick")
                && output().contains("ssh: operator shell on 127.0.0.1:" + port));
        knownHosts = OpenSsh.knownHosts(home.resolve("known_hosts"), port, home.resolve("data/ssh/host-key.pub"));
    }

    @AfterClass
    public static void stopGateway() throws InterruptedException {
        GatewayProcess.end(gateway);
    }

    @Test
    public void aCommandGivenToSshRunsAsAtTheConsole() throws Exception {
        OpenSsh.Result packs = OpenSsh.run(command("cellgate:packs"), 60);
        assertEquals(packs.output(), 0, packs.status());
        assertTrue(packs.output(), packs.output().contains("pack1         20 NCM"));

        OpenSsh.Result unknown = OpenSsh.run(command("cellgate:cells nope"), 60);
        assertEquals(1, unknown.status());
        assertEquals("unknown pack 'nope'; known packs: pack1", unknown.output().trim());
    }

    @Test
    public void aKeyNotInAuthorizedKeysIsRefusedAndTheRefusalLogged() throws Exception {
        Path stranger = OpenSsh.newKey(home.resolve("stranger-key"));
        OpenSsh.Result refused = OpenSsh.run(append(OpenSsh.ssh(stranger, port, knownHosts), "cellgate:packs"), 60);
        assertEquals(refused.output(), 255, refused.status());
        assertTrue(refused.output(), refused.output().contains("Permission denied (publickey)"));
        assertFalse(refused.output(), refused.output().contains("pack1"));
        await("the refusal in the log", () -> output().contains("ssh: refused login from 127.0.0.1 as 'operator' "
                + "with key SHA256:"));
    }

    @Test
    public void ctrlCEndsWatchAndNeverTheGatewayAndCtrlDEndsTheSession() throws Exception {
        try (OpenSsh.Session shell = new OpenSsh.Session(OpenSsh.ssh(key, port, knownHosts))) {
            shell.await("the greeting", 0, s -> s.contains("cellgate:help lists the commands"));
            int before = shell.screen().length();
            shell.type("cellgate:watch pack1\r");
            shell.await("the watched cells", before, s -> s.contains("19-20"));
            shell.type(OpenSshKeys.CTRL_C);
            before = shell.screen().length();
            shell.type("cellgate:packs\r");
            shell.await("cellgate:packs after Ctrl-C", before, s -> s.contains("pack1         20 NCM"));
            assertTrue("Ctrl-C in the SSH shell leaves the gateway running", gateway.isAlive());
            shell.type(OpenSshKeys.CTRL_D);
            assertEquals(shell.screen(), 0, shell.awaitExit());
        }
        OpenSsh.Result after = OpenSsh.run(command("cellgate:packs"), 60);
        assertTrue("the gateway serves on after the session: " + after.output(), after.output().contains("pack1"));
        assertTrue(gateway.isAlive());
    }

    /** Keys typed into a terminal. */
    private static final class OpenSshKeys {
        static final String CTRL_C = "\u0003";
        static final String CTRL_D = "\u0004";
    }

    private static List<String> command(String commandLine) {
        return append(OpenSsh.ssh(key, port, knownHosts), commandLine);
    }

    private static List<String> append(List<String> cmd, String last) {
        cmd.add(last);
        return cmd;
    }

    private static String output() {
        try {
            return Files.readString(home.resolve("gateway.out"));
        } catch (IOException e) {
            return "";
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end || !gateway.isAlive()) {
                throw new AssertionError("waited in vain for " + what + "; the gateway printed:\n" + output());
            }
            Thread.sleep(100);
        }
    }
}
