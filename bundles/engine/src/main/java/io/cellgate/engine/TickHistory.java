package io.cellgate.engine;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.runtime.TickSummary;
import java.util.ArrayList;
import java.util.List;

/** A ring of the last ticks in primitive arrays: recording a tick allocates nothing. */
final class TickHistory {

    private static final BoardState[] BOARD = BoardState.values();
    private static final PackHealth[] HEALTH = PackHealth.values();

    private final long[] tick;
    private final long[] time;
    private final double[] spread;
    private final double[] maxAdjacent;
    private final int[] pairs;
    private final byte[] board;
    private final byte[] health;
    private final String[] model;
    private long recorded;

    TickHistory(int capacity) {
        tick = new long[capacity];
        time = new long[capacity];
        spread = new double[capacity];
        maxAdjacent = new double[capacity];
        pairs = new int[capacity];
        board = new byte[capacity];
        health = new byte[capacity];
        model = new String[capacity];
    }

    synchronized void record(long tickNo, long timeMillis, double spreadVolts, double maxAdjacentDeltaVolts, int balancingPairs,
            BoardState boardState, PackHealth packHealth, String modelName) {
        int i = (int) (recorded % tick.length);
        tick[i] = tickNo;
        time[i] = timeMillis;
        spread[i] = spreadVolts;
        maxAdjacent[i] = maxAdjacentDeltaVolts;
        pairs[i] = balancingPairs;
        board[i] = (byte) boardState.ordinal();
        health[i] = (byte) packHealth.ordinal();
        model[i] = modelName;
        recorded++;
    }

    synchronized List<TickSummary> last(int n) {
        int count = (int) Math.min(Math.max(n, 0), Math.min(recorded, tick.length));
        List<TickSummary> list = new ArrayList<>(count);
        for (long r = recorded - count; r < recorded; r++) {
            int i = (int) (r % tick.length);
            list.add(new TickSummary(tick[i], time[i], spread[i], maxAdjacent[i], pairs[i], BOARD[board[i]], HEALTH[health[i]],
                    model[i]));
        }
        return list;
    }
}
