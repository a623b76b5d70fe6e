package io.cellgate.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Indicator;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every scenario shipped in config/scenarios runs, with the outcome it is there to show. */
class ShippedScenariosTest {

    private static final Path DIR = Path.of("../../config/scenarios");

    private static ScenarioResult run(String file) throws IOException {
        Scenario s = Scenario.read(DIR.resolve(file));
        ScenarioResult r = ScenarioRunner.run(s, Models.resolve(s));
        System.out.printf("%s: balanced at %s s, final spread %.1f mV, moved %s Ah, lost %.4f Wh%n", file,
                r.balancedAtSeconds(), r.finalSpreadVolts() * 1000,
                java.util.Arrays.toString(r.pairChargeMovedAh()), r.energyLostWh());
        assertTrue(Math.abs(r.conservationError()) < 1e-9, "charge is conserved: " + r.conservationError());
        return r;
    }

    @Test
    void ncm20sWith300mVSpreadStopsBelowTheTriggerButIsNotBalancedAndTheBoardNeverSleeps() throws IOException {
        ScenarioResult r = run("20s-ncm-300mv.json");
        ResultDetails d = r.details();
        assertNotNull(d.boardIdleAtSeconds(), "the board has nothing left to do after a while");
        assertTrue(r.finalSpreadVolts() <= 0.100, "no pair is left above the 100 mV trigger");
        assertNull(r.balancedAtSeconds(), "but pairs between 30 and 100 mV stay: not balanced by its 30 mV stop");
        assertTrue(d.boards().get(0).finalVolts() > 0.030);
        assertEquals(0, d.asleepSeconds(), "a pair above 30 mV keeps the board from sleeping");
        assertEquals(86400, d.awakeSeconds(), 1e-9);
        assertTrue(d.boardEnergyWh() > 0);
        assertTrue(d.warnings().stream().anyMatch(w -> w.startsWith("the board never slept")), d.warnings().toString());
        assertTrue(d.warnings().stream().anyMatch(w -> w.startsWith("not balanced: board 1")), d.warnings().toString());
        assertTrue(r.pairChargeMovedAh()[5] > 0 && r.pairChargeMovedAh()[6] > 0,
                "the 3.96 V cell 7 gives to both neighbours");
        assertTrue(r.energyLostWh() > 0);
    }

    @Test
    void lfp16sTopOfChargeImbalanceIsReducedByTheLfpVariant() throws IOException {
        ScenarioResult r = run("16s-lfp-top.json");
        double first = r.spread().get(0).volts();
        assertTrue(r.finalSpreadVolts() < first, "spread shrinks: " + first + " -> " + r.finalSpreadVolts());
        assertTrue(r.finalSpreadVolts() <= 0.040, "every pair below the LFP variant's 40 mV trigger");
        assertEquals("EK-L20S1A/lfp", r.balancer());
    }

    @Test
    void aBadContactFlashesItsCellForTheHourAndTheRestBalances() throws IOException {
        ScenarioResult r = run("bad-contact.json");
        assertTrue(r.indicators().stream().anyMatch(c -> c.cell() == 7 && c.state() == Indicator.FLASHING
                && c.atSeconds() == 600), "cell 7 flashes when its wire opens");
        assertTrue(r.indicators().stream().anyMatch(c -> c.cell() == 7 && c.state() != Indicator.FLASHING
                && c.atSeconds() == 4200), "and stops flashing when it is reconnected");
        assertNotNull(r.details().boardIdleAtSeconds(), "the board stops in the end");
        assertTrue(r.details().boardIdleAtSeconds() > 4200);
        assertNull(r.balancedAtSeconds(), "with pairs left between 30 and 100 mV");
        assertTrue(r.pairs().stream().noneMatch(c -> (c.pair() == 6 || c.pair() == 7) && c.atSeconds() >= 600
                && c.atSeconds() < 4200 && c.direction() != io.cellgate.api.balancer.PairDirection.IDLE),
                "the pairs of cell 7 stay idle while it is disconnected: " + r.pairs());
        assertTrue(r.pairs().stream().anyMatch(c -> c.pair() == 6 && c.atSeconds() == 0 && c.amps() > 0),
                "the pair timeline records when pair 6 starts and at what current");
    }

    @Test
    void aCascaded40sPackNeverBalancesThePairBetweenTheBoards() throws IOException {
        ScenarioResult r = run("40s-cascade.json");
        assertEquals(0.0, r.pairChargeMovedAh()[19], "pair 20 joins the two boards: no board owns it");
        assertTrue(r.pairChargeMovedAh()[8] > 0 && r.pairChargeMovedAh()[24] > 0,
                "each board balances its own outliers (cells 10 and 26)");
        assertTrue(r.finalSpreadVolts() >= 0.100, "the 150 mV between the boards stays: " + r.finalSpreadVolts());
        ResultDetails d = r.details();
        assertEquals(2, d.boards().size());
        assertEquals(1, d.boardGaps().size());
        assertEquals(20, d.boardGaps().get(0).pair());
        assertTrue(d.boardGaps().get(0).finalVolts() > 0.140, "the gap is reported: " + d.boardGaps());
        assertNull(r.balancedAtSeconds(), "never balanced: " + d.boards());
        assertTrue(d.warnings().stream().anyMatch(w -> w.startsWith("cascade gap: pair 20")), d.warnings().toString());
    }

    @Test
    void theSameFileGivesTheSameResult() throws IOException {
        assertEquals(run("bad-contact.json").toJson(), run("bad-contact.json").toJson());
    }
}
