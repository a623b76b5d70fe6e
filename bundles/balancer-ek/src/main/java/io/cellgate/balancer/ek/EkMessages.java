package io.cellgate.balancer.ek;

import io.cellgate.api.balancer.CellMessages;
import java.math.BigDecimal;

/**
 * Every operator-facing message of one balancer, built once so that {@link EkBalancer#decide} allocates nothing.
 * Cells, pairs, boards and channels are numbered from 1 (cell 1 is index 0; pair 1 joins cells 1 and 2).
 *
 * @param invalidCell a cell without a valid reading: "Flashing: Bad battery contact"
 * @param belowRange a cell below the "Cell Voltage Working Range 3.0-4.5V"
 * @param aboveRange a cell above it
 * @param belowTemperature colder than "Working Temperature -20°C - +60°C"
 * @param aboveTemperature hotter than it
 * @param sizeMismatch a reading or decision of another cell count than the pack's
 * @param lowStrings the low-strings fault, or null when every board has all its strings wired
 * @param cascade the cascading warning, or null for a single board
 */
record EkMessages(CellMessages invalidCell, CellMessages belowRange, CellMessages aboveRange, String belowTemperature,
        String aboveTemperature, String sizeMismatch, String lowStrings, String cascade) {

    private static final String FLASHING_STOPPED = "; indicator flashing, its pairs stopped";

    static EkMessages of(EkProfile profile, EkLayout layout) {
        int cells = layout.cells();
        String range = volts(profile.minCellVolts()) + "-" + volts(profile.maxCellVolts()) + " V working range";
        String temperatureRange = " (" + plain(profile.minCelsius()) + " to " + plain(profile.maxCelsius())
                + " °C): all pairs stopped";
        return new EkMessages(
                CellMessages.of(cells, "no valid reading (bad contact, open wire, stale or not a number)"
                        + FLASHING_STOPPED),
                CellMessages.of(cells, "below the " + range + FLASHING_STOPPED),
                CellMessages.of(cells, "above the " + range + FLASHING_STOPPED),
                "temperature below the working range" + temperatureRange,
                "temperature above the working range" + temperatureRange,
                "reading or decision not sized for this pack of " + cells + " cells: fail-safe, nothing balances",
                layout.isLowStrings() ? lowStrings(layout) : null,
                layout.isCascaded() ? cascade(layout) : null);
    }

    private static String lowStrings(EkLayout layout) {
        int wired = layout.lastBoardCells();
        int strings = layout.strings();
        String open = wired + 1 == strings ? "channel " + strings + " open" : "channels " + (wired + 1) + "-"
                + strings + " open";
        return "low strings: board " + layout.boards() + " is a " + strings + "S board on " + wired
                + (wired == 1 ? " cell, " : " cells, ") + open + "; cell " + layout.cells()
                + " flashes and its pairs stop; not recommended by the datasheet";
    }

    private static String cascade(EkLayout layout) {
        StringBuilder pairs = new StringBuilder();
        for (int board = 1; board < layout.boards(); board++) {
            pairs.append(board == 1 ? "" : ", ").append(board * layout.strings());
        }
        boolean several = layout.boards() > 2;
        return "cascade: " + layout.boards() + " boards of " + layout.strings() + "S on " + layout.cells()
                + " cells, " + (several ? "pairs " : "pair ") + pairs + " between boards "
                + (several ? "are" : "is") + " not balanced; cascading is not recommended";
    }

    /** Volts with at least one decimal: 3.0, 4.5, 3.05. */
    private static String volts(double volts) {
        BigDecimal value = BigDecimal.valueOf(volts).stripTrailingZeros();
        return (value.scale() < 1 ? value.setScale(1) : value).toPlainString();
    }

    /** A number without trailing zeros: -20, 60, 12.5. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
