package io.cellgate.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * gateway.jar as an operator starts it, a separate process in a folder holding a copy of {@code config/}: what it
 * prints from start to stop, the folders it makes, the port it serves on.
 */
public class GatewayStartIT {

    private static final int DEFAULT_HTTP_PORT = 9464;
    private static final long TIMEOUT_MS = 60_000;

    private Path home;
    private Path out;
    private Process gateway;
    private ServerSocket squatter;

    @Before
    public void setUp() throws IOException {
        home = GatewayProcess.freshHome("gateway-start");
        out = home.resolve("gateway.out");
    }

    @After
    public void tearDown() throws Exception {
        GatewayProcess.end(gateway);
        if (squatter != null) {
            squatter.close();
        }
    }

    @Test
    public void startsCleanOnItsConfiguredPortWhileTheDefaultOneIsTakenAndPicksUpAPluginFromDeploy()
            throws Exception {
        squatter = takeDefaultPort();
        int port = GatewayOptions.freePort();
        Path httpCfg = home.resolve("config/org.apache.felix.http.cfg");
        Files.writeString(httpCfg, Files.readString(httpCfg).replace("port=" + DEFAULT_HTTP_PORT, "port=" + port));

        gateway = GatewayProcess.start(home, out, ProcessBuilder.Redirect.from(new File("/dev/null")));

        await("pack1's first healthy tick", () -> output().contains("pack1: first healthy tick"));
        await("/metrics on port " + port, () -> scrape(port).contains("cellgate_cell_voltage_volts{pack=\"pack1\""));
        assertTrue("deploy/ is made at the first start", Files.isDirectory(home.resolve("deploy")));

        Path plugin = home.resolve("plugin.jar.tmp");
        GatewayProcess.writeBundle(plugin, "io.cellgate.itests.plugin", "1.2.3");
        Files.move(plugin, home.resolve("deploy/plugin.jar"), StandardCopyOption.ATOMIC_MOVE);
        await("the plugin to be logged", () -> output().contains(
                "plugin io.cellgate.itests.plugin 1.2.3 installed from deploy/plugin.jar"));
        // SIGTERM while FileInstall is still starting the bundle would make Felix refuse to stop it: wait until it runs
        await("the plugin to be started", () -> output().contains(
                "plugin io.cellgate.itests.plugin 1.2.3 started from deploy/plugin.jar"));

        gateway.destroy(); // SIGTERM, as systemd stops it
        assertTrue("stopped within 30 s", gateway.waitFor(30, TimeUnit.SECONDS));
        String printed = output();
        // "fault:" included: pack1 starting before its simulated pack is no fault, within its start-up grace
        for (String unwanted : List.of("ERROR", "BindException", "NullPointerException", "Exception",
                "does not exist", "fault:")) {
            assertFalse("the gateway printed " + unwanted + ":\n" + printed, printed.contains(unwanted));
        }
    }

    /** Holds the default HTTP port; if another program holds it already, it is taken all the same. */
    private static ServerSocket takeDefaultPort() throws IOException {
        try {
            return new ServerSocket(DEFAULT_HTTP_PORT, 1, InetAddress.getLoopbackAddress());
        } catch (BindException alreadyTaken) {
            return null;
        }
    }

    private String output() {
        try {
            return Files.readString(out);
        } catch (IOException e) {
            return "";
        }
    }

    private static String scrape(int port) {
        return GatewayProcess.get("http://127.0.0.1:" + port + "/metrics");
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end || !gateway.isAlive()) {
                throw new AssertionError("waited in vain for " + what + "; the gateway printed:\n" + output());
            }
            Thread.sleep(100);
        }
    }
}
