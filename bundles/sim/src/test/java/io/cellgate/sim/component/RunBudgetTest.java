package io.cellgate.sim.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.sim.scenario.Scenario;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RunBudgetTest {

    private static Scenario scenario(int cells, double durationSeconds, double traceEverySeconds) throws IOException {
        return Scenario.parse("{\"pack\": {\"cells\": " + cells + ", \"chemistry\": \"NCM\"}, \"balancer\": \"X\", "
                + "\"durationSeconds\": " + durationSeconds + ", \"traceEverySeconds\": " + traceEverySeconds + "}",
                null);
    }

    @Test
    void aYearTracedEverySecondIsRefusedWithTheFigureAndWhatToChange() throws IOException {
        Scenario year = scenario(20, 365 * 86400.0, 1);
        assertEquals(31_536_002, RunBudget.samples(year));
        String refusal = assertThrows(IllegalArgumentException.class,
                () -> new RunBudget(64L << 20).check(year, "year.json")).getMessage();
        assertEquals("year.json would keep 31,536,002 trace samples of 20 cells (about 7.3 GiB), more than the 64 MiB "
                + "a run inside the gateway may use (a quarter of its heap): set traceEverySeconds to 117 s or more, "
                + "or run it outside the gateway with sim-cli", refusal);
    }

    @Test
    void theSuggestedTraceStepFitsTheBudget() throws IOException {
        RunBudget budget = new RunBudget(64L << 20);
        budget.check(scenario(20, 365 * 86400.0, 117), "year.json");
        assertTrue(RunBudget.estimatedBytes(scenario(20, 365 * 86400.0, 117)) <= 64L << 20);
    }

    @Test
    void theShippedScenariosFitEasily() throws IOException {
        // Two days traced every 600 s, as config/scenarios/16s-lfp: a few hundred samples.
        assertTrue(RunBudget.estimatedBytes(scenario(16, 172_800, 600)) < 1 << 20);
    }
}
