package io.cellgate.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.insight.AlertKind;
import io.cellgate.api.insight.FindingKind;
import io.cellgate.api.insight.PackInsight;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.api.testing.DummyPackState;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each alert raised once and cleared once, with its time, as the settings of its pack say. */
class PackAlertsTest {

    private static final long T0 = 1_767_225_600_000L;
    private final List<String> raised = new ArrayList<>();
    private final List<String> cleared = new ArrayList<>();

    /** The defaults with the spread alert at {@code mv} for {@code seconds}, 10 mV of hysteresis, a 1 h window. */
    private static PackSettings spreadAt(double mv, double seconds, boolean weakCellAlert) {
        PackSettings d = PackSettings.DEFAULTS;
        return new PackSettings(d.capacityAh(), d.restSeconds(), d.restAmps(), d.minSwing(), d.weakCapacityShare(),
                d.weakSelfDischarge(), 3600, true, mv / 1000, seconds, 0.010, true, weakCellAlert, true, true);
    }

    private PackLedger ledger(PackStateBuffer state, PackSettings settings) {
        return new PackLedger(state.pack(), ZoneOffset.UTC, T0, settings, raised::add, cleared::add);
    }

    /** Cells 3.70 V and up by {@code stepMv}: a spread of three steps over 4 cells. */
    private static PackStateBuffer pack(double stepMv) {
        return DummyPackState.of("pack1", 4, 3.70, stepMv / 1000);
    }

    @Test
    void theSpreadAlertWaitsItsDurationIsRaisedOnceAndClearsOnlyBelowItsHysteresis() {
        PackStateBuffer state = pack(50); // 150 mV
        PackLedger ledger = ledger(state, spreadAt(100, 10, true));
        ledger.observe(PackView.of(state), T0);
        ledger.observe(PackView.of(state), T0 + 9_000);
        assertEquals(List.of(), raised);
        PackInsight insight = ledger.observe(PackView.of(state), T0 + 10_000);
        assertEquals(List.of("pack1: alert spread raised at 2026-01-01T00:00:10Z: the spread is 150.0 mV, above "
                + "100 mV for 10 s"), raised);
        assertEquals(T0 + 10_000, insight.alert(AlertKind.SPREAD).orElseThrow().sinceMillis());
        ledger.observe(PackView.of(state), T0 + 20_000);
        PackStateBuffer lower = pack(31.7); // 95.1 mV: below the threshold, within the hysteresis
        ledger.observe(PackView.of(lower), T0 + 21_000);
        assertEquals(1, raised.size());
        assertEquals(List.of(), cleared);
        PackStateBuffer low = pack(29.5); // 88.5 mV: below the threshold less its 10 mV
        ledger.observe(PackView.of(low), T0 + 22_000);
        assertEquals(List.of("pack1: alert spread cleared at 2026-01-01T00:00:22Z (raised at "
                + "2026-01-01T00:00:10Z)"), cleared);
        ledger.observe(PackView.of(low), T0 + 23_000);
        assertEquals(1, cleared.size());
        assertEquals(1, raised.size());
    }

    @Test
    void aSpreadThatDipsBelowItsThresholdStartsItsDurationAgain() {
        PackLedger ledger = ledger(pack(50), spreadAt(100, 10, true));
        ledger.observe(PackView.of(pack(50)), T0);
        ledger.observe(PackView.of(pack(30)), T0 + 6_000);
        ledger.observe(PackView.of(pack(50)), T0 + 7_000);
        ledger.observe(PackView.of(pack(50)), T0 + 16_000);
        assertEquals(List.of(), raised);
        ledger.observe(PackView.of(pack(50)), T0 + 17_000);
        assertEquals(1, raised.size());
    }

    @Test
    void switchingAnAlertOffClearsIt() {
        PackStateBuffer state = pack(50);
        PackLedger ledger = ledger(state, spreadAt(100, 0, true));
        ledger.observe(PackView.of(state), T0);
        assertEquals(1, raised.size());
        PackSettings d = spreadAt(100, 0, true);
        ledger.configure(new PackSettings(d.capacityAh(), d.restSeconds(), d.restAmps(), d.minSwing(),
                d.weakCapacityShare(), d.weakSelfDischarge(), d.windowSeconds(), false, d.spreadVolts(),
                d.spreadSeconds(), d.spreadHysteresisVolts(), true, true, true, true));
        PackInsight insight = ledger.observe(PackView.of(state), T0 + 1_000);
        assertTrue(insight.alerts().isEmpty(), insight.alerts().toString());
        assertEquals(1, cleared.size());
    }

    @Test
    void anOpenWireRaisesTheCellFaultAlertNamingTheCellAndItsRepairClearsIt() {
        PackStateBuffer state = pack(10);
        PackLedger ledger = ledger(state, spreadAt(100, 0, true));
        state.reading().set(2, Double.NaN, CellStatus.OPEN_WIRE);
        ledger.observe(PackView.of(state), T0);
        assertEquals(List.of("pack1: alert cell_fault raised at 2026-01-01T00:00:00Z: cell 3 open wire"), raised);
        state.reading().set(2, 3.72, CellStatus.OK);
        ledger.observe(PackView.of(state), T0 + 1_000);
        assertEquals(1, cleared.size());
    }

    @Test
    void aBoardAwakeWithoutBalancingForTheWholeWindowNeverSleeps() {
        PackStateBuffer state = pack(20); // every pair at 20 mV, the board awake and idle
        state.decision().setBoardDrawAmps(0.005);
        PackLedger ledger = ledger(state, spreadAt(100, 0, true));
        for (int s = 0; s <= 3600; s += 60) {
            state.reading().setTimeNanos(s * 1_000_000_000L);
            state.setTimeMillis(T0 + s * 1000L);
            ledger.record(state);
            ledger.observe(PackView.of(state), T0 + s * 1000L);
        }
        PackInsight insight = ledger.observe(PackView.of(state), T0 + 3_600_000);
        assertEquals(FindingKind.NEVER_SLEEPS, insight.findings().get(0).kind(), insight.findings().toString());
        assertTrue(insight.findings().get(0).message().contains("it draws 5.0 mA (120 mAh a day)"),
                insight.findings().get(0).message());
        assertTrue(insight.findings().get(0).message().contains("stayed at 20–20 mV"),
                insight.findings().get(0).message());
        assertTrue(insight.alert(AlertKind.NEVER_SLEEPS).isPresent());
    }
}
