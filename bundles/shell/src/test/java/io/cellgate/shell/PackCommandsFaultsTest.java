package io.cellgate.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cellgate.api.insight.ActiveAlert;
import io.cellgate.api.insight.AlertKind;
import io.cellgate.api.insight.CellEstimate;
import io.cellgate.api.insight.PackInsight;
import io.cellgate.api.insight.PackInsights;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.TickStats;
import io.cellgate.api.runtime.TickSummary;
import io.cellgate.api.telemetry.PackView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code cellgate:faults}: the pack runtime's faults, then the alerts the cell insight raised for the pack. */
class PackCommandsFaultsTest {

    private static final PackDescription PACK = new PackDescription("pack1", 3, Chemistry.NCM);
    private static final long FAULT_MILLIS = 1_767_225_000_000L;
    private static final long ALERT_MILLIS = 1_767_225_500_000L;

    private static Pack pack(List<Pack.ActiveFault> faults) {
        return new Pack() {
            @Override
            public PackDescription description() {
                return PACK;
            }

            @Override
            public PackView latest() {
                return null;
            }

            @Override
            public List<TickSummary> history(int n) {
                return List.of();
            }

            @Override
            public TickStats stats() {
                return new TickStats(0, 100_000_000, 0, 0, 0, 0, 0, 0);
            }

            @Override
            public List<Pack.ActiveFault> faults() {
                return faults;
            }
        };
    }

    private static PackInsights alerts(ActiveAlert... raised) {
        List<CellEstimate> unknown = java.util.stream.IntStream.range(0, PACK.cells()).mapToObj(c -> new CellEstimate(c,
                Double.NaN, 0, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, 0)).toList();
        PackInsight insight = new PackInsight(PACK, ALERT_MILLIS, unknown, List.of(), List.of(raised), List.of());
        return new PackInsights() {
            @Override
            public List<PackInsight> insights() {
                return List.of(insight);
            }

            @Override
            public Optional<PackInsight> insight(String packId) {
                return packId.equals("pack1") ? Optional.of(insight) : Optional.empty();
            }
        };
    }

    private static final Pack.ActiveFault OPEN_WIRE = new Pack.ActiveFault("cell 2: OPEN_WIRE", 42, FAULT_MILLIS);
    private static final ActiveAlert WEAK = new ActiveAlert(AlertKind.WEAK_CELL,
            "cell 2 is the weak cell: its capacity is 2.250 Ah", ALERT_MILLIS);

    @Test
    void withoutTheInsightBundleTheFaultsAreListedAsBefore() {
        assertEquals("pack1: no faults\n", new PackCommands(List.of(pack(List.of())), null).faults(false, "pack1"));
        String text = new PackCommands(List.of(pack(List.of(OPEN_WIRE))), null).faults(false, "pack1");
        assertTrue(text.startsWith("pack1: 1 fault\n  since "), text);
        assertTrue(text.endsWith(" (tick 42)  cell 2: OPEN_WIRE\n"), text);
        assertFalse(text.contains("ALERT"), text);
    }

    @Test
    void raisedAlertsFollowTheFaultsWithTheTimeEachWasRaised() {
        String text = new PackCommands(List.of(pack(List.of(OPEN_WIRE))), alerts(WEAK)).faults(false, "pack1");
        assertTrue(text.startsWith("pack1: 1 fault, 1 alert raised (cellgate:insight pack1)\n"), text);
        List<String> lines = text.lines().toList();
        assertEquals(3, lines.size(), text);
        assertTrue(lines.get(1).contains("(tick 42)  cell 2: OPEN_WIRE"), text);
        assertTrue(lines.get(2).matches("  since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  ALERT weak_cell: cell 2 is "
                + "the weak cell: its capacity is 2\\.250 Ah"), text);

        String alone = new PackCommands(List.of(pack(List.of())), alerts(WEAK)).faults(false, "pack1");
        assertTrue(alone.startsWith("pack1: no faults, 1 alert raised (cellgate:insight pack1)\n  since "), alone);
    }

    @Test
    void jsonAddsTheAlertsToTheFaultArrayMarkedByTheirId() {
        JsonArray list = JsonParser.parseString(new PackCommands(List.of(pack(List.of(OPEN_WIRE))), alerts(WEAK))
                .faults(true, "pack1")).getAsJsonArray();
        assertEquals(2, list.size());
        JsonObject fault = list.get(0).getAsJsonObject();
        assertEquals("cell 2: OPEN_WIRE", fault.get("message").getAsString());
        assertEquals(42, fault.get("sinceTick").getAsLong());
        assertFalse(fault.has("alert"));
        JsonObject alert = list.get(1).getAsJsonObject();
        assertEquals("weak_cell", alert.get("alert").getAsString());
        assertEquals(WEAK.message(), alert.get("message").getAsString());
        assertEquals(Instant.ofEpochMilli(ALERT_MILLIS).toString(), alert.get("since").getAsString());
    }
}
