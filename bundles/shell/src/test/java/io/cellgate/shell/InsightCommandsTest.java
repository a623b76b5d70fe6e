package io.cellgate.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cellgate.api.insight.ActiveAlert;
import io.cellgate.api.insight.AlertKind;
import io.cellgate.api.insight.CellEstimate;
import io.cellgate.api.insight.Finding;
import io.cellgate.api.insight.FindingKind;
import io.cellgate.api.insight.LedgerCounts;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.insight.PackCharge;
import io.cellgate.api.insight.PackInsight;
import io.cellgate.api.insight.PackInsights;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.testing.FixedLedgers;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InsightCommandsTest {

    private static final PackDescription PACK = new PackDescription("pack1", 3, Chemistry.NCM);
    /** 36 C (10 mAh) from cell 3 to cell 2 over 90 s, cell 1 bleeding 1.8 C (0.5 mAh) over 90 s. */
    private static final LedgerCounts MOVED = new LedgerCounts(new double[] {0, 36, 0}, new double[] {0, 0, 36},
            new double[] {1.8, 0, 0}, new double[] {90, 90, 90}, new double[] {0, 36}, new double[] {0, 90});

    /** The ledger of pack1, with {@code charge} through the pack. */
    private static FixedLedgers ledgers(PackCharge charge) {
        return new FixedLedgers(new LedgerSnapshot(PACK, 1_767_225_600_000L, MOVED, List.of(), charge));
    }

    @Test
    void theLedgerNamesTheCellWorkedHardestInWordsAndSaysThatThePackCurrentIsNotMeasured() {
        String text = new InsightCommands(ledgers(PackCharge.NONE)).insight(false, false, "pack1");
        assertTrue(text.contains("The balancer works hardest on cell 2: 0.00 mAh moved out of it and 10.00 mAh into "
                + "it, active 0.03 h.\n"), text);
        assertTrue(text.contains("Pack current: not measured: pack1's voltage source gives no pack current, so no "
                + "charge through the pack is counted.\n"), text);
        assertTrue(text.contains("\n   3      0.00     10.00      0.00     0.03 |"), text);
        assertTrue(text.contains("\n   2     10.00      0.03 |"), text);
    }

    @Test
    void aMeasuredPackCurrentIsShownWithTheChargeCountedFromIt() {
        String text = new InsightCommands(ledgers(new PackCharge(3600, 360, 7200, -2.5))).insight(false, false,
                "pack1");
        assertTrue(text.contains("Pack current: -2.500 A (discharging); 1000.00 mAh charged and 100.00 mAh "
                + "discharged over 2.00 h measured.\n"), text);
    }

    @Test
    void jsonIsTheSharedInsightJson() {
        String text = new InsightCommands(ledgers(PackCharge.NONE)).insight(true, false, "pack1");
        JsonObject o = JsonParser.parseString(text).getAsJsonObject();
        assertEquals(2, o.get("hardestWorkedCell").getAsInt());
        assertEquals(36, o.getAsJsonObject("total").getAsJsonArray("pairs").get(1).getAsJsonObject()
                .get("coulombs").getAsDouble());
    }

    /** Cell 2 is weak (2.25 Ah, confidence 98 %), its alert raised; cell 3 has no rest reading yet. */
    private static PackInsights weakCell() {
        PackInsight insight = new PackInsight(PACK, 1_767_225_600_000L, List.of(
                new CellEstimate(0, 0.5, 1_767_225_000_000L, 2.5, 0.98, 5e-5, 0, 0, 4),
                new CellEstimate(1, 0.45, 1_767_225_000_000L, 2.25, 0.98, 6e-5, -0.0004, 3.6, 4),
                new CellEstimate(2, Double.NaN, 0, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, 0)),
                List.of(new Finding(FindingKind.WEAK_CELL_CAPACITY, 1, "cell 2 is the weak cell: its capacity is "
                        + "2.250 Ah")),
                List.of(new ActiveAlert(AlertKind.WEAK_CELL, "cell 2 is the weak cell: its capacity is 2.250 Ah",
                        1_767_225_500_000L)), List.of());
        return new PackInsights() {
            @Override
            public List<PackInsight> insights() {
                return List.of(insight);
            }

            @Override
            public Optional<PackInsight> insight(String packId) {
                return insights().stream().filter(i -> i.pack().id().equals(packId)).findFirst();
            }
        };
    }

    @Test
    void theInsightSaysItsAlertsAndFindingsAndShowsEachCellsEstimatesBeforeTheLedger() {
        String text = new InsightCommands(ledgers(PackCharge.NONE), weakCell()).insight(false, false, "pack1");
        assertTrue(text.contains("ALERT weak_cell since "), text);
        assertTrue(text.contains("Finding: cell 2 is the weak cell: its capacity is 2.250 Ah\n"), text);
        assertTrue(text.contains("\n   2   45.0    2.250     98        1.92     -0.40         1.00     4\n"), text);
        assertTrue(text.contains("\n   3      -        -      -           -         -            -     0\n"), text);
        assertTrue(text.indexOf("CELL  SOC %") < text.indexOf("The balancer works hardest"), text);
    }

    @Test
    void theJsonCarriesTheInsightBesideTheLedger() {
        String text = new InsightCommands(ledgers(PackCharge.NONE), weakCell()).insight(true, false, "pack1");
        JsonObject insight = JsonParser.parseString(text).getAsJsonObject().getAsJsonObject("insight");
        assertEquals(2.25, insight.getAsJsonArray("cells").get(1).getAsJsonObject().get("capacityAh").getAsDouble());
        assertTrue(insight.getAsJsonArray("cells").get(2).getAsJsonObject().get("soc").isJsonNull());
        assertEquals("weak_cell", insight.getAsJsonArray("alerts").get(0).getAsJsonObject().get("alert")
                .getAsString());
        assertEquals(2, insight.getAsJsonArray("findings").get(0).getAsJsonObject().get("cell").getAsInt());
    }

    @Test
    void aResetIsDoneAndSaid() {
        FixedLedgers ledgers = ledgers(PackCharge.NONE);
        assertEquals("pack1: balancing ledger reset: it counts from zero from now on\n",
                new InsightCommands(ledgers).insight(false, true, "pack1"));
        assertEquals(List.of("pack1"), ledgers.resets);
    }

    @Test
    void mistakesAreAnsweredWithWhatToDo() {
        InsightCommands commands = new InsightCommands(ledgers(PackCharge.NONE));
        assertEquals("no ledger of pack 'pack9': it is unknown or has not run since the gateway started; packs with "
                + "a ledger: pack1", assertThrows(CommandError.class,
                        () -> commands.insight(false, false, "pack9")).toString());
        assertEquals("which pack? usage: cellgate:insight [--json] [--reset] PACK; packs with a ledger: pack1",
                assertThrows(CommandError.class, commands::insight).toString());
        assertEquals(InsightCommands.NOT_RUNNING, assertThrows(CommandError.class,
                () -> new InsightCommands(null).insight(false, false, "pack1")).toString());
    }
}
