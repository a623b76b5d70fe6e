package io.cellgate.api.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTypesTest {

    private static final PackDescription PACK = new PackDescription("p", 3, Chemistry.LFP);

    private static LedgerCounts counts(double in2, double out3, double bled1) {
        return new LedgerCounts(new double[] {0, in2, 0}, new double[] {0, 0, out3}, new double[] {bled1, 0, 0},
                new double[3], new double[2], new double[2]);
    }

    @Test
    void theCellWorkedHardestHandledTheMostChargeInOutAndBled() {
        assertEquals(2, counts(1, 1.5, 0).hardestWorkedCell());
        assertEquals(0, counts(1, 1, 2.5).hardestWorkedCell(), "a bleed is work too");
        assertEquals(1, counts(1, 1, 0).hardestWorkedCell(), "a tie names the lower cell");
        assertEquals(-1, LedgerCounts.zero(3).hardestWorkedCell(), "nothing moved, no cell named");
        assertEquals(3.5, counts(1, 1, 2.5).workCoulombs(0) + counts(1, 1, 2.5).workCoulombs(1));
    }

    @Test
    void countsAreCopiedAndNeedFourFiguresPerCellAndTwoPerPair() {
        double[] in = {0, 1, 0};
        LedgerCounts c = new LedgerCounts(in, new double[3], new double[3], new double[3], new double[2],
                new double[2]);
        in[1] = 99;
        assertEquals(1, c.inCoulombs(1), "the caller's array is not the ledger's");
        assertThrows(IllegalArgumentException.class, () -> new LedgerCounts(new double[3], new double[3],
                new double[3], new double[3], new double[3], new double[2]));
        assertEquals(counts(1, 2, 3), counts(1, 2, 3));
        assertFalse(counts(1, 2, 3).equals(counts(1, 2, 4)));
    }

    @Test
    void aSnapshotCountsItsPacksCellsAndKeepsAtMostSevenDays() {
        List<LedgerDay> eight = new ArrayList<>();
        for (int d = 0; d < 8; d++) {
            eight.add(new LedgerDay(LocalDate.of(2026, 1, 8 - d), LedgerCounts.zero(3)));
        }
        assertThrows(IllegalArgumentException.class,
                () -> new LedgerSnapshot(PACK, 0, LedgerCounts.zero(3), eight, PackCharge.NONE));
        assertEquals("the ledger of p must count its 3 cells", assertThrows(IllegalArgumentException.class,
                () -> new LedgerSnapshot(PACK, 0, LedgerCounts.zero(4), List.of(), PackCharge.NONE)).getMessage());
        LedgerSnapshot week = new LedgerSnapshot(PACK, 0, LedgerCounts.zero(3), eight.subList(0, 7), PackCharge.NONE);
        assertEquals(LocalDate.of(2026, 1, 8), week.latestDay().orElseThrow().date());
        assertTrue(new LedgerSnapshot(PACK, 0, LedgerCounts.zero(3), List.of(), PackCharge.NONE).latestDay().isEmpty());
    }

    @Test
    void aPackChargeIsMeasuredWhileTheLastTickHadACurrent() {
        assertFalse(PackCharge.NONE.measured());
        assertTrue(new PackCharge(0, 0, 1, 0.0).measured(), "0 A at rest is a measurement");
    }
}
