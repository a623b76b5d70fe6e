package io.cellgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.balancer.Topology;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackReading;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void packDescriptionValidatesWithMessagesThatNameTheProperty() {
        assertEquals(19, new PackDescription("pack1", 20, Chemistry.NCM).pairs());
        assertEquals("cells=1 is out of range: a pack has 2 to 48 cells",
                assertThrows(IllegalArgumentException.class, () -> new PackDescription("p", 1, Chemistry.NCM))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PackDescription("p", 49, Chemistry.LFP))
                .getMessage().startsWith("cells=49"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PackDescription("a b", 4, Chemistry.LFP))
                .getMessage().startsWith("pack.id 'a b' is invalid"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PackDescription(null, 4, Chemistry.LFP))
                .getMessage().startsWith("pack.id"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PackDescription("p", 4, null))
                .getMessage().startsWith("chemistry is missing"));
    }

    @Test
    void packDescriptionsAreEqualByValue() {
        assertEquals(new PackDescription("p", 4, Chemistry.NCM), new PackDescription("p", 4, Chemistry.NCM));
        assertEquals(new PackDescription("p", 4, Chemistry.NCM).hashCode(),
                new PackDescription("p", 4, Chemistry.NCM).hashCode());
        assertNotEquals(new PackDescription("p", 4, Chemistry.NCM), new PackDescription("p", 4, Chemistry.LFP));
    }

    @Test
    void chemistryParsesCaseInsensitivelyAndNamesTheChoices() {
        assertEquals(Chemistry.LFP, Chemistry.parse(" lfp "));
        assertEquals("unknown chemistry 'XYZ': expected one of NCM, LFP",
                assertThrows(IllegalArgumentException.class, () -> Chemistry.parse("XYZ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Chemistry.parse(null));
        assertTrue(Chemistry.LFP.maxVolts() < Chemistry.NCM.maxVolts());
    }

    @Test
    void aReadingStartsStaleAndOnlyOkFiniteCellsAreValid() {
        PackReading r = new PackReading(3);
        assertFalse(r.isValid(0));
        assertEquals(CellStatus.STALE, r.status(2));
        r.set(0, 3.7, CellStatus.OK);
        r.set(1, Double.NaN, CellStatus.OK);
        r.set(2, 3.8, CellStatus.OPEN_WIRE);
        assertTrue(r.isValid(0));
        assertFalse(r.isValid(1));
        assertFalse(r.isValid(2));
        assertEquals(0, r.maxAdjacentSpreadVolts(), "no pair of two valid cells");
        assertThrows(IllegalArgumentException.class, () -> new PackReading(0));
    }

    @Test
    void maxAdjacentSpreadSkipsInvalidCells() {
        PackReading r = PackReading.of(3.70, 3.75, 3.60, 3.61);
        assertEquals(0.15, r.maxAdjacentSpreadVolts(), 1e-12);
        r.setStatus(2, CellStatus.OPEN_WIRE);
        assertEquals(0.05, r.maxAdjacentSpreadVolts(), 1e-12);
    }

    @Test
    void bothSpreadsAndEveryPairDeltaSkipInvalidCells() {
        PackReading r = PackReading.of(3.70, 3.75, 3.60, 3.61);
        assertEquals(0.05, r.deltaVolts(0), 1e-12, "upper minus lower");
        assertEquals(-0.15, r.deltaVolts(1), 1e-12);
        assertEquals(0.15, r.spreadVolts(), 1e-12, "3.75 - 3.60");
        r.setStatus(2, CellStatus.OPEN_WIRE);
        assertTrue(Double.isNaN(r.deltaVolts(1)), "absent across an open wire");
        assertTrue(Double.isNaN(r.deltaVolts(2)));
        assertEquals(0.14, r.spreadVolts(), 1e-12, "3.75 - 3.61: the open cell (3.60) does not count");
        assertEquals(0, PackReading.of(3.7).spreadVolts(), "one cell has no spread");
    }

    @Test
    void readingCopyRequiresTheSameSize() {
        PackReading a = PackReading.of(3.7, 3.8);
        PackReading b = new PackReading(2);
        b.copyFrom(a);
        assertEquals(3.8, b.volts(1));
        assertThrows(IllegalArgumentException.class, () -> new PackReading(3).copyFrom(a));
    }

    @Test
    void aReadingHasNoPackCurrentUntilASourceMeasuresOneAndACopyKeepsIt() {
        PackReading measured = PackReading.of(3.7, 3.8);
        assertFalse(measured.hasPackAmps(), "no current source: no current, not 0 A");
        assertTrue(Double.isNaN(measured.packAmps()));
        measured.setPackAmps(-12.5); // discharging at 12.5 A

        PackReading copy = new PackReading(2);
        copy.copyFrom(measured);
        assertTrue(copy.hasPackAmps());
        assertEquals(-12.5, copy.packAmps());
    }

    @Test
    void decisionRejectsNegativeOrInfiniteCurrents() {
        Decision d = new Decision(3);
        assertThrows(IllegalArgumentException.class, () -> d.setPair(0, PairDirection.LOWER_TO_UPPER, -0.1));
        assertThrows(IllegalArgumentException.class, () -> d.setPair(0, PairDirection.LOWER_TO_UPPER, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> d.setPair(0, PairDirection.LOWER_TO_UPPER, Double.POSITIVE_INFINITY));
        d.setPair(1, PairDirection.UPPER_TO_LOWER, 0.4);
        assertEquals(-0.4, d.signedAmps(1));
        d.setPair(1, PairDirection.UPPER_TO_LOWER, 0);
        assertFalse(d.isBalancing(1), "zero current is idle");
    }

    @Test
    void aBleedIsPerCellAndResetClearsIt() {
        Decision d = new Decision(3);
        d.setBleed(2, 0.12);
        assertTrue(d.isBleeding(2));
        assertEquals(1, d.bleedingCells());
        Decision copy = new Decision(3);
        copy.copyFrom(d);
        assertEquals(0.12, copy.bleedAmps(2));
        assertThrows(IllegalArgumentException.class, () -> d.setBleed(0, -0.1));
        assertThrows(IllegalArgumentException.class, () -> d.setBleed(0, Double.NaN));
        d.reset();
        assertEquals(0, d.bleedingCells());
    }

    @Test
    void failSafeTurnsEverythingOffAndFlashes() {
        Decision d = new Decision(4);
        d.setPair(0, PairDirection.LOWER_TO_UPPER, 1);
        d.setIndicator(0, Indicator.ON);
        d.failSafe("why");
        assertEquals(0, d.balancingPairs());
        assertEquals(Indicator.FLASHING, d.indicator(0));
        assertEquals(BoardState.FAULT, d.boardState());
        assertEquals(java.util.List.of("why"), d.faults());
        assertThrows(UnsupportedOperationException.class, () -> d.faults().add("x"));
    }

    @Test
    void pairDirectionsNameDonorAndReceiver() {
        assertEquals(3, PairDirection.LOWER_TO_UPPER.donor(3));
        assertEquals(4, PairDirection.LOWER_TO_UPPER.receiver(3));
        assertEquals(4, PairDirection.UPPER_TO_LOWER.donor(3));
        assertEquals(-1, PairDirection.IDLE.donor(3));
    }

    @Test
    void modelDescriptorValidatesAndQualifies() {
        ModelDescriptor d = new ModelDescriptor("M", "v", "V", 2, 24, Set.of(Chemistry.NCM), Topology.ADJACENT, 1.0,
                Map.of("trigger.volts", 0.1));
        assertEquals("M/v", d.qualifiedName());
        assertTrue(d.supports(24, Chemistry.NCM));
        assertFalse(d.supports(25, Chemistry.NCM));
        assertFalse(d.supports(4, Chemistry.LFP));
        assertEquals(0.1, d.parameter("trigger.volts"));
        assertTrue(Double.isNaN(d.parameter("nope")));
        assertThrows(IllegalArgumentException.class, () -> new ModelDescriptor("M", "v", "V", 1, 24,
                EnumSet.of(Chemistry.NCM), Topology.ADJACENT, 1.0, null));
        assertThrows(IllegalArgumentException.class, () -> new ModelDescriptor("M", "v", "V", 2, 24,
                EnumSet.noneOf(Chemistry.class), Topology.ADJACENT, 1.0, null));
        assertThrows(IllegalArgumentException.class, () -> new ModelDescriptor("M", "v", "V", 2, 24,
                EnumSet.of(Chemistry.NCM), Topology.ADJACENT, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new ModelDescriptor(" ", "v", "V", 2, 24,
                EnumSet.of(Chemistry.NCM), Topology.ADJACENT, 1, null));
    }

    @Test
    void modelDescriptorGivesTheReasonItRefusesAPack() {
        ModelDescriptor d = new ModelDescriptor("M", "v", "V", 2, 24, Set.of(Chemistry.NCM), Topology.ADJACENT, 1.0,
                null);
        PackDescription fits = new PackDescription("p1", 24, Chemistry.NCM);
        PackDescription tooLong = new PackDescription("p2", 25, Chemistry.NCM);
        assertTrue(d.unsupportedReason(fits).isEmpty());
        d.requireSupports(fits);
        String reason = d.unsupportedReason(tooLong).orElseThrow();
        assertEquals("M/v does not support pack p2 of 25 NCM cells: it takes 2 to 24 cells of [NCM]", reason);
        assertEquals(reason, assertThrows(IllegalArgumentException.class, () -> d.requireSupports(tooLong))
                .getMessage());
        assertTrue(d.unsupportedReason(new PackDescription("p3", 4, Chemistry.LFP)).orElseThrow().contains("4 LFP"));
    }
}
