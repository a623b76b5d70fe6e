package io.cellgate.sim.scenario;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A long run traced every second, in a JVM of its own whose heap {@link StreamedTraceTest} chooses:
 * {@code streamed RESULT} streams the trace to RESULT, {@code held RESULT} holds it as runs did before.
 */
public final class StreamedTraceMain {

    static final int CELLS = 20;
    static final int SECONDS = 100_000;

    private StreamedTraceMain() {
    }

    static Scenario scenario() throws java.io.IOException {
        return Scenario.parse("{\"pack\": {\"cells\": " + CELLS + ", \"chemistry\": \"NCM\"}, "
                + "\"balancer\": \"EK-L20S1A\", \"durationSeconds\": " + SECONDS + ", \"traceEverySeconds\": 1, "
                + "\"stopWhenBalanced\": false}", null);
    }

    public static void main(String[] args) throws Exception {
        Scenario s = scenario();
        Path result = Path.of(args[1]);
        if (args[0].equals("streamed")) {
            ScenarioRunner.run(s, Models.resolve(s), result);
        } else {
            Files.writeString(result, ScenarioRunner.run(s, Models.resolve(s)).toJson());
        }
    }
}
