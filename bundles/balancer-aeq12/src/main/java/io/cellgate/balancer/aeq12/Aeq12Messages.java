package io.cellgate.balancer.aeq12;

import io.cellgate.api.balancer.CellMessages;
import java.math.BigDecimal;

/** Every operator message of one balancer, built once so that decide allocates nothing. */
record Aeq12Messages(CellMessages invalidCell, CellMessages outOfRange, String sizeMismatch) {

    private static final String FLASHING = "; indicator flashing (\"the string is dropped, or the circuit is faulty\"), "
            + "its pairs stopped";

    static Aeq12Messages of(Aeq12Profile profile, int cells) {
        String range = plain(profile.minCellVolts()) + "-" + plain(profile.maxCellVolts()) + " V working voltage";
        return new Aeq12Messages(CellMessages.of(cells, "no valid reading" + FLASHING),
                CellMessages.of(cells, "outside the " + range + FLASHING),
                "reading or decision not sized for this pack of " + cells + " cells: fail-safe, nothing balances");
    }

    private static String plain(double value) {
        BigDecimal v = BigDecimal.valueOf(value).stripTrailingZeros();
        return (v.scale() < 1 ? v.setScale(1) : v).toPlainString();
    }
}
