package io.cellgate.balancer.passive;

import io.cellgate.api.balancer.CellMessages;
import io.cellgate.api.pack.Chemistry;
import java.math.BigDecimal;

/**
 * Every operator-facing message of one passive balancer, built once so that {@link PassiveBalancer#decide} allocates
 * nothing.
 */
record PassiveMessages(CellMessages invalidCell, CellMessages aboveRange, CellMessages atOrBelowMinimum, String hot,
        String sizeMismatch) {

    static PassiveMessages of(PassiveProfile profile, Chemistry chemistry, int cells) {
        return new PassiveMessages(
                CellMessages.of(cells, "no valid reading (bad contact, open wire, stale or not a number); "
                        + "indicator flashing, never bled"),
                CellMessages.of(cells, "above " + plain(profile.maxCellVolts()) + " V; indicator flashing, never bled"),
                CellMessages.of(cells, "at or below the " + plain(profile.minCellVolts(chemistry))
                        + " V lower limit; indicator flashing, all bleeding stopped"),
                "temperature at or above " + plain(profile.maxCelsius()) + " °C: all bleeding stopped",
                "reading or decision not sized for this pack of " + cells + " cells: fail-safe, nothing bleeds");
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
