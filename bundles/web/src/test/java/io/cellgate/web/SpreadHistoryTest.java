package io.cellgate.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.testing.DummyPackState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpreadHistoryTest {

    @Test
    void theRingKeepsTheNewestSamplesOldestFirst() {
        SpreadHistory h = new SpreadHistory(3, 4, 5000);
        for (int i = 1; i <= 5; i++) {
            PackStateBuffer s = DummyPackState.of("p1", 4, 3.70, 0.001 * i); // spread 3 × i mV
            h.record(1000L * i, s.reading());
        }
        SpreadHistory.Samples got = h.snapshot();
        assertArrayEquals(new long[] {3000, 4000, 5000}, got.timeMillis());
        assertEquals(0.009, got.spreadVolts()[0], 1e-6);
        assertEquals(0.015, got.spreadVolts()[2], 1e-6);
        assertEquals(0.005, got.maxAdjacentDeltaVolts()[2], 1e-6);
        assertEquals(4, got.cellVolts().length);
        assertEquals(3.715, got.cellVolts()[3][2], 1e-6);
    }

    @Test
    void keepsVoltsToATenthOfAMillivolt() {
        SpreadHistory h = new SpreadHistory(2, 3, 5000);
        PackStateBuffer s = DummyPackState.of("p1", 3, 3.71234, 0.00052);
        h.record(1000L, s.reading());
        SpreadHistory.Samples got = h.snapshot();
        assertEquals(3.7123f, got.cellVolts()[0][0], 1e-6f);
        assertEquals(3.7129f, got.cellVolts()[1][0], 1e-6f, "3.71234 + 0.00052 = 3.71286, to the tenth of a mV");
        assertEquals(0.0010f, got.spreadVolts()[0], 1e-6f);
    }

    @Test
    void keepsTimesToTheSecondPast2038() {
        SpreadHistory h = new SpreadHistory(3, 2, 5000);
        PackStateBuffer s = DummyPackState.of("p1", 2);
        long after2038 = 4_102_444_800_000L; // 2100-01-01
        h.record(1_767_225_600_999L, s.reading());
        h.record(after2038 + 5_000, s.reading());
        h.record(-1_000, s.reading()); // a clock before 1970 is kept as 1970
        assertArrayEquals(new long[] {1_767_225_600_000L, after2038 + 5_000, 0}, h.snapshot().timeMillis());
    }

    @Test
    void aCellWithoutAValidReadingIsAGapAndTheJsonSaysNull() {
        SpreadHistory h = new SpreadHistory(10, 3, 5000);
        PackStateBuffer s = DummyPackState.of("p1", 3);
        s.reading().set(1, Double.NaN, CellStatus.OPEN_WIRE);
        h.record(1_767_225_600_000L, s.reading());
        assertTrue(Float.isNaN(h.snapshot().cellVolts()[1][0]));
        JsonObject json = ApiServlet.history("p1", h.snapshot());
        assertEquals(1_767_225_600.0, json.getAsJsonArray("timeSeconds").get(0).getAsDouble(), 0.0);
        assertEquals(5.0, json.get("stepSeconds").getAsDouble(), 0.0);
        assertTrue(json.getAsJsonArray("cellVolts").get(1).getAsJsonArray().get(0).isJsonNull());
        assertEquals(3.70, json.getAsJsonArray("cellVolts").get(0).getAsJsonArray().get(0).getAsDouble(), 1e-6);
    }

    @Test
    void theFeedRecordsEveryPackFromItsFirstTickWhetherOrNotAPageIsOpenAndForgetsARemovedPack() {
        LiveFeed feed = new LiveFeed(LiveFeedTest.config(Map.of()));
        feed.onTick(DummyPackState.of("p1", 6).setTimeMillis(42_000));
        feed.onTick(DummyPackState.of("p1", 6).setTimeMillis(42_100)); // within the step: not recorded
        assertEquals(1, feed.hour("p1").size());
        assertEquals(6, feed.hour("p1").snapshot().cellVolts().length);
        assertEquals(0, feed.day("p1").snapshot().cellVolts().length, "the day keeps the spreads only");
        assertEquals(1, feed.day("p1").size());
        feed.onTick(DummyPackState.of("p1", 4).setTimeMillis(50_000));
        feed.onPackRemoved(DummyPackState.of("p1", 4).pack());
        assertNull(feed.hour("p1"));
    }
}
