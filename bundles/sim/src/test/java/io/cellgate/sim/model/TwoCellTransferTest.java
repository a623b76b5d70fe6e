package io.cellgate.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.Chemistry;
import org.junit.jupiter.api.Test;

/** Two identical cells, one pair at constant current: Δsoc = −I·t/C for the donor, +η·I·t/C for the receiver. */
class TwoCellTransferTest {

    private static final double CAPACITY_AH = 2.5;
    private static final double CAPACITY_AS = CAPACITY_AH * 3600;
    private static final double ETA = 0.85;

    /** Two identical cells at {@code soc}, with the class's capacity and balancer efficiency. */
    private static SimPack twoCells(Chemistry chemistry, double soc) {
        return new SimPack(IdealPacks.identical(2, chemistry, CAPACITY_AH, soc).balancerEfficiency(ETA).build());
    }

    /** The one pair of two cells balancing {@code direction} at {@code amps}. */
    private static Decision pairOf(PairDirection direction, double amps) {
        Decision decision = new Decision(2);
        decision.setPair(0, direction, amps);
        return decision;
    }

    @Test
    void lowerToUpperMatchesTheClosedForm() {
        SimPack pack = twoCells(Chemistry.NCM, 0.5);
        double amps = 0.75;
        Decision decision = pairOf(PairDirection.LOWER_TO_UPPER, amps);
        double seconds = 3600;
        for (int s = 0; s < 3600; s++) {
            pack.step(1.0, 0, decision);
        }
        assertEquals(seconds, pack.timeSeconds(), 0);
        assertEquals(0.5 - amps * seconds / CAPACITY_AS, pack.soc(0), 1e-13);
        assertEquals(0.5 + ETA * amps * seconds / CAPACITY_AS, pack.soc(1), 1e-13);
        assertEquals(amps * seconds, pack.ledger().pairMovedAs(0), 1e-9);
        assertEquals((1 - ETA) * amps * seconds, pack.ledger().conversionLossAs(), 1e-9);
        assertTrue(pack.conservationError() < 1e-12, "error " + pack.conservationError());
    }

    @Test
    void upperToLowerMatchesTheClosedForm() {
        SimPack pack = twoCells(Chemistry.LFP, 0.6);
        Decision decision = pairOf(PairDirection.UPPER_TO_LOWER, 1.0);
        for (int s = 0; s < 1800; s++) {
            pack.step(2.0, 0, decision);
        }
        double t = 3600;
        assertEquals(0.6 + ETA * t / CAPACITY_AS, pack.soc(0), 1e-13);
        assertEquals(0.6 - t / CAPACITY_AS, pack.soc(1), 1e-13);
    }

    @Test
    void aDonorReadsLowAndAReceiverHighWhileTheyBalance() {
        SimPack pack = twoCells(Chemistry.NCM, 0.5);
        Decision decision = pairOf(PairDirection.LOWER_TO_UPPER, 1.0);
        pack.step(0.001, 0, decision);
        double r0 = pack.r0Ohms(0);
        assertEquals(SimPackSpec.defaultDcResistanceOhms(CAPACITY_AH) * 0.4, r0, 1e-15);
        // a millisecond in: the RC pair has barely moved, R0 carries the step
        assertEquals(pack.openCircuitVolts(0) - r0 * 1.0 - pack.rcVolts(0), pack.terminalVolts(0), 1e-15);
        assertEquals(pack.openCircuitVolts(1) + r0 * ETA - pack.rcVolts(1), pack.terminalVolts(1), 1e-15);
        assertTrue(pack.terminalVolts(0) < pack.openCircuitVolts(0) - 0.011, "donor reads low");
        assertTrue(pack.terminalVolts(1) > pack.openCircuitVolts(1) + 0.010, "receiver reads high");
    }

    @Test
    void conversionLossEnergyIsTheLostChargeAtTheDonorsOcv() {
        SimPack pack = twoCells(Chemistry.NCM, 0.5);
        double donorOcv = pack.openCircuitVolts(1);
        Decision decision = pairOf(PairDirection.UPPER_TO_LOWER, 1.0);
        pack.step(1.0, 0, decision);
        assertEquals((1 - ETA) * 1.0 * donorOcv, pack.ledger().conversionLossJoules(), 1e-12);
    }
}
