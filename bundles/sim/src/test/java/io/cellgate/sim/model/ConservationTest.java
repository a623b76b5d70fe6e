package io.cellgate.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.Chemistry;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A long random run with load, balancing, board draw and self-discharge keeps every ampere-second. */
class ConservationTest {

    @Test
    void chargeIsConservedOverALongRandomRun() {
        int cells = 16;
        SimPack pack = new SimPack(SimPackSpec.builder(cells, Chemistry.LFP, 5.0)
                .initialSocDrawn(0.6, 0.05)
                .selfDischarge(3, 15.0)
                .seed(42)
                .build());
        Decision decision = new Decision(cells);
        SplittableRandom random = new SplittableRandom(7);
        double[] dtChoices = {0.1, 0.5, 1.0, 5.0};
        double dt = 1.0;
        for (int step = 0; step < 200_000; step++) {
            if (step % 1000 == 0) {
                dt = dtChoices[random.nextInt(dtChoices.length)];
            }
            decision.reset();
            for (int k = 0; k < cells - 1; k++) {
                int pick = random.nextInt(3);
                PairDirection dir = pick == 0 ? PairDirection.IDLE
                        : pick == 1 ? PairDirection.LOWER_TO_UPPER : PairDirection.UPPER_TO_LOWER;
                decision.setPair(k, dir, random.nextDouble());
            }
            decision.setBoardDrawAmps(random.nextBoolean() ? 10e-6 : 0.02);
            // charge and discharge around zero so the cells stay in range
            pack.step(dt, random.nextDouble(-2.0, 2.0), decision);
        }

        double error = pack.conservationError();
        assertTrue(error < 1e-9, "relative conservation error " + error);

        // the identity again, written out here rather than trusted to the ledger
        ChargeLedger ledger = pack.ledger();
        double sumChange = 0;
        double throughput = 0;
        for (int i = 0; i < cells; i++) {
            sumChange -= pack.drawnAs(i);
            throughput += ledger.chargeInAs(i) + ledger.chargeOutAs(i);
        }
        double eta = pack.spec().balancerEfficiency();
        double expected = -cells * ledger.loadAs() - cells * ledger.boardDrawAs() - ledger.selfDischargeAs()
                - ledger.movedAs() + eta * ledger.movedAs();
        assertTrue(throughput > 1e6, "the run moved real charge: " + throughput + " A·s");
        assertTrue(ledger.movedAs() > 1e5 && ledger.selfDischargeAs() > 0 && ledger.boardDrawAs() > 0);
        assertEquals(expected, sumChange, 1e-9 * throughput);
    }

    @Test
    void selfDischargeDrainsItsRatePerMonth() {
        SimPack pack = new SimPack(IdealPacks.identical(4, Chemistry.NCM, 2.5, 0.8)
                .selfDischarge(2.0)
                .selfDischarge(2, 10.0)
                .build());
        double month = CellParams.SECONDS_PER_MONTH;
        Decision idle = new Decision(4);
        for (int hour = 0; hour < month / 3600; hour++) {
            pack.step(3600, 0, idle);
        }
        assertEquals(0.8 - 0.02, pack.soc(0), 1e-12);
        assertEquals(0.8 - 0.10, pack.soc(2), 1e-12);
        // self-discharge is internal: it drains charge but passes no current through R0
        assertEquals(pack.openCircuitVolts(2), pack.terminalVolts(2), 1e-15);
        pack.selfDischarge(2, 0);
        double before = pack.soc(2);
        pack.step(3600, 0, idle);
        assertEquals(before, pack.soc(2), 0);
        assertTrue(pack.conservationError() < 1e-12);
    }
}
