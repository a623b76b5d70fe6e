package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The balancing ledger in the running gateway: after the simulated pack has balanced for a while, the pairs that
 * balanced show charge moved (in the metrics, the shell and the file under data/), and a shutdown or a kill -9
 * keeps what was saved.
 */
public class InsightIT {

    private static final String PAIR_CHARGE = "cellgate_pair_balance_charge_coulombs_total";
    private static final String CELL_CHARGE = "cellgate_balance_charge_coulombs_total";
    private static final int CELLS = 20;

    private Path home;
    private Path ledgerFile;
    private int port;
    private PipedGateway gateway;

    @Before
    public void setUp() throws IOException {
        home = GatewayProcess.freshHome("insight");
        port = GatewayOptions.freePort();
        Path http = home.resolve("config/org.apache.felix.http.cfg");
        Files.writeString(http, Files.readString(http).replace("port=9464", "port=" + port));
        // a save every second, so that a kill -9 loses at most one second of the ledger
        Files.writeString(home.resolve("config/io.cellgate.insight.cfg"), "save.s=1\n");
        ledgerFile = home.resolve("data/insight/pack1.ledger");
    }

    @After
    public void tearDown() throws InterruptedException {
        if (gateway != null) {
            gateway.kill();
        }
    }

    @Test
    public void thePairsThatBalancedShowTheChargeTheyMovedAndARestartAndAKillKeepIt() throws Exception {
        gateway = start();
        gateway.command("sim:imbalance pack1 7 150"); // cell 7 150 mV high: pairs 6 and 7 balance it
        PromText balanced = awaitMetrics("charge moved out of cell 7",
                m -> m.value(CELL_CHARGE, "pack", "pack1", "cell", "7", "direction", "out") > 0);

        double moved = totalPairCharge(balanced);
        double in = 0;
        double out = 0;
        for (int c = 1; c <= CELLS; c++) {
            in += balanced.value(CELL_CHARGE, "pack", "pack1", "cell", String.valueOf(c), "direction", "in");
            out += balanced.value(CELL_CHARGE, "pack", "pack1", "cell", String.valueOf(c), "direction", "out");
        }
        assertEquals("what the pairs moved left their donors", moved, out, moved * 1e-9);
        assertEquals("and entered their receivers", moved, in, moved * 1e-9);
        for (int k = 1; k < CELLS; k++) {
            double active = balanced.value("cellgate_pair_balance_active_seconds_total", "pack", "pack1", "pair",
                    String.valueOf(k));
            double charge = balanced.value(PAIR_CHARGE, "pack", "pack1", "pair", String.valueOf(k));
            assertEquals("pair " + k + " moved charge exactly while active", active > 0, charge > 0);
        }
        assertFalse("the simulated pack's load is 0 A: measured, so counted, at zero",
                balanced.get("cellgate_pack_charge_coulombs_total", "pack", "pack1", "direction", "in") == null);

        String table = gateway.command("cellgate:insight pack1");
        assertTrue(table, table.contains("pack1: balancing ledger since "));
        assertTrue(table, table.contains("The balancer works hardest on cell "));
        assertTrue(table, table.contains("Pack current: 0.000 A (at rest)"));
        assertTrue(gateway.command("cellgate:insight --json pack1").contains("\"hardestWorkedCell\": "));
        double since = balanced.value("cellgate_balance_ledger_start_time_seconds", "pack", "pack1");

        // shutdown: the ledger is saved as the pack stops; the next start goes on from it
        double beforeStop = totalPairCharge(scrape());
        gateway.stop();
        gateway = start();
        PromText restarted = awaitMetrics("the ledger after the restart", m -> totalPairCharge(m) > 0);
        assertTrue("nothing lost over a shutdown", totalPairCharge(restarted) >= beforeStop);
        assertEquals("the same ledger, counting since the same moment", since,
                restarted.value("cellgate_balance_ledger_start_time_seconds", "pack", "pack1"), 0);

        // kill -9 once a save after this scrape is on the disk: the next start has at least that
        gateway.command("sim:imbalance pack1 12 150");
        double seen = totalPairCharge(scrape());
        gateway.await("a save of more than " + seen + " C", printed -> savedPairCharge() > seen);
        gateway.killNow();
        double saved = savedPairCharge();
        gateway = start();
        PromText afterKill = awaitMetrics("the ledger after the kill", m -> totalPairCharge(m) > 0);
        assertTrue("what was saved before the kill is kept: " + saved + " C",
                totalPairCharge(afterKill) >= saved);
    }

    private PipedGateway start() throws Exception {
        PipedGateway g = new PipedGateway(home);
        gateway = g; // at once, so that tearDown ends a start that fails
        g.await("pack1's first healthy tick", s -> s.contains("pack1: first healthy tick"));
        return g;
    }

    private PromText scrape() {
        return PromText.parse(GatewayProcess.get("http://127.0.0.1:" + port + "/metrics"));
    }

    private PromText awaitMetrics(String what, Predicate<PromText> shown) throws Exception {
        PromText[] last = new PromText[1];
        gateway.await(what, printed -> {
            PromText m = scrape();
            last[0] = m;
            return !m.named(PAIR_CHARGE).isEmpty() && shown.test(m);
        });
        return last[0];
    }

    private static double totalPairCharge(PromText metrics) {
        return metrics.named(PAIR_CHARGE).stream().filter(s -> "pack1".equals(s.labels().get("pack")))
                .mapToDouble(PromText.Sample::value).sum();
    }

    /** The charge of every pair in the ledger file's total, as docs/insight.md describes the file; 0 without one. */
    private double savedPairCharge() {
        try {
            List<String> lines = Files.readAllLines(ledgerFile);
            double sum = 0;
            for (String line : lines.subList(lines.indexOf("total") + 1, lines.size())) {
                if (line.startsWith("day ")) {
                    break;
                }
                if (line.startsWith("pair ")) {
                    sum += Double.parseDouble(line.split(" ")[2]);
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
