package io.cellgate.api.runtime;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.pack.PackHealth;

/**
 * One tick of a pack in a line: the history that {@code cellgate:history} shows.
 *
 * @param tick            tick number
 * @param timeNanos       clock time of the reading
 * @param maxSpreadVolts  largest adjacent difference between valid cells
 * @param balancingPairs  pairs balancing, plus cells bleeding on a passive board, after the decision
 * @param boardState      board state decided
 * @param health          how the tick went
 * @param model           {@code model/variant} that decided, or null
 */
public record TickSummary(long tick, long timeNanos, double maxSpreadVolts, int balancingPairs,
        BoardState boardState, PackHealth health, String model) {
}
