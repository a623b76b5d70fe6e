package io.cellgate.balancer.aeq12;

import java.math.BigDecimal;

/** Every operator message of one balancer, built once so that decide allocates nothing. Cells numbered from 1. */
final class Aeq12Messages {

    private static final String FLASHING = "; indicator flashing (\"the string is dropped, or the circuit is faulty\"), "
            + "its pairs stopped";

    private final String[] invalidCell;
    private final String[] outOfRange;
    private final String sizeMismatch;

    Aeq12Messages(Aeq12Profile profile, int cells) {
        invalidCell = new String[cells];
        outOfRange = new String[cells];
        String range = plain(profile.minCellVolts()) + "-" + plain(profile.maxCellVolts()) + " V working voltage";
        for (int cell = 0; cell < cells; cell++) {
            invalidCell[cell] = "cell " + (cell + 1) + ": no valid reading" + FLASHING;
            outOfRange[cell] = "cell " + (cell + 1) + ": outside the " + range + FLASHING;
        }
        sizeMismatch = "reading or decision not sized for this pack of " + cells + " cells: fail-safe, nothing balances";
    }

    String invalidCell(int cell) {
        return invalidCell[cell];
    }

    String outOfRange(int cell) {
        return outOfRange[cell];
    }

    String sizeMismatch() {
        return sizeMismatch;
    }

    private static String plain(double value) {
        BigDecimal v = BigDecimal.valueOf(value).stripTrailingZeros();
        return (v.scale() < 1 ? v.setScale(1) : v).toPlainString();
    }
}
