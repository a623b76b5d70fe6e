package io.cellgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.runtime.TickSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TickHistoryTest {

    private static final long JAN_2026 = 1_767_225_600_000L;

    @Test
    void readsBackWhatWasRecordedOldestFirstToATenthOfAMillivolt() {
        TickHistory h = new TickHistory(100);
        List<TickSummary> expected = new ArrayList<>();
        Random random = new Random(7);
        long time = JAN_2026;
        BoardState[] boards = BoardState.values();
        PackHealth[] healths = PackHealth.values();
        for (long tick = 1; tick <= 250; tick++) {
            time += 95 + random.nextInt(20);
            double spread = Math.round(random.nextDouble() * 4000) / 1e4;
            double adjacent = Math.round(random.nextDouble() * 1000) / 1e4;
            TickSummary s = new TickSummary(tick, time, spread, adjacent, random.nextInt(48),
                    boards[random.nextInt(boards.length)], healths[random.nextInt(healths.length)], "EK-L20S1A/datasheet");
            h.record(s.tick(), s.timeMillis(), s.spreadVolts(), s.maxAdjacentDeltaVolts(), s.balancingPairs(),
                    s.boardState(), s.health(), s.model());
            expected.add(s);
        }
        assertEquals(expected.subList(150, 250), h.last(1000), "the ring holds 100");
        assertEquals(expected.subList(240, 250), h.last(10));
        assertEquals(List.of(), h.last(0));
        assertEquals(List.of(), new TickHistory(5).last(3), "nothing recorded yet");
    }

    @Test
    void keepsTickNumbersModelsAndTimesThatJumpExactly() {
        TickHistory h = new TickHistory(10);
        long day = 86_400_000L;
        record(h, 1, JAN_2026, "a/x");
        record(h, 2, JAN_2026 + 100, null);
        record(h, 3, JAN_2026 + 90, null); // the clock stepped back
        record(h, 7, JAN_2026 + 500, null); // ticks 4 to 6 not recorded
        record(h, 8, 10_000, "b/y"); // a box without a real-time clock: 1970, then NTP
        record(h, 9, JAN_2026 + 400 * day, "b/y");
        record(h, 10, JAN_2026 + 400 * day + 100, "a/x");
        List<TickSummary> all = h.last(10);
        assertEquals(List.of(1L, 2L, 3L, 7L, 8L, 9L, 10L), all.stream().map(TickSummary::tick).toList());
        assertEquals(List.of(JAN_2026, JAN_2026 + 100, JAN_2026 + 90, JAN_2026 + 500, 10_000L, JAN_2026 + 400 * day,
                JAN_2026 + 400 * day + 100), all.stream().map(TickSummary::timeMillis).toList());
        assertEquals("a/x", all.get(0).model());
        assertNull(all.get(1).model());
        assertEquals("b/y", all.get(5).model());
        assertEquals("a/x", all.get(6).model());
    }

    @Test
    void endsEarlyRatherThanWrongWhenMoreSwapsThanAnchorsFillTheRing() {
        int ticks = TickHistory.ANCHORS * 3;
        TickHistory h = new TickHistory(ticks);
        for (int t = 1; t <= ticks; t++) {
            record(h, t, JAN_2026 + t * 100L, "model " + t); // a swap at every tick
        }
        List<TickSummary> kept = h.last(ticks);
        assertEquals(TickHistory.ANCHORS + 1, kept.size(), "the newest tick and one per anchor");
        for (TickSummary s : kept) {
            assertEquals("model " + s.tick(), s.model());
            assertEquals(JAN_2026 + s.tick() * 100, s.timeMillis());
        }
        assertEquals(ticks, kept.get(kept.size() - 1).tick());
    }

    @Test
    void keepsOutOfRangeValuesClampedAndNoValueAsNaN() {
        TickHistory h = new TickHistory(4);
        h.record(1, JAN_2026, Double.NaN, 9.0, 300, BoardState.FAULT, PackHealth.STALLED, "m");
        TickSummary s = h.last(1).get(0);
        assertTrue(Double.isNaN(s.spreadVolts()));
        assertEquals(6.5534, s.maxAdjacentDeltaVolts());
        assertEquals(255, s.balancingPairs());
        assertEquals(BoardState.FAULT, s.boardState());
        assertEquals(PackHealth.STALLED, s.health());
    }

    private static void record(TickHistory h, long tick, long time, String model) {
        h.record(tick, time, 0.1, 0.01, 1, BoardState.ACTIVE, PackHealth.OK, model);
    }
}
