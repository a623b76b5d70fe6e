package io.cellgate.balancer.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.api.balancer.Decision;

/** Compares two decisions field by field, exactly (currents bit for bit). */
final class DecisionSnapshot {

    private DecisionSnapshot() {
    }

    static void assertSame(Decision expected, Decision actual, String context) {
        for (int pair = 0; pair < expected.pairs(); pair++) {
            int p = pair;
            assertEquals(expected.direction(pair), actual.direction(pair), () -> context + ": pair " + (p + 1));
            assertEquals(Double.doubleToLongBits(expected.amps(pair)), Double.doubleToLongBits(actual.amps(pair)),
                    () -> context + ": current of pair " + (p + 1) + ", " + expected.amps(p) + " A vs "
                            + actual.amps(p) + " A");
        }
        for (int cell = 0; cell < expected.cells(); cell++) {
            int c = cell;
            assertEquals(expected.indicator(cell), actual.indicator(cell), () -> context + ": indicator of cell "
                    + (c + 1));
            assertEquals(Double.doubleToLongBits(expected.bleedAmps(cell)),
                    Double.doubleToLongBits(actual.bleedAmps(cell)), () -> context + ": bleed of cell " + (c + 1));
        }
        assertEquals(expected.boardState(), actual.boardState(), () -> context + ": board state");
        assertEquals(expected.boardDrawAmps(), actual.boardDrawAmps(), 0, () -> context + ": board draw");
        assertEquals(expected.faults(), actual.faults(), () -> context + ": faults");
    }
}
