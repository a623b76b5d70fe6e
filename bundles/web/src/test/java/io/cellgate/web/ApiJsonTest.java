package io.cellgate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.cellgate.api.insight.ActiveAlert;
import io.cellgate.api.insight.AlertKind;
import io.cellgate.api.insight.CellEstimate;
import io.cellgate.api.insight.Finding;
import io.cellgate.api.insight.FindingKind;
import io.cellgate.api.insight.PackInsight;
import io.cellgate.api.insight.PackInsights;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.api.testing.DummyPack;
import io.cellgate.api.testing.DummyPackState;
import io.cellgate.json.InsightJson;
import io.cellgate.json.PackJson;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's JSON is the shell's, plus the faults present now. */
class ApiJsonTest {

    @Test
    void aPackDetailIsTheShellsSummaryAndCellsOfOneView() {
        PackView v = PackView.of(DummyPackState.of("p1", 5).setTick(42).setHealth(PackHealth.NO_BALANCER));
        DummyPack pack = new DummyPack("p1", 5, v, 42);
        JsonObject detail = ApiServlet.detail(pack, v);

        JsonObject summary = detail.getAsJsonObject("summary");
        JsonObject expected = PackJson.pack(pack.description(), v, pack.stats());
        expected.keySet().forEach(k -> assertEquals(expected.get(k), summary.get(k), k));
        assertEquals("NO_BALANCER", summary.get("health").getAsString());
        assertTrue(summary.getAsJsonArray("faults").isEmpty());
        assertEquals(PackJson.cells("p1", v), detail.getAsJsonObject("latest"));
        assertEquals(5, detail.getAsJsonObject("latest").getAsJsonArray("cells").size());
        assertEquals(42, detail.getAsJsonObject("latest").get("tick").getAsLong());
    }

    private static PackInsights weakCellOf(String id) {
        PackDescription pack = new PackDescription(id, 2, Chemistry.NCM);
        PackInsight insight = new PackInsight(pack, 1_767_225_600_000L, List.of(
                new CellEstimate(0, 0.5, 0, 2.5, 0.98, 5e-5, 0, 0, 4),
                new CellEstimate(1, 0.45, 0, 2.25, 0.98, 6e-5, 0, 0, 4)),
                List.of(new Finding(FindingKind.WEAK_CELL_CAPACITY, 1, "cell 2 is the weak cell: its capacity is "
                        + "2.250 Ah")),
                List.of(new ActiveAlert(AlertKind.WEAK_CELL, "cell 2 is the weak cell", 1_767_225_500_000L)),
                List.of());
        return new PackInsights() {
            @Override
            public List<PackInsight> insights() {
                return List.of(insight);
            }

            @Override
            public Optional<PackInsight> insight(String packId) {
                return packId.equals(id) ? Optional.of(insight) : Optional.empty();
            }
        };
    }

    @Test
    void aPacksInsightIsTheShellsInsightJsonWithItsAlertsAndTheirTimes() {
        PackInsights insights = weakCellOf("p1");
        JsonObject o = ApiServlet.insight(insights, "p1");
        assertTrue(o.get("running").getAsBoolean());
        JsonObject expected = InsightJson.insight(insights.insight("p1").orElseThrow());
        expected.keySet().forEach(k -> assertEquals(expected.get(k), o.get(k), k));
        JsonObject alert = o.getAsJsonArray("alerts").get(0).getAsJsonObject();
        assertEquals("weak_cell", alert.get("alert").getAsString());
        assertEquals(Instant.ofEpochMilli(1_767_225_500_000L).toString(), alert.get("since").getAsString());
        assertEquals("cell 2 is the weak cell: its capacity is 2.250 Ah",
                o.getAsJsonArray("findings").get(0).getAsJsonObject().get("message").getAsString());
    }

    @Test
    void withoutAnInsightThePageIsToldWhy() {
        JsonObject none = ApiServlet.insight(null, "p1");
        assertFalse(none.get("running").getAsBoolean());
        assertEquals("p1", none.get("pack").getAsString());
        assertTrue(none.get("reason").getAsString().startsWith("cell insight is not running"), none.toString());
        JsonObject notYet = ApiServlet.insight(weakCellOf("other"), "p1");
        assertFalse(notYet.get("running").getAsBoolean());
        assertTrue(notYet.get("reason").getAsString().startsWith("no insight of p1 yet"), notYet.toString());
    }
}
