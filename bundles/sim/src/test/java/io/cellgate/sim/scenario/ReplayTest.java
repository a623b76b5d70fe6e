package io.cellgate.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.recording.RecordingFormat;
import io.cellgate.balancer.ek.EkModel;
import io.cellgate.balancer.ek.EkProfile;
import io.cellgate.sim.model.SimPack;
import io.cellgate.sim.model.SimPackSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorded pack replayed through the scenario runner: the recording here is written with the format the CSV
 * recorder uses ({@link RecordingFormat}), from a simulated 20S pack balanced by the EK-L20S1A datasheet board.
 */
class ReplayTest {

    static final BalancerModel DATASHEET = new EkModel(EkProfile.DATASHEET, "datasheet");
    /** A what-if variant: triggers at 50 mV instead of 100 mV. */
    static final BalancerModel EARLY = new EkModel(new EkProfile(0.050, 0.010, EkProfile.DATASHEET.ampsPerVolt(),
            EkProfile.DATASHEET.maxAmps(), EkProfile.DATASHEET.minCellVolts(), EkProfile.DATASHEET.maxCellVolts(),
            EkProfile.DATASHEET.minCelsius(), EkProfile.DATASHEET.maxCelsius(), EkProfile.DATASHEET.quiescentAmps(),
            EkProfile.DATASHEET.activeDrawAmps(), 20), "early");
    static final double[] VOLTS = {3.70, 3.75, 3.68, 3.82, 3.71, 3.66, 3.96, 3.72, 3.69, 3.74, 3.70, 3.78, 3.67, 3.73,
            3.71, 3.85, 3.70, 3.72, 3.69, 3.74};
    static final int ROWS = 3600;
    static final long START_MS = Instant.parse("2026-11-25T10:00:00Z").toEpochMilli();

    @TempDir
    Path dir;
    Path csv;
    /** The LED changes seen while recording: cell and state, at the row's seconds. */
    final List<ScenarioResult.IndicatorChange> recordedLeds = new ArrayList<>();

    @BeforeEach
    void record() throws IOException {
        csv = dir.resolve("pack1-20261125T100000Z.csv");
        SimPack pack = new SimPack(SimPackSpec.builder(20, Chemistry.NCM, 2.5).initialVolts(VOLTS).build());
        Balancer balancer = DATASHEET.create(pack.spec().description("pack1"));
        PackReading r = new PackReading(20);
        Decision d = new Decision(20);
        Indicator[] led = new Indicator[20];
        StringBuilder b = new StringBuilder(RecordingFormat.header(20)).append('\n');
        for (int i = 0; i < ROWS; i++) {
            pack.read(r);
            d.reset();
            balancer.decide(r, d);
            for (int c = 0; c < 20; c++) {
                if (d.indicator(c) != led[c]) {
                    led[c] = d.indicator(c);
                    recordedLeds.add(new ScenarioResult.IndicatorChange(i, c + 1, led[c]));
                }
            }
            b.append(RecordingFormat.row(START_MS + i * 1000L, i + 1, r, d, PackHealth.OK)).append('\n');
            pack.step(1.0, 0, d);
        }
        Files.writeString(csv, b);
    }

    private Scenario scenario(String extra) throws IOException {
        Path file = dir.resolve("replay.json");
        Files.writeString(file, "{\"name\": \"replay\", \"replay\": \"" + csv.getFileName() + "\", "
                + "\"pack\": {\"cells\": 20, \"chemistry\": \"NCM\"}, \"balancer\": \"EK-L20S1A\"" + extra + "}");
        return Scenario.read(file);
    }

    @Test
    void theSameBalancerReproducesEveryRecordedDecision() throws IOException {
        Scenario s = scenario("");
        assertFalse(s.stopWhenBalanced(), "a replay plays the whole recording unless told otherwise");
        ReplayResult r = ReplayRunner.run(s, DATASHEET);
        assertEquals(ROWS, r.rows());
        assertEquals(ROWS, r.rowsCompared());
        assertEquals(0, r.rowsDiffering(), "currents " + r.rowsWithOtherCurrents() + ", board "
                + r.rowsWithOtherBoardState());
        assertEquals(1.0, r.agreement());
        assertEquals(recordedLeds, r.result().indicators(), "the same LED timeline, at the recorded times");
        assertEquals(ROWS - 1, r.result().simulatedSeconds());
        assertTrue(r.result().pairChargeMovedAh()[5] > 0, "cell 7 gives to cell 6");
        assertTrue(r.result().energyLostWh() > 0);
        assertTrue(Double.isNaN(r.result().conservationError()), "nothing flows in a replay");
    }

    @Test
    void theScenarioRunnerReplaysWhenTheScenarioSaysSo() throws IOException {
        ScenarioResult viaRunner = ScenarioRunner.run(scenario(""), DATASHEET);
        ScenarioResult direct = ReplayRunner.run(scenario(""), DATASHEET).result();
        assertEquals(direct.steps(), viaRunner.steps());
        assertEquals(direct.indicators(), viaRunner.indicators());
        assertEquals(direct.toJson(), viaRunner.toJson());
    }

