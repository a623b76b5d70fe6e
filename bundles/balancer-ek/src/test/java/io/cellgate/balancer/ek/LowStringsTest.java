package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("\"The inductance balancing board is not recommended for use with low strings. The indicator light "
        + "will flash and an error message will appear.\"")
class LowStringsTest {

    private static final String SIXTEEN_ON_20S = "low strings: board 1 is a 20S board on 16 cells, channels 17-20 "
            + "open; cell 16 flashes and its pairs stop; not recommended by the datasheet";

    @Test
    void topCellFlashesWithAnErrorMessage_datasheet_lowStringsFlash() {
        Decision d = Bench.datasheet(16).tick(Bench.flat(16, 3.7));
        assertEquals(Indicator.FLASHING, d.indicator(15));
        for (int cell = 0; cell < 15; cell++) {
            assertEquals(Indicator.OFF, d.indicator(cell));
        }
        assertEquals(BoardState.FAULT, d.boardState());
        assertEquals(List.of(SIXTEEN_ON_20S), d.faults());
    }

    @Test
    void topPairStopsOthersGoOn_decision_lowStrings() {
        Bench bench = Bench.datasheet(16);
        double[] v = Bench.step(16, 14, 0.2);
        v[3] = 3.9;
        Decision d = bench.tick(v);
        assertFalse(d.isBalancing(14), "pair 15 touches the flashing cell 16");
        assertTrue(d.isBalancing(2));
        assertTrue(d.isBalancing(3));
    }

    @Test
    void twoCellsOnThe20SBoardCannotBalance_datasheet_lowStrings() {
        Decision d = Bench.datasheet(2).tick(3.7, 3.9);
        assertFalse(d.isBalancing(0));
        assertEquals(List.of("low strings: board 1 is a 20S board on 2 cells, channels 3-20 open; cell 2 flashes "
                + "and its pairs stop; not recommended by the datasheet"), d.faults());
    }

    @Test
    void nineteenCellsLeaveOneChannelOpen_decision_lowStrings() {
        Decision d = Bench.datasheet(19).tick(Bench.flat(19, 3.7));
        assertEquals(List.of("low strings: board 1 is a 20S board on 19 cells, channel 20 open; cell 19 flashes "
                + "and its pairs stop; not recommended by the datasheet"), d.faults());
    }

    @Test
    void lastBoardOfACascadeCanBeLow_decision_30CellsOn2x20S() {
        Decision d = Bench.datasheet(30).tick(Bench.step(30, 10, 0.2));
        assertTrue(d.isBalancing(10), "pair 11 belongs to board 1");
        assertEquals(Indicator.FLASHING, d.indicator(29));
        Bench.assertFaulted(d,
                "low strings: board 2 is a 20S board on 10 cells, channels 11-20 open; cell 30 flashes and its "
                        + "pairs stop; not recommended by the datasheet",
                "cascade: 2 boards of 20S on 30 cells, pair 20 between boards is not balanced; cascading is not "
                        + "recommended");
    }
}
