package io.cellgate.balancer.ek;

import java.math.BigDecimal;

/**
 * Every operator-facing message of one balancer, built once so that {@link EkBalancer#decide} allocates nothing.
 * Cells, pairs, boards and channels are numbered from 1 (cell 1 is index 0; pair 1 joins cells 1 and 2).
 */
final class EkMessages {

    private static final String FLASHING_STOPPED = "; indicator flashing, its pairs stopped";

    private final String[] invalidCell;
    private final String[] belowRange;
    private final String[] aboveRange;
    private final String belowTemperature;
    private final String aboveTemperature;
    private final String sizeMismatch;
    private final String lowStrings;
    private final String cascade;

    EkMessages(EkProfile profile, EkLayout layout) {
        int cells = layout.cells();
        String range = volts(profile.minCellVolts()) + "-" + volts(profile.maxCellVolts()) + " V working range";
        invalidCell = new String[cells];
        belowRange = new String[cells];
        aboveRange = new String[cells];
        for (int cell = 0; cell < cells; cell++) {
            String name = "cell " + (cell + 1) + ": ";
            invalidCell[cell] = name + "no valid reading (bad contact, open wire, stale or not a number)"
                    + FLASHING_STOPPED;
            belowRange[cell] = name + "below the " + range + FLASHING_STOPPED;
            aboveRange[cell] = name + "above the " + range + FLASHING_STOPPED;
        }
        String temperatureRange = " (" + plain(profile.minCelsius()) + " to " + plain(profile.maxCelsius())
                + " °C): all pairs stopped";
        belowTemperature = "temperature below the working range" + temperatureRange;
        aboveTemperature = "temperature above the working range" + temperatureRange;
        sizeMismatch = "reading or decision not sized for this pack of " + cells
                + " cells: fail-safe, nothing balances";
        lowStrings = layout.isLowStrings() ? lowStrings(layout) : null;
        cascade = layout.isCascaded() ? cascade(layout) : null;
    }

    /** Cell {@code cell} has no valid reading: "Flashing: Bad battery contact". */
    String invalidCell(int cell) {
        return invalidCell[cell];
    }

    /** Cell {@code cell} is below the "Cell Voltage Working Range 3.0-4.5V". */
    String belowRange(int cell) {
        return belowRange[cell];
    }

    /** Cell {@code cell} is above the "Cell Voltage Working Range 3.0-4.5V". */
    String aboveRange(int cell) {
        return aboveRange[cell];
    }

    /** Colder than "Working Temperature -20°C - +60°C". */
    String belowTemperature() {
        return belowTemperature;
    }

    /** Hotter than "Working Temperature -20°C - +60°C". */
    String aboveTemperature() {
        return aboveTemperature;
    }

    /** A reading or decision of another cell count than the pack's. */
    String sizeMismatch() {
        return sizeMismatch;
    }

    /** The low-strings fault, or null when every board has all its strings wired. */
    String lowStrings() {
        return lowStrings;
    }

    /** The cascading warning, or null for a single board. */
    String cascade() {
        return cascade;
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
