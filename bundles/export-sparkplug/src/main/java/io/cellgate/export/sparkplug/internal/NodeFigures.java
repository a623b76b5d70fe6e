package io.cellgate.export.sparkplug.internal;

/** The gateway as a whole, for the node's own metrics: running packs, ticks of all of them, the latest tick start. */
record NodeFigures(int packs, long ticks, double maxLatenessSeconds) {
}
