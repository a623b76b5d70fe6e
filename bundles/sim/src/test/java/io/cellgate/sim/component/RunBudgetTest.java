package io.cellgate.sim.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.balancer.ek.EkModel;
import io.cellgate.balancer.ek.EkProfile;
import io.cellgate.sim.scenario.Scenario;
import io.cellgate.sim.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunBudgetTest {

    private static Scenario scenario(int cells, double durationSeconds, double traceEverySeconds) throws IOException {
        return Scenario.parse("{\"pack\": {\"cells\": " + cells + ", \"chemistry\": \"NCM\"}, \"balancer\": \"X\", "
                + "\"durationSeconds\": " + durationSeconds + ", \"traceEverySeconds\": " + traceEverySeconds + "}",
                null);
    }

    @Test
    void aYearTracedEverySecondOnASmallDiskIsRefusedWithTheFigureAndWhatToChange() throws IOException {
        Scenario year = scenario(20, 365 * 86400.0, 1);
        assertEquals(31_536_002, RunBudget.samples(year));
        String refusal = assertThrows(IllegalArgumentException.class,
                () -> new RunBudget(8L << 30).check(year, "year.json", "/tmp/year-result.json")).getMessage();
        assertEquals("year.json would write 31,536,002 trace samples of 20 cells (about 97.4 GiB) to "
                + "/tmp/year-result.json, more than half of the 8.0 GiB free there: set traceEverySeconds to 25 s or "
                + "more, or write the result where there is more room", refusal);
    }

    @Test
    void theSuggestedTraceStepFits() throws IOException {
        RunBudget budget = new RunBudget(8L << 30);
        budget.check(scenario(20, 365 * 86400.0, 25), "year.json", "r.json");
        assertTrue(RunBudget.estimatedBytes(scenario(20, 365 * 86400.0, 25)) <= 4L << 30);
    }

    @Test
    void theEstimateCoversTheFileARunWrites(@TempDir Path dir) throws IOException {
        Scenario s = Scenario.parse("{\"pack\": {\"cells\": 20, \"chemistry\": \"NCM\", \"socSpreadPercent\": 10}, "
                + "\"balancer\": \"X\", \"durationSeconds\": 2000, \"traceEverySeconds\": 1}", null);
        Path result = dir.resolve("r.json");
        ScenarioRunner.run(s, new EkModel(EkProfile.DATASHEET, "datasheet"), result);
        long json = RunBudget.samples(s) * (RunBudget.bytesPerSample(20) - RunBudget.temporaryBytesPerSample(20));
        assertTrue(Files.size(result) <= json, Files.size(result) + " bytes written, " + json + " estimated");
    }

    @Test
    void theShippedScenariosFitEasily() throws IOException {
        // Two days traced every 600 s, as config/scenarios/16s-lfp: a few hundred samples.
        assertTrue(RunBudget.estimatedBytes(scenario(16, 172_800, 600)) < 1 << 20);
    }
}
