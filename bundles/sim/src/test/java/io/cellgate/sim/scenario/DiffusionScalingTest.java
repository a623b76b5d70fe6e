package io.cellgate.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.pack.Chemistry;
import io.cellgate.balancer.ek.EkModel;
import io.cellgate.balancer.ek.EkProfile;
import io.cellgate.sim.model.SimPackSpec;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * An adjacent-only balancer is diffusion along a path: charge crosses the pack one pair at a time, so the time to
 * level an end-to-end imbalance grows about with N² (the second eigenvalue of a path's Laplacian, 2(1 − cos π/N),
 * falls as π²/N²). Packs of 4 to 24 cells, the lower half 300 mV above the upper half, each on an EK-L20S1A series
 * board of its own string count.
 *
 * <p>The datasheet board's dead band (start above 100 mV, stop at 30 mV) ends the diffusion after a few pairs: a
 * pack may keep up to 100 mV on every pair, so a 300 mV step is only worked on by the pairs next to it and the time
 * does not depend on N. With a dead band small against the imbalance (a 60 mV step, 0.2 mV trigger, 0.1 mV stop, so
 * the current also stays below the 1 A cap, which would make the flux constant) the diffusion runs the whole pack
 * and the N² law shows in the time the end-to-end spread takes to fall to a tenth.
 */
class DiffusionScalingTest {

    static final int[] CELLS = {4, 8, 12, 16, 20, 24};

    static ScenarioResult run(int cells, double stepVolts, double triggerVolts, double stopVolts,
            boolean stopWhenBalanced,
            double durationSeconds) {
        double[] volts = new double[cells];
        for (int c = 0; c < cells; c++) {
            volts[c] = c < cells / 2 ? 3.70 + stepVolts / 2 : 3.70 - stepVolts / 2;
        }
        SimPackSpec pack = SimPackSpec.builder(cells, Chemistry.NCM, 2.5).initialVolts(volts).capacitySpread(0)
                .resistanceSpread(0).selfDischarge(0).seed(1).build();
        EkProfile d = EkProfile.DATASHEET;
        EkProfile board = new EkProfile(triggerVolts, stopVolts, d.ampsPerVolt(), d.maxAmps(),
                d.minCellVolts(), d.maxCellVolts(), d.minCelsius(), d.maxCelsius(), d.quiescentAmps(), 0, cells);
        Scenario s = new Scenario("scaling " + cells, pack, EkModel.MODEL_ID, cells + "S", LoadProfile.constant(0),
                List.of(), 1, 1, durationSeconds, 60, stopWhenBalanced);
        return ScenarioRunner.run(s, new EkModel(board, cells + "S"));
    }

    /**
     * Datasheet board: time until the board has nothing left to do (every LED off). Not balanced by its own stop
     * threshold: the dead band leaves pairs between 30 and 100 mV.
     */
    static double secondsToBalance(int cells) {
        ScenarioResult r = run(cells, 0.300, 0.100, 0.030, false, 86400);
        assertNotNull(r.details().boardIdleAtSeconds(), cells + " cells: the board stops");
        return r.details().boardIdleAtSeconds();
    }

    /** Narrow dead band: time until the end-to-end spread is a tenth of the initial step. */
    static double secondsToLevel(int cells) {
        double step = 0.060;
        ScenarioResult r = run(cells, step, 0.0002, 0.0001, false, 4 * 86400);
        for (ScenarioResult.VoltageSample v : r.trace()) {
            double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
            for (double x : v.volts()) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            if (max - min < step / 10) {
                return v.atSeconds();
            }
        }
        throw new AssertionError(cells + " cells never levelled");
    }

    /** Least-squares slope of log t against log N. */
    static double fittedExponent(double[] seconds) {
        int n = CELLS.length;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            double x = Math.log(CELLS[i]);
            double y = Math.log(seconds[i]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    @Test
    void theDatasheetDeadBandKeepsTheWorkNextToTheStepWhateverTheCellCount() {
        double first = secondsToBalance(CELLS[0]);
        for (int cells : CELLS) {
            double t = secondsToBalance(cells);
            System.out.printf(Locale.ROOT, "datasheet board, %d cells: %.0f s%n", cells, t);
            assertTrue(Math.abs(t - first) <= 0.05 * first, cells + " cells: " + t + " s against " + first + " s");
        }
    }

    @Test
    void withANarrowDeadBandTimeToBalanceGrowsAboutWithTheSquareOfTheCellCount() {
        double[] t = new double[CELLS.length];
        StringBuilder table = new StringBuilder();
        for (int i = 0; i < CELLS.length; i++) {
            t[i] = secondsToLevel(CELLS[i]);
            table.append(String.format(Locale.ROOT, "%d cells: %.0f s%n", CELLS[i], t[i]));
        }
        double exponent = fittedExponent(t);
        System.out.print(table);
        System.out.printf(Locale.ROOT, "fitted exponent: %.2f%n", exponent);
        for (int i = 1; i < t.length; i++) {
            assertTrue(t[i] > t[i - 1], "more cells take longer: " + table);
        }
        assertTrue(exponent > 1.5 && exponent < 2.5, "t ~ N^" + exponent + "\n" + table);
    }
}
