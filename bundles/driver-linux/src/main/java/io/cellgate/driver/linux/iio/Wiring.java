package io.cellgate.driver.linux.iio;

import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackReading;
import java.util.Locale;

/** How the ADC channels meet the cells. Channels, like cells, count from the pack's negative end. */
enum Wiring {

    /** Each channel measures one cell across its own two terminals (a differential input, an isolated front end). */
    DIRECT,

    /**
     * Channel k measures tap k, the top of cell k, against the pack's negative end (the ADC's ground): cell k =
     * tap k − tap k−1, and cell 0 = tap 0. A bad tap spoils both cells it joins.
     */
    STACKED;

    static Wiring parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("wiring '" + text + "' is unknown: expected stacked or direct");
        }
    }

    /** Lowest voltage channel {@code k} can physically show with every cell at or above {@code cellMinVolts}. */
    double minVolts(int k, double cellMinVolts) {
        return this == DIRECT ? cellMinVolts : (k + 1) * cellMinVolts;
    }

    double maxVolts(int k, double cellMaxVolts) {
        return this == DIRECT ? cellMaxVolts : (k + 1) * cellMaxVolts;
    }

    /**
     * Turns channel voltages and statuses into cells, one per status (volts may hold more: the current's); a cell
     * that is not OK gets NaN, never a made-up voltage.
     */
    void toCells(double[] volts, CellStatus[] status, PackReading into) {
        for (int c = 0; c < status.length; c++) {
            CellStatus s = this == DIRECT || c == 0 ? status[c] : worse(status[c], status[c - 1]);
            if (s != CellStatus.OK) {
                into.set(c, Double.NaN, s);
            } else {
                into.set(c, this == DIRECT || c == 0 ? volts[c] : volts[c] - volts[c - 1], CellStatus.OK);
            }
        }
    }

    /** An open wire says more than a failed read: it is shown when a cell has both. */
    static CellStatus worse(CellStatus a, CellStatus b) {
        if (a == CellStatus.OPEN_WIRE || b == CellStatus.OPEN_WIRE) {
            return CellStatus.OPEN_WIRE;
        }
        return a != CellStatus.OK ? a : b;
    }
}
