package io.cellgate.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import org.junit.jupiter.api.Test;

class PackViewTest {

    @Test
    void aViewShowsThePackCurrentOfItsReadingOrNone() {
        PackStateBuffer state = new PackStateBuffer(new PackDescription("p", 2, Chemistry.NCM));
        assertTrue(Double.isNaN(PackView.of(state).packAmps()), "no current source");
        state.reading().setPackAmps(-3.25);
        PackView discharging = PackView.of(state);
        state.reading().setPackAmps(1.0);
        assertEquals(-3.25, discharging.packAmps(), "kept when the state moves on");
    }

    @Test
    void aViewShowsEveryDerivedFigureOnceAndKeepsItWhenTheStateMovesOn() {
        PackStateBuffer state = new PackStateBuffer(new PackDescription("p", 4, Chemistry.NCM))
                .setTick(7).setTimeMillis(1_000);
        for (int c = 0; c < 4; c++) {
            state.reading().set(c, 3.70, CellStatus.OK);
        }
        state.reading().set(1, 3.80, CellStatus.OK);
        state.reading().set(3, 3.10, CellStatus.OPEN_WIRE);
        state.decision().setPair(0, PairDirection.UPPER_TO_LOWER, 0.5);
        state.decision().setBleed(2, 0.1);
        state.decision().setIndicator(3, Indicator.FLASHING);
        state.decision().addFault("cell 4 open");

        PackView v = PackView.of(state);
        state.reading().set(1, 3.70, CellStatus.OK);
        state.decision().reset();

        assertEquals(7, v.tick());
        assertEquals(1_000, v.timeMillis());
        assertEquals(3.80, v.volts(1));
        assertEquals(0.10, v.deltaVolts(0), 1e-12, "upper minus lower");
        assertEquals(-0.10, v.deltaVolts(1), 1e-12);
        assertFalse(v.hasDeltaVolts(2), "cell 4 is open: no ΔV across pair 3");
        assertEquals("2->1", v.directionLabel(0));
        assertEquals("idle", v.directionLabel(1));
        assertEquals(-0.5, v.signedAmps(0), "from the upper cell to the lower: negative");
        assertEquals(0.5, v.amps(0));
        assertEquals(0.1, v.bleedAmps(2));
        assertEquals(Indicator.FLASHING, v.indicator(3));
        assertEquals(0.10, v.spreadVolts(), 1e-12, "highest minus lowest valid cell");
        assertEquals(0.10, v.maxAdjacentDeltaVolts(), 1e-12);
        assertEquals(1, v.balancingPairs());
        assertEquals(1, v.bleedingCells());
        assertEquals(java.util.List.of("cell 4 open"), v.faults());
        assertTrue(v.isValid(0) && !v.isValid(3));
        assertThrows(UnsupportedOperationException.class, () -> v.faults().add("x"));
    }
}
