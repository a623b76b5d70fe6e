package io.cellgate.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.Chemistry;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A passive board's bleed: the charge leaves one cell, arrives nowhere, and the ledger keeps it. */
class BleedTest {

    private static final double CAPACITY_AH = 2.5;
    private static final double CAPACITY_AS = CAPACITY_AH * 3600;

    @Test
    void aBledCellLosesExactlyITimesTAndNoOtherCellGainsIt() {
        SimPack pack = new SimPack(IdealPacks.identical(3, Chemistry.NCM, CAPACITY_AH, 0.5).build());
        Decision decision = new Decision(3);
        decision.setBleed(1, 0.11);
        double joules = 0;
        for (int s = 0; s < 3600; s++) {
            joules += 0.11 * pack.openCircuitVolts(1);
            pack.step(1.0, 0, decision);
        }
        assertEquals(0.5, pack.soc(0), 1e-15);
        assertEquals(0.5 - 0.11 * 3600 / CAPACITY_AS, pack.soc(1), 1e-13);
        assertEquals(0.5, pack.soc(2), 1e-15);
        assertEquals(0.11 * 3600, pack.ledger().bleedAs(1), 1e-9);
        assertEquals(0.11 * 3600, pack.ledger().bleedAs(), 1e-9);
        assertEquals(joules, pack.ledger().bleedJoules(), 1e-9);
        assertEquals(0, pack.ledger().movedAs(), 0);
        assertTrue(pack.conservationError() < 1e-12, "error " + pack.conservationError());
    }

    @Test
    void theBleedPassesR0SoTheBleedingCellReadsLow() {
        SimPack pack = new SimPack(IdealPacks.identical(2, Chemistry.NCM, CAPACITY_AH, 0.5).build());
        Decision decision = new Decision(2);
        decision.setBleed(0, 0.12);
        pack.step(1.0, 0, decision);
        double drop = pack.openCircuitVolts(0) - pack.terminalVolts(0);
        assertTrue(drop > pack.r0Ohms(0) * 0.12 * 0.999, "I·R0 drop while bleeding: " + drop + " V");
    }

    @Test
    void aStepWithoutBleedBleedsNothingAfterABleedingStep() {
        SimPack pack = new SimPack(IdealPacks.identical(2, Chemistry.LFP, CAPACITY_AH, 0.5).build());
        Decision decision = new Decision(2);
        decision.setBleed(0, 0.1);
        decision.setBleed(1, 0.1);
        pack.step(1.0, 0, decision);
        decision.reset();
        pack.step(1.0, 0, decision);
        assertEquals(0.2, pack.ledger().bleedAs(), 1e-12);
    }

    @Test
    void chargeIsConservedWithLoadPairsDrawAndBleed() {
        int cells = 12;
        SimPack pack = new SimPack(SimPackSpec.builder(cells, Chemistry.NCM, 3.0).initialSocDrawn(0.6, 0.05)
                .seed(3).build());
        SplittableRandom random = new SplittableRandom(11);
        Decision decision = new Decision(cells);
        decision.setBoardDrawAmps(0.005);
        for (int step = 0; step < 50_000; step++) {
            for (int k = 0; k < cells - 1; k++) {
                decision.setPair(k, random.nextBoolean() ? PairDirection.LOWER_TO_UPPER : PairDirection.UPPER_TO_LOWER,
                        random.nextDouble(0, 1));
            }
            for (int i = 0; i < cells; i++) {
                decision.setBleed(i, random.nextBoolean() ? random.nextDouble(0, 0.15) : 0);
            }
            pack.step(0.5, random.nextDouble(-2, 2), decision);
        }
        assertTrue(pack.ledger().bleedAs() > 1000, "the run bled real charge");
        assertTrue(pack.conservationError() < 1e-9, "relative conservation error " + pack.conservationError());
    }

    @Test
    void aBleedTogetherWithPairsTakesBoth() {
        SimPack pack = new SimPack(IdealPacks.identical(3, Chemistry.NCM, CAPACITY_AH, 0.5).balancerEfficiency(0.8)
                .build());
        Decision decision = new Decision(3);
        decision.setPair(0, PairDirection.LOWER_TO_UPPER, 0.5);
        decision.setBleed(2, 0.1);
        pack.step(3600, 0, decision);
        assertEquals(0.5 - 0.5 * 3600 / CAPACITY_AS, pack.soc(0), 1e-13);
        assertEquals(0.5 + 0.8 * 0.5 * 3600 / CAPACITY_AS, pack.soc(1), 1e-13);
        assertEquals(0.5 - 0.1 * 3600 / CAPACITY_AS, pack.soc(2), 1e-13);
        assertEquals(0.1 * 3600, pack.ledger().bleedAs(2), 1e-9);
    }

    @Test
    void aDecisionForAnotherPackIsRefusedBeforeAnythingMoves() {
        SimPack pack = new SimPack(IdealPacks.identical(2, Chemistry.NCM, CAPACITY_AH, 0.5).build());
        Decision wrongSize = new Decision(3);
        wrongSize.setBleed(0, 0.1);
        assertThrows(IllegalArgumentException.class, () -> pack.step(1.0, 0, wrongSize));
        assertEquals(0, pack.ledger().bleedAs(), 0);
        assertEquals(0, pack.timeSeconds(), 0);
    }
}
