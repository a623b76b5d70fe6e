package io.cellgate.api.pack;

import java.util.regex.Pattern;

/**
 * What a pack is: its id, how many cells in series, and their chemistry.
 *
 * <p>Cells are numbered 0 … cells−1 from the pack's negative end; pair k joins cells k and k+1, so a pack has
 * cells−1 adjacent pairs.
 *
 * @param id        pack id, letters, digits, '-' and '_' only (it appears in MQTT topics and metric labels)
 * @param cells     cells in series, {@value #MIN_CELLS} to {@value #MAX_CELLS}
 * @param chemistry cell chemistry
 */
public record PackDescription(String id, int cells, Chemistry chemistry) {

    /** Fewest cells a pack may have: one adjacent pair. */
    public static final int MIN_CELLS = 2;
    /** Most cells a pack may have: two cascaded 24-string boards. */
    public static final int MAX_CELLS = 48;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public PackDescription {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "pack.id '" + id + "' is invalid: use 1 to 64 letters, digits, '-' or '_'");
        }
        if (cells < MIN_CELLS || cells > MAX_CELLS) {
            throw new IllegalArgumentException(
                    "cells=" + cells + " is out of range: a pack has " + MIN_CELLS + " to " + MAX_CELLS + " cells");
        }
        if (chemistry == null) {
            throw new IllegalArgumentException("chemistry is missing: expected one of NCM, LFP");
        }
    }

    /** Number of adjacent pairs, {@code cells - 1}. */
    public int pairs() {
        return cells - 1;
    }
}