    @Test
    void twoVariantsOnTheSameRecordingCanBeCompared() throws IOException {
        Scenario s = scenario(", \"traceEverySeconds\": 600");
        ReplayResult datasheet = ReplayRunner.run(s, DATASHEET);
        ReplayResult early = ReplayRunner.run(s, EARLY);
        assertTrue(early.rowsDiffering() > 0, "the 50 mV variant decides otherwise on the same voltages");
        assertTrue(early.agreement() < 1.0);
        double movedDatasheet = Arrays.stream(datasheet.result().pairChargeMovedAh()).sum();
        double movedEarly = Arrays.stream(early.result().pairChargeMovedAh()).sum();
        assertTrue(movedEarly > movedDatasheet, "an earlier trigger asks for more transfer: " + movedEarly + " vs "
                + movedDatasheet + " Ah");
        assertNotEquals(datasheet.result().indicators(), early.result().indicators());
        assertEquals("EK-L20S1A/early", early.result().balancer());
        assertEquals(7, early.result().trace().size(), "samples at 0, 600, ..., 3000 s and the end");
    }

    @Test
    void durationAndStopWhenBalancedBoundAReplay() throws IOException {
        assertEquals(601, ReplayRunner.run(scenario(", \"durationSeconds\": 600"), DATASHEET).rows());
        // balanced means every pair within the model's stop threshold: the datasheet's 30 mV is never reached here
        // (the dead band leaves pairs up to 100 mV), a 95 mV stop is
        assertNull(ReplayRunner.run(scenario(", \"stopWhenBalanced\": true"), DATASHEET).result().balancedAtSeconds());
        BalancerModel loose = new EkModel(new EkProfile(0.100, 0.095, EkProfile.DATASHEET.ampsPerVolt(),
                EkProfile.DATASHEET.maxAmps(), EkProfile.DATASHEET.minCellVolts(), EkProfile.DATASHEET.maxCellVolts(),
                EkProfile.DATASHEET.minCelsius(), EkProfile.DATASHEET.maxCelsius(), EkProfile.DATASHEET.quiescentAmps(),
                EkProfile.DATASHEET.activeDrawAmps(), 20), "loose");
        ReplayResult stopped = ReplayRunner.run(scenario(", \"stopWhenBalanced\": true"), loose);
        assertTrue(stopped.rows() < ROWS);
        assertEquals(stopped.result().balancedAtSeconds(), stopped.result().simulatedSeconds());
    }

    @Test
    void aReplayRefusesWhatItCannotUse() throws IOException {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> scenario(", \"load\": {\"amps\": 1}"))
                .getMessage().endsWith("replay: load and faults do not apply to a replay (the recording gives the "
                        + "voltages); remove them"));
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"replay\": \"" + csv.getFileName() + "\", \"pack\": {\"cells\": 16, "
                + "\"chemistry\": \"NCM\"}, \"balancer\": \"EK-L20S1A\"}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scenario.read(file)).getMessage()
                .endsWith("replay: pack1-20261125T100000Z.csv has 20 cells, pack.cells is 16"));
        Files.writeString(file, "{\"replay\": \"none.csv\", \"pack\": {\"cells\": 20, \"chemistry\": \"NCM\"}, "
                + "\"balancer\": \"EK-L20S1A\"}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scenario.read(file)).getMessage()
                .contains("replay: cannot read "));
    }

    @Test
    void aRecordingWithoutRowsOrOfAnotherVersionIsRefusedWhenTheScenarioIsRead() throws IOException {
        Files.writeString(csv, RecordingFormat.header(20) + "\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> scenario("")).getMessage()
                .contains("pack1-20261125T100000Z.csv: no rows: "));
        Files.writeString(csv, "# cellgate recording format 7\n" + RecordingFormat.columns(20) + "\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> scenario("")).getMessage()
                .contains("pack1-20261125T100000Z.csv:1: recording format '7' is unknown"));
    }

    @Test
    void rowsThePackRanFailSafeAreNotComparedWithTheBalancer() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        String[] f = lines.get(100).split(",", -1);
        f[f.length - 3] = "FAULT"; // the fail-safe decision the runtime drove instead of the balancer's
        f[f.length - 2] = "NO_BALANCER";
        lines.set(100, String.join(",", f));
        Files.write(csv, lines);
        ReplayResult r = ReplayRunner.run(scenario(""), DATASHEET);
        assertEquals(ROWS, r.rows());
        assertEquals(ROWS - 1, r.rowsCompared());
        assertEquals(0, r.rowsDiffering());
    }

    @Test
    void aBadRowIsNamedByFileAndLine() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.set(3, lines.get(3).replaceFirst(",OK,", ",SHORT,"));
        Files.write(csv, lines);
        String m = assertThrows(IllegalArgumentException.class, () -> ReplayRunner.run(scenario(""), DATASHEET))
                .getMessage();
        assertTrue(m.endsWith("pack1-20261125T100000Z.csv:4: cell1_status 'SHORT' is unknown; expected [OK, "
                + "OPEN_WIRE, OUT_OF_RANGE, STALE]"), m);
    }
}
