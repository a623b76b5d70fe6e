package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("\"Adapt Battery String 20S\"; \"Supports 2 to 24 battery strings\"")
class StringsTest {

    @Test
    void datasheetBoardIs20S_datasheet_adaptBatteryString20S() {
        assertEquals(20, EkProfile.DATASHEET.strings());
        Decision d = Bench.datasheet(20).tick(Bench.step(20, 18, 0.2));
        assertTrue(d.isBalancing(18), "pair 19, the top pair of a 20S board");
        assertTrue(d.faults().isEmpty());
        assertEquals(BoardState.ACTIVE, d.boardState());
    }

    @Test
    void onePackCellIsRejected_datasheet_2To24Strings() {
        assertThrows(IllegalArgumentException.class, () -> new PackDescription("p", 1, Chemistry.NCM));
    }

    @Test
    void twoCellsOnA2SBoardBalance_datasheet_2To24Strings() {
        Decision d = Bench.datasheetWithStrings(2, 2).tick(3.7, 3.9);
        assertTrue(d.isBalancing(0));
        assertTrue(d.faults().isEmpty());
    }

    @Test
    void twentyFourCellsOnA24SBoardAreOneBoard_datasheet_2To24Strings() {
        Decision d = Bench.datasheetWithStrings(24, 24).tick(Bench.step(24, 22, 0.2));
        assertTrue(d.isBalancing(22), "pair 23, the top pair");
        assertTrue(d.faults().isEmpty());
    }

    @Test
    void twentyFiveCellsOnA24SBoardCascade_datasheet_2To24Strings() {
        Decision d = Bench.datasheetWithStrings(24, 25).tick(Bench.step(25, 23, 0.2));
        assertFalse(d.isBalancing(23), "pair 24 joins the two boards");
        assertEquals(Indicator.FLASHING, d.indicator(24), "board 2 is a 24S board on one cell");
        Bench.assertFaulted(d,
                "low strings: board 2 is a 24S board on 1 cell, channels 2-24 open; cell 25 flashes and its pairs "
                        + "stop; not recommended by the datasheet",
                "cascade: 2 boards of 24S on 25 cells, pair 24 between boards is not balanced; cascading is not "
                        + "recommended");
    }

    @Test
    void profileRejects1And25Strings_datasheet_2To24Strings() {
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
                () -> Bench.withStrings(EkProfile.DATASHEET, 1));
        assertEquals("strings=1 is out of range: the EK series supports 2 to 24 strings", low.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Bench.withStrings(EkProfile.DATASHEET, 25));
        Bench.withStrings(EkProfile.DATASHEET, 2);
        Bench.withStrings(EkProfile.DATASHEET, 24);
    }
}
