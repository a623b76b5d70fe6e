package io.cellgate.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cellgate.api.insight.ActiveAlert;
import io.cellgate.api.insight.AlertKind;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.TickStats;
import io.cellgate.api.runtime.TickSummary;
import io.cellgate.api.telemetry.PackView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code cellgate:faults}: the pack's faults, the cell insight's alerts among them, as {@code Pack.faults()} has them. */
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

    private static final Pack.ActiveFault OPEN_WIRE = new Pack.ActiveFault("cell 2: OPEN_WIRE", 42, FAULT_MILLIS);

    /** The runtime's list: the board's fault, then the insight's alert as {@code Pack.faults()} words it. */
    private static final Pack.ActiveFault WEAK = new Pack.ActiveFault(new ActiveAlert(AlertKind.WEAK_CELL,
            "cell 2 is the weak cell: its capacity is 2.250 Ah", 7, ALERT_MILLIS).faultMessage(), 7, ALERT_MILLIS);

    @Test
    void eachFaultIsListedWithTheTimeAndTheTickItAppearedAt() {
        assertEquals("pack1: no faults\n", new PackCommands(List.of(pack(List.of()))).faults(false, "pack1"));
        String text = new PackCommands(List.of(pack(List.of(OPEN_WIRE, WEAK)))).faults(false, "pack1");
        List<String> lines = text.lines().toList();
        assertEquals("pack1: 2 faults", lines.get(0), text);
        assertEquals(3, lines.size(), text);
        assertTrue(lines.get(1).matches("  since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(tick 42\\)  cell 2: "
                + "OPEN_WIRE"), text);
        assertTrue(lines.get(2).endsWith(" (tick 7)  alert weak_cell: cell 2 is the weak cell: its capacity is "
                + "2.250 Ah"), text);
    }

    @Test
    void anAlertRaisedWithNoTickInViewIsListedWithItsTimeAlone() {
        Pack.ActiveFault noTick = new Pack.ActiveFault("alert spread: the spread is 80.0 mV", -1, ALERT_MILLIS);
        String text = new PackCommands(List.of(pack(List.of(noTick)))).faults(false, "pack1");
        assertTrue(text.matches("pack1: 1 fault\n  since [-0-9]+ [:0-9]+  alert spread: the spread is 80.0 mV\n"),
                text);
    }

    @Test
    void jsonListsEveryFaultWithItsTickAndTime() {
        JsonArray list = JsonParser.parseString(new PackCommands(List.of(pack(List.of(OPEN_WIRE, WEAK))))
                .faults(true, "pack1")).getAsJsonArray();
        assertEquals(2, list.size());
        JsonObject fault = list.get(0).getAsJsonObject();
        assertEquals("cell 2: OPEN_WIRE", fault.get("message").getAsString());
        assertEquals(42, fault.get("sinceTick").getAsLong());
        JsonObject alert = list.get(1).getAsJsonObject();
        assertEquals("alert weak_cell: cell 2 is the weak cell: its capacity is 2.250 Ah",
                alert.get("message").getAsString());
        assertEquals(7, alert.get("sinceTick").getAsLong());
        assertEquals(Instant.ofEpochMilli(ALERT_MILLIS).toString(), alert.get("since").getAsString());
    }
}
