package io.cellgate.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StoppableRunTest {

    @Test
    @Timeout(20)
    void anInterruptedRunStopsWithinASecond() throws Exception {
        Scenario year = Scenario.parse("{\"pack\": {\"cells\": 20, \"chemistry\": \"NCM\"}, "
                + "\"balancer\": \"EK-L20S1A\", \"durationSeconds\": 31536000, \"traceEverySeconds\": 86400, "
                + "\"stopWhenBalanced\": false}", null);
        FutureTask<ScenarioResult> run = new FutureTask<>(() -> ScenarioRunner.run(year, Models.resolve(year)));
        Thread t = new Thread(run);
        t.start();
        Thread.sleep(300);
        long stop = System.nanoTime();
        t.interrupt();
        t.join(TimeUnit.SECONDS.toMillis(5));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stop);
        assertTrue(!t.isAlive() && ms < 1000, "stopped after " + ms + " ms");
        try {
            run.get();
            throw new AssertionError("a year at 1 s steps cannot finish in 300 ms");
        } catch (java.util.concurrent.ExecutionException e) {
            assertTrue(e.getCause() instanceof CancellationException, String.valueOf(e.getCause()));
        }
    }
}
