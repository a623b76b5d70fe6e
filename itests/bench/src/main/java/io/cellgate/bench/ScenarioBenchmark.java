package io.cellgate.bench;

import io.cellgate.balancer.ek.EkModel;
import io.cellgate.balancer.ek.EkProfile;
import io.cellgate.sim.scenario.Scenario;
import io.cellgate.sim.scenario.ScenarioResult;
import io.cellgate.sim.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole shipped scenario, run to balanced, wall time per run. Cold (single shot, first run in a fresh JVM) is
 * what a user of scenario.jar sees; warm is the steady state. Run from the repository root.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class ScenarioBenchmark {

    @Param({"config/scenarios/20s-ncm-300mv.json"})
    public String file;

    private Scenario scenario;
    private EkModel model;

    @Setup
    public void setUp() throws IOException {
        scenario = Scenario.read(Path.of(file));
        model = new EkModel(EkProfile.DATASHEET, EkModel.DATASHEET_VARIANT);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public ScenarioResult cold() {
        return ScenarioRunner.run(scenario, model);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public ScenarioResult warm() {
        return ScenarioRunner.run(scenario, model);
    }
}
