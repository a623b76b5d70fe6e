package io.cellgate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.cellgate.api.insight.LedgerCounts;
import io.cellgate.api.insight.LedgerDay;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.insight.PackCharge;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsightJsonTest {

    private static final PackDescription PACK = new PackDescription("p1", 3, Chemistry.NCM);
    /** 36 C (10 mAh) from cell 3 to cell 2 over 100 s, and cell 1 bled 1.8 C. */
    private static final LedgerCounts MOVED = new LedgerCounts(new double[] {0, 36, 0}, new double[] {0, 0, 36},
            new double[] {1.8, 0, 0}, new double[] {50, 100, 100}, new double[] {0, 36}, new double[] {0, 100});

    @Test
    void aLedgerNamesTheCellWorkedHardestFromOneAndItsFiguresInBaseUnits() {
        LedgerSnapshot ledger = new LedgerSnapshot(PACK, 1_767_225_600_000L, MOVED,
                List.of(new LedgerDay(LocalDate.of(2026, 1, 1), MOVED)), PackCharge.NONE);
        JsonObject o = InsightJson.ledger(ledger);

        assertEquals("p1", o.get("pack").getAsString());
        assertEquals("2026-01-01T00:00:00Z", o.get("since").getAsString());
        assertEquals(2, o.get("hardestWorkedCell").getAsInt(), "cells 2 and 3 tie at 36 C: the lower, numbered from 1");
        JsonObject cell3 = o.getAsJsonObject("total").getAsJsonArray("cells").get(2).getAsJsonObject();
        assertEquals(3, cell3.get("cell").getAsInt());
        assertEquals(36, cell3.get("outCoulombs").getAsDouble());
        assertEquals(100, cell3.get("activeSeconds").getAsDouble());
        JsonObject pair2 = o.getAsJsonObject("total").getAsJsonArray("pairs").get(1).getAsJsonObject();
        assertEquals(2, pair2.get("pair").getAsInt());
        assertEquals(36, pair2.get("coulombs").getAsDouble());
        JsonObject day = o.getAsJsonArray("days").get(0).getAsJsonObject();
        assertEquals("2026-01-01", day.get("date").getAsString());
        assertEquals(1.8, day.getAsJsonArray("cells").get(0).getAsJsonObject().get("bledCoulombs").getAsDouble());
        JsonObject charge = o.getAsJsonObject("packCharge");
        assertFalse(charge.get("measured").getAsBoolean());
        assertTrue(charge.get("lastAmps").isJsonNull(), "no pack current: null, not NaN or 0");
    }

    @Test
    void aLedgerWithNothingMovedNamesNoCell() {
        JsonObject o = InsightJson.ledger(new LedgerSnapshot(PACK, 0, LedgerCounts.zero(3), List.of(),
                new PackCharge(7.2, 0, 10, 0.72)));
        assertTrue(o.get("hardestWorkedCell").isJsonNull());
        assertEquals(0.72, o.getAsJsonObject("packCharge").get("lastAmps").getAsDouble());
        assertEquals(0, o.getAsJsonArray("days").size());
    }
}
