package io.cellgate.balancer.passive;

import io.cellgate.api.pack.Chemistry;
import java.math.BigDecimal;

/**
 * Every operator-facing message of one passive balancer, built once so that {@link PassiveBalancer#decide} allocates
 * nothing. Cells are numbered from 1.
 */
final class PassiveMessages {

    private final String[] invalidCell;
    private final String[] aboveRange;
    private final String[] atOrBelowMinimum;
    private final String hot;
    private final String sizeMismatch;

    PassiveMessages(PassiveProfile profile, Chemistry chemistry, int cells) {
        invalidCell = new String[cells];
        aboveRange = new String[cells];
        atOrBelowMinimum = new String[cells];
        for (int cell = 0; cell < cells; cell++) {
            String name = "cell " + (cell + 1) + ": ";
            invalidCell[cell] = name + "no valid reading (bad contact, open wire, stale or not a number); "
                    + "indicator flashing, never bled";
            aboveRange[cell] = name + "above " + plain(profile.maxCellVolts()) + " V; indicator flashing, never bled";
            atOrBelowMinimum[cell] = name + "at or below the " + plain(profile.minCellVolts(chemistry))
                    + " V lower limit; indicator flashing, all bleeding stopped";
        }
        hot = "temperature at or above " + plain(profile.maxCelsius()) + " °C: all bleeding stopped";
        sizeMismatch = "reading or decision not sized for this pack of " + cells + " cells: fail-safe, nothing bleeds";
    }

    String invalidCell(int cell) {
        return invalidCell[cell];
    }

    String aboveRange(int cell) {
        return aboveRange[cell];
    }

    String atOrBelowMinimum(int cell) {
        return atOrBelowMinimum[cell];
    }

    String hot() {
        return hot;
    }

    String sizeMismatch() {
        return sizeMismatch;
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
