package io.cellgate.balancer.passive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackReading;
import io.cellgate.sim.model.SimPack;
import io.cellgate.sim.model.SimPackSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The physics of bleeding: the balancer's decision, bleeds and all, drives the simulator
 * ({@link SimPack#step(double, double, Decision)}), a tick a second.
 */
@DisplayName("on the simulator, bleeding brings the high cell down to the lowest and the ledger keeps the heat")
class BleedOnTheSimulatorTest {

    /** Runs until the board is idle with nothing flashing, or {@code maxSeconds}; returns the pack. */
    private static SimPack run(PassiveProfile profile, Chemistry chemistry, double[] initialVolts, int maxSeconds,
            double[] idleAtSeconds) {
        int cells = initialVolts.length;
        SimPack pack = new SimPack(SimPackSpec.builder(cells, chemistry, 2.5).initialVolts(initialVolts).seed(1)
                .build());
        PassiveBalancer balancer = (PassiveBalancer) new PassiveModel(profile, "sim")
                .create(new PackDescription("sim", cells, chemistry));
        PackReading reading = new PackReading(cells);
        Decision decision = new Decision(cells);
        for (int t = 0; t < maxSeconds; t++) {
            pack.read(reading);
            decision.reset();
            balancer.decide(reading, decision);
            if (decision.bleedingCells() == 0 && t > 0) {
                idleAtSeconds[0] = t;
                return pack;
            }
            pack.step(1.0, 0, decision);
        }
        idleAtSeconds[0] = Double.NaN;
        return pack;
    }

    private static double spread(SimPack pack) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int cell = 0; cell < pack.cells(); cell++) {
            max = Math.max(max, pack.openCircuitVolts(cell));
            min = Math.min(min, pack.openCircuitVolts(cell));
        }
        return max - min;
    }

    @Test
    void libreSolarBleedsA50mVCellDownToWithin10mV() {
        double[] idleAt = new double[1];
        SimPack pack = run(PassiveProfile.LIBRESOLAR, Chemistry.NCM, Bench.raised(16, 3.90, 7, 0.050), 86400, idleAt);
        assertTrue(!Double.isNaN(idleAt[0]), "the board went idle within a day");
        // the board stops on terminal voltages: the bled cell reads low by its bleed current through its DC
        // resistance (0.12 A x 30 mOhm = 3.6 mV), so its open-circuit voltage stops that much above 10 mV. That is
        // why Libre Solar balances only after the pack has rested (bal_idle_delay).
        assertTrue(spread(pack) <= 0.010 + 0.12 * 0.030 + 0.0005, "open-circuit spread " + spread(pack) + " V");
        assertTrue(pack.ledger().bleedAs(7) > 0, "cell 8 was bled");
        assertEquals(pack.ledger().bleedAs(7), pack.ledger().bleedAs(), 1e-9, "only cell 8 was bled");
        assertTrue(pack.ledger().bleedJoules() > 3.9 * pack.ledger().bleedAs(), "heat at about the cell's voltage");
        assertTrue(pack.conservationError() < 1e-12);
    }

    @Test
    void foxbmsBleedsA500mVCellDownTo200mVAboveTheLowest() {
        double[] idleAt = new double[1];
        SimPack pack = run(PassiveProfile.FOXBMS, Chemistry.NCM, Bench.raised(12, 3.65, 3, 0.500), 7 * 86400, idleAt);
        assertTrue(!Double.isNaN(idleAt[0]), "the board went idle within a week");
        double spread = spread(pack);
        assertTrue(spread <= 0.200 + 0.126 * 0.030 + 0.0005 && spread > 0.15, "stops at the 200 mV threshold "
                + "(plus the bled cell's I x R drop): open-circuit spread " + spread + " V");
        assertTrue(pack.conservationError() < 1e-12);
    }
}
