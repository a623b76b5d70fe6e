package io.cellgate.balancer.passive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackReading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A passive board never bleeds a cell it cannot trust, nor measures the pack against one")
class SafetyTest {

    private final Bench b = Bench.of(PassiveProfile.LIBRESOLAR, Chemistry.NCM, 6);

    @Test
    void anInvalidCellFlashesIsNeverBledAndIsNotTheReference() {
        PackReading r = PackReading.of(3.90, 3.90, 3.95, 3.90, 3.90, 3.90);
        r.set(4, 1.0, CellStatus.OPEN_WIRE);
        b.tick(r);
        assertEquals(Indicator.FLASHING, b.decision.indicator(4));
        assertFalse(b.bleeds(4));
        assertTrue(b.bleeds(2), "measured against 3.90 V, not against the open wire's 1.0 V");
        assertEquals(1, b.bleedingCells());
        assertEquals(BoardState.FAULT, b.decision.boardState());
    }

    @Test
    void aNotANumberCellFlashesAndIsNeverBled() {
        b.tick(3.90, Double.NaN, 3.95, 3.90, Double.POSITIVE_INFINITY, 3.90);
        assertEquals(Indicator.FLASHING, b.decision.indicator(1));
        assertEquals(Indicator.FLASHING, b.decision.indicator(4));
        assertTrue(b.bleeds(2));
        assertEquals(1, b.bleedingCells());
    }

    @Test
    void aCellAbove4_5VFlashesAndIsNeverBled_libresolar_isl94202CbMax() {
        b.tick(3.90, 3.90, 4.501, 3.95, 3.90, 3.90);
        assertEquals(Indicator.FLASHING, b.decision.indicator(2));
        assertFalse(b.bleeds(2));
        assertTrue(b.bleeds(3));
    }

    @Test
    void aNegativeReadingIsTheLowestAndStopsEverything() {
        b.tick(3.90, 3.90, 3.95, -0.5, 3.90, 3.90);
        assertEquals(0, b.bleedingCells());
        assertEquals(Indicator.FLASHING, b.decision.indicator(3));
    }

    @Test
    void aBleedIsInTheDecisionForTheOutputsToDrive() {
        b.tick(3.90, 3.90, 3.95, 3.90, 3.90, 3.90);
        assertTrue(b.decision.isBleeding(2));
        assertEquals(1, b.decision.bleedingCells());
        assertTrue(b.decision.faults().isEmpty());
        assertEquals(BoardState.ACTIVE, b.decision.boardState());
        assertEquals(0, b.decision.balancingPairs(), "a bleed is no pair transfer");
        b.tick(3.90, 3.90, 3.90, 3.90, 3.90, 3.90);
        assertTrue(b.decision.faults().isEmpty());
        assertEquals(BoardState.SLEEP, b.decision.boardState());
    }

    @Test
    void aWrongSizedReadingGivesTheFailSafeDecision() {
        Decision d = new Decision(6);
        b.balancer.decide(PackReading.of(3.9, 3.9, 3.9), d);
        assertEquals(BoardState.FAULT, d.boardState());
        assertEquals(Indicator.FLASHING, d.indicator(0));
        assertEquals(0, b.bleedingCells());
    }
}
