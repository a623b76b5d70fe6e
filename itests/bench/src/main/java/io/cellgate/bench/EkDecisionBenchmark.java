package io.cellgate.bench;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackReading;
import io.cellgate.balancer.ek.EkModel;
import io.cellgate.balancer.ek.EkProfile;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One EK-L20S1A decision for a 24-cell pack, as the runtime makes it: reset the decision, decide. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EkDecisionBenchmark {

    private Balancer balancer;
    private PackReading reading;
    private Decision decision;

    @Setup
    public void setUp() {
        balancer = new EkModel(EkProfile.DATASHEET, EkModel.DATASHEET_VARIANT)
                .create(new PackDescription("bench", 24, Chemistry.NCM));
        reading = PackReading.of(Packs.volts24());
        decision = new Decision(24);
    }

    @Benchmark
    public Decision decide24() {
        decision.reset();
        balancer.decide(reading, decision);
        return decision;
    }
}
