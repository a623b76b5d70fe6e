package io.cellgate.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.Chemistry;
import org.junit.jupiter.api.Test;

/** A sleeping board draws its quiescent current from every cell of the string. */
class QuiescentDrainTest {

    private static final double QUIESCENT_AMPS = 10e-6; // EK-L20S1A datasheet: 10 µA
    private static final double DAY_SECONDS = 86_400;

    @Test
    void tenMicroampsForADayTakeExactly0_864AmpSecondsFromEveryCell() {
        for (double dt : new double[] {1.0, 60.0, 0.25}) {
            SimPack pack = new SimPack(IdealPacks.identical(20, Chemistry.LFP, 100, 0.5).build());
            Decision asleep = new Decision(20);
            asleep.setBoardDrawAmps(QUIESCENT_AMPS);
            long steps = Math.round(DAY_SECONDS / dt);
            for (long s = 0; s < steps; s++) {
                pack.step(dt, 0, asleep);
            }
            for (int i = 0; i < pack.cells(); i++) {
                assertEquals(0.864, pack.drawnAs(i), 1e-11, "cell " + i + " at dt=" + dt + " s");
                assertEquals(0.864, pack.ledger().chargeOutAs(i), 1e-11);
            }
            assertEquals(0.864, pack.ledger().boardDrawAs(), 1e-11);
            assertEquals(0.5 - 0.864 / (100 * 3600.0), pack.soc(7), 1e-15);
        }
    }
}
