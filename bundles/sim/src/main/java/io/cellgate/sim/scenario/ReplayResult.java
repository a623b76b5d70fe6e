package io.cellgate.sim.scenario;

/**
 * A replay's outcome: the scenario result (as a simulated run reports it), and how the replayed decisions compare
 * with those in the recording, row by row. Two balancer variants replayed on the same recording give two results
 * to compare: when each would have balanced, how much charge it would have moved, its LED and board timelines.
 *
 * @param result                  the result, in the form every scenario run gives
 * @param rows                    rows replayed
 * @param rowsCompared            rows that hold a decision their balancer made (recorded health OK) to compare with
 * @param rowsWithOtherCurrents   compared rows where some pair's current or direction differs
 * @param rowsWithOtherBoardState compared rows where the board state differs
 * @param rowsDiffering           compared rows where either differs
 */
public record ReplayResult(ScenarioResult result, long rows, long rowsCompared, long rowsWithOtherCurrents,
        long rowsWithOtherBoardState, long rowsDiffering) {

    /** Currents that differ by less than this (1 nA) are the same. */
    public static final double SAME_AMPS = 1e-9;

    /** Share of the compared rows on which the replayed decision equals the recorded one, or NaN for none. */
    public double agreement() {
        return rowsCompared == 0 ? Double.NaN : 1.0 - (double) rowsDiffering / rowsCompared;
    }
}
