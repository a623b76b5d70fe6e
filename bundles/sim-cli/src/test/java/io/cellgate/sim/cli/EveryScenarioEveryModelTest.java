package io.cellgate.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.sim.model.OcvCurve;
import io.cellgate.sim.scenario.Scenario;
import io.cellgate.sim.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario shipped in config/scenarios through every model the repository builds: each run's charge
 * bookkeeping closes within 1e-9 relative, and its energy figures add up, checked from the result's JSON alone. A
 * model that cannot balance the pack is refused before the run, with exit code 7.
 */
class EveryScenarioEveryModelTest {

    static final Path SCENARIOS = Path.of("../../config/scenarios");
    static final double CLOSE = 1e-9;

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioOnEveryInTreeModel() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(SCENARIOS)) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 4, "the shipped scenarios: " + files);
        for (Path f : files) {
            Scenario s = Scenario.read(f);
            for (BalancerModel m : InTreeModels.all()) {
                String name = f.getFileName() + " on " + m.descriptor().qualifiedName();
                if (m.descriptor().fit(s.description()).supported()) {
                    tests.add(DynamicTest.dynamicTest(name, () -> closes(s, m)));
                } else {
                    tests.add(DynamicTest.dynamicTest(name + " is refused", () -> refused(f, m)));
                }
            }
        }
        assertTrue(tests.size() >= 24);
        return tests.stream();
    }

    private static void refused(Path file, BalancerModel m) {
        var err = new java.io.ByteArrayOutputStream();
        int exit = new ScenarioCli(InTreeModels::all, null, new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err), 0).run(file.toString(), "--model", m.descriptor().qualifiedName());
        assertEquals(ScenarioError.NOT_FIT, exit, err.toString());
        assertTrue(err.toString().contains("does not fit the scenario's pack"), err.toString());
    }

    static void closes(Scenario s, BalancerModel m) {
        JsonObject r = JsonParser.parseString(ScenarioRunner.run(s, m).toJson()).getAsJsonObject();
        if (s.replay() != null) {
            return; // a replay moves no charge: nothing to close
        }
        JsonObject cells = r.getAsJsonObject("cells");
        JsonObject ledger = r.getAsJsonObject("ledger");
        double[] start = doubles(cells, "chargeStartAs");
        double[] end = doubles(cells, "chargeEndAs");
        double[] in = doubles(cells, "chargeInAs");
        double[] out = doubles(cells, "chargeOutAs");
        double[] capacity = doubles(cells, "capacityAs");
        double[] socStart = doubles(cells, "socStart");
        double[] socEnd = doubles(cells, "socEnd");
        double[] bleedWh = doubles(cells, "bleedWh");
        int n = start.length;
        double flowed = 0;
        double change = 0;
        for (int c = 0; c < n; c++) {
            flowed += in[c] + out[c];
            change += end[c] - start[c];
        }
        if (flowed == 0) { // balanced at the start: not a step run, nothing may have changed
            assertEquals(0, r.get("steps").getAsLong(), "charge flows in every step (self-discharge at least)");
            for (int c = 0; c < n; c++) {
                assertEquals(start[c], end[c], "cell " + (c + 1));
            }
            return;
        }
        for (int c = 0; c < n; c++) {
            assertEquals(0, (end[c] - start[c] - (in[c] - out[c])) / flowed, CLOSE, "cell " + (c + 1) + ": in - out");
            assertEquals(start[c], socStart[c] * capacity[c], CLOSE * capacity[c], "cell " + (c + 1) + " start");
            assertEquals(end[c], socEnd[c] * capacity[c], CLOSE * capacity[c], "cell " + (c + 1) + " end");
        }
        double eta = ledger.get("efficiency").getAsDouble();
        double moved = ledger.get("movedAs").getAsDouble();
        double expected = -n * ledger.get("loadAs").getAsDouble() - n * ledger.get("boardDrawAs").getAsDouble()
                - ledger.get("selfDischargeAs").getAsDouble() - moved + eta * moved - ledger.get("bledAs").getAsDouble();
        assertEquals(0, (change - expected) / flowed, CLOSE, "the ledger's identity");
        double[] movedAh = doubles(r, "pairChargeMovedAh");
        double sumMoved = 0;
        for (double a : movedAh) {
            sumMoved += a * 3600;
        }
        assertEquals(0, (sumMoved - moved) / flowed, CLOSE, "pairs' charge moved adds up");

        // energy: the parts add up to the totals, and each pair's loss is (1 - η) × its charge at a cell's voltage
        double lost = r.get("energyLostWh").getAsDouble();
        double[] pairLoss = doubles(r, "pairLossWh");
        assertEquals(lost, sum(pairLoss), CLOSE * Math.max(lost, 1e-12), "pairLossWh adds up to energyLostWh");
        double bled = r.get("energyBledWh").getAsDouble();
        assertEquals(bled, sum(bleedWh), CLOSE * Math.max(bled, 1e-12), "bleedWh adds up to energyBledWh");
        OcvCurve ocv = OcvCurve.of(s.pack().chemistry());
        for (int k = 0; k < pairLoss.length; k++) {
            if (movedAh[k] > 0) {
                double volts = pairLoss[k] / ((1 - eta) * movedAh[k]);
                assertTrue(volts >= ocv.volts(0) - 1e-9 && volts <= ocv.volts(1) + 1e-9, "pair " + (k + 1)
                        + " lost energy at " + volts + " V");
            }
        }
        double boardWh = r.get("boardEnergyWh").getAsDouble();
        double drawAs = ledger.get("boardDrawAs").getAsDouble();
        if (drawAs > 0) {
            double packVolts = boardWh * 3600 / drawAs;
            assertTrue(packVolts > n * 2.0 && packVolts < n * 4.7, "the board drew at a mean string voltage of "
                    + packVolts + " V");
        } else {
            assertEquals(0, boardWh, "a board that draws nothing uses no energy");
        }
        double seconds = r.get("boardAwakeSeconds").getAsDouble() + r.get("boardAsleepSeconds").getAsDouble()
                + r.get("boardFaultSeconds").getAsDouble();
        assertEquals(r.get("simulatedSeconds").getAsDouble(), seconds, 1e-6, "awake + asleep + fault is the run");
        if (s.pack().chemistry() == Chemistry.NCM || s.pack().chemistry() == Chemistry.LFP) {
            assertTrue(r.get("balancedCriterion").getAsString().length() > 0);
        }
    }

    static double[] doubles(JsonObject o, String key) {
        JsonArray a = o.getAsJsonArray(key);
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsDouble();
        }
        return v;
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
