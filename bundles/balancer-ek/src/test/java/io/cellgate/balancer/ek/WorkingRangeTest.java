package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.pack.CellStatus;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("\"Cell Voltage Working Range 3.0-4.5V\"; \"Flashing: Bad battery contact\"")
class WorkingRangeTest {

    private final Bench bench = Bench.datasheet(20);

    /** Cell 6 (index 5) at {@code volts}, the rest at 3.7 V, and pair 16 triggered far from it. */
    private Decision cell6At(double volts) {
        double[] v = Bench.step(20, 15, 0.2);
        v[5] = volts;
        return bench.tick(v);
    }

    @ParameterizedTest(name = "cell 6 at {0} V is {1} the range")
    @CsvSource({"2.999, below", "4.501, above"})
    void flashesJustOutside_datasheet_3_0To4_5V(double volts, String side) {
        Decision d = cell6At(volts);
        assertEquals(Indicator.FLASHING, d.indicator(5));
        assertFalse(d.isBalancing(4));
        assertFalse(d.isBalancing(5));
        assertEquals(BoardState.FAULT, d.boardState());
        assertEquals(List.of("cell 6: " + side + " the 3.0-4.5 V working range; indicator flashing, its pairs stopped"),
                d.faults());
    }

    @Test
    void worksAtExactly3_000V_datasheet_3_0To4_5V() {
        Decision d = cell6At(3.000);
        assertEquals(Indicator.ON, d.indicator(5), "0.7 V below its neighbours, inside the range: it balances");
        assertTrue(d.isBalancing(4));
        assertTrue(d.isBalancing(5));
        assertTrue(d.faults().isEmpty());
    }

    @Test
    void worksAtExactly4_500V_datasheet_3_0To4_5V() {
        Decision d = cell6At(4.500);
        assertTrue(d.isBalancing(4));
        assertTrue(d.faults().isEmpty());
    }

    @Test
    void otherPairsGoOnBesideAFlashingCell_datasheet_badBatteryContact() {
        Decision d = cell6At(2.5);
        assertTrue(d.isBalancing(15), "pair 16 is far from cell 6");
        assertEquals(Indicator.ON, d.indicator(15));
        assertEquals(BoardState.FAULT, d.boardState());
    }

    @ParameterizedTest
    @EnumSource(value = CellStatus.class, names = {"OPEN_WIRE", "STALE", "OUT_OF_RANGE"})
    void flashesOnABadReading_datasheet_flashingBadBatteryContact(CellStatus status) {
        bench.tick(Bench.step(20, 5, 0.2));
        bench.reading().setStatus(5, status);
        Decision d = bench.tick();
        assertEquals(Indicator.FLASHING, d.indicator(5));
        assertFalse(d.isBalancing(4));
        assertFalse(d.isBalancing(5), "a flashing cell's pair stops and forgets it was balancing");
        assertEquals(List.of("cell 6: no valid reading (bad contact, open wire, stale or not a number); "
                + "indicator flashing, its pairs stopped"), d.faults());
        bench.reading().setStatus(5, CellStatus.OK);
        assertTrue(bench.tick().isBalancing(5), "back with 0.2 V, above the trigger");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -3.7, 0, 1e300})
    void flashesOnANonsenseVoltage_datasheet_flashingBadBatteryContact(double volts) {
        Decision d = cell6At(volts);
        assertEquals(Indicator.FLASHING, d.indicator(5));
        assertFalse(d.isBalancing(4));
        assertFalse(d.isBalancing(5));
        assertTrue(d.isBalancing(15));
    }

    @Test
    void reenteringPairNeedsTheTriggerAgain_datasheet_hysteresis() {
        bench.tick(Bench.step(20, 5, 0.2));
        double[] v = Bench.step(20, 5, 0.06);
        v[5] = 2.9;
        assertFalse(bench.tick(v).isBalancing(5));
        assertFalse(bench.tick(Bench.step(20, 5, 0.06)).isBalancing(5), "0.06 V is below the trigger");
    }
}
