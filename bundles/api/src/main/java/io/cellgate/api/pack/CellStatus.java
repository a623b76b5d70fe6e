package io.cellgate.api.pack;

/** What the gateway knows about one cell's reading. Only {@link #OK} readings may ever make a board balance. */
public enum CellStatus {
    /** The voltage is a fresh, plausible measurement. */
    OK,
    /** The sense wire is open or the contact is bad (the datasheet's "bad battery contact"). */
    OPEN_WIRE,
    /** The measurement is not a number or lies outside what a cell can physically show. */
    OUT_OF_RANGE,
    /** No fresh measurement: the source failed, stalled or is missing. */
    STALE
}
