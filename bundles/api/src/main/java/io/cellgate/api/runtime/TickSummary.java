package io.cellgate.api.runtime;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.pack.PackHealth;

/**
 * One tick of a pack in a line: the history that {@code cellgate:history} shows.
 *
 * @param tick            tick number
 * @param timeMillis      wall-clock time of the reading, in milliseconds since the epoch
 * @param spreadVolts     highest minus lowest valid cell
 * @param maxAdjacentDeltaVolts largest adjacent difference between valid cells
 * @param balancingPairs  pairs balancing, plus cells bleeding on a passive board, after the decision
 * @param boardState      board state decided
 * @param health          how the tick went
 * @param model           {@code model/variant} that decided, or null
 */
public record TickSummary(long tick, long timeMillis, double spreadVolts, double maxAdjacentDeltaVolts,
        int balancingPairs, BoardState boardState, PackHealth health, String model) {
}
