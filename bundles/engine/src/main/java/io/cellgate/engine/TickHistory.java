package io.cellgate.engine;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.TenthMillivolts;
import io.cellgate.api.runtime.TickSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A ring of the last ticks in ten bytes a tick (30 KB for 3,000 ticks, where a long, three doubles and a reference
 * a tick took 126 KB): recording a tick allocates nothing.
 *
 * <p>A tick keeps its spreads in tenths of a millivolt ({@link TenthMillivolts}), its balancing pairs, its board
 * state and health in a byte each, and its time as the milliseconds since the tick before. Its tick number and
 * model are those of the tick before, plus one and the same: a tick where that is not so (a model swapped, a tick
 * number that jumped, the wall clock moved by more than 24 days) is irregular, and the tick before it is kept
 * whole as an anchor, the last {@value #ANCHORS} of them. Reading walks back from the newest tick, which is kept
 * whole; it ends early, at an irregular tick whose anchor is gone, so the history is exact or shorter, never
 * wrong.
 */
final class TickHistory {

    /** Irregular ticks whose tick before is kept: more model swaps within the ring than this shorten the history. */
    static final int ANCHORS = 64;

    private static final BoardState[] BOARD = BoardState.values();
    private static final PackHealth[] HEALTH = PackHealth.values();
    /** The time step of an irregular tick: the tick before is in the anchors. */
    private static final int IRREGULAR = Integer.MIN_VALUE;

    static {
        if (BOARD.length > 16 || HEALTH.length > 16) {
            throw new ExceptionInInitializerError("board state and health no longer fit in a byte together");
        }
    }

    private final int capacity;
    private final int[] stepMillis;
    private final char[] spread;
    private final char[] maxAdjacent;
    private final byte[] pairs;
    /** Board state ordinal in the high four bits, health ordinal in the low four. */
    private final byte[] states;
    private long recorded;
    private long lastTick;
    private long lastTime;
    private String lastModel;

    private final long[] anchorRecord = new long[ANCHORS];
    private final long[] anchorTick = new long[ANCHORS];
    private final long[] anchorTime = new long[ANCHORS];
    private final String[] anchorModel = new String[ANCHORS];
    private long anchors;

    TickHistory(int capacity) {
        this.capacity = capacity;
        stepMillis = new int[capacity];
        spread = new char[capacity];
        maxAdjacent = new char[capacity];
        pairs = new byte[capacity];
        states = new byte[capacity];
        Arrays.fill(anchorRecord, -1);
    }

    synchronized void record(long tickNo, long timeMillis, double spreadVolts, double maxAdjacentDeltaVolts, int balancingPairs,
            BoardState boardState, PackHealth packHealth, String modelName) {
        int i = (int) (recorded % capacity);
        long step = timeMillis - lastTime;
        if (recorded > 0 && (tickNo != lastTick + 1 || step <= IRREGULAR || step > Integer.MAX_VALUE
                || !Objects.equals(modelName, lastModel))) {
            int a = (int) (anchors++ % ANCHORS);
            anchorRecord[a] = recorded;
            anchorTick[a] = lastTick;
            anchorTime[a] = lastTime;
            anchorModel[a] = lastModel;
            stepMillis[i] = IRREGULAR;
        } else {
            stepMillis[i] = (int) step;
        }
        spread[i] = TenthMillivolts.encode(spreadVolts);
        maxAdjacent[i] = TenthMillivolts.encode(maxAdjacentDeltaVolts);
        pairs[i] = (byte) Math.min(Math.max(balancingPairs, 0), 255);
        states[i] = (byte) (boardState.ordinal() << 4 | packHealth.ordinal());
        lastTick = tickNo;
        lastTime = timeMillis;
        lastModel = modelName;
        recorded++;
    }

    /** The last {@code n} ticks, oldest first. */
    synchronized List<TickSummary> last(int n) {
        int count = (int) Math.min(Math.max(n, 0), Math.min(recorded, capacity));
        TickSummary[] out = new TickSummary[count];
        long tickNo = lastTick;
        long time = lastTime;
        String model = lastModel;
        int k = count - 1;
        for (long r = recorded - 1; k >= 0; r--, k--) {
            int i = (int) (r % capacity);
            int state = states[i] & 0xFF;
            out[k] = new TickSummary(tickNo, time, TenthMillivolts.decode(spread[i]), TenthMillivolts.decode(maxAdjacent[i]),
                    pairs[i] & 0xFF, BOARD[state >>> 4], HEALTH[state & 0xF], model);
            if (k == 0) {
                break;
            }
            if (stepMillis[i] != IRREGULAR) {
                tickNo--;
                time -= stepMillis[i];
                continue;
            }
            int a = anchor(r);
            if (a < 0) {
                break; // the tick before was kept in an anchor that is gone: the history ends here
            }
            tickNo = anchorTick[a];
            time = anchorTime[a];
            model = anchorModel[a];
        }
        return new ArrayList<>(Arrays.asList(out).subList(Math.max(k, 0), count));
    }

    private int anchor(long record) {
        for (int a = 0; a < ANCHORS; a++) {
            if (anchorRecord[a] == record) {
                return a;
            }
        }
        return -1;
    }
}
