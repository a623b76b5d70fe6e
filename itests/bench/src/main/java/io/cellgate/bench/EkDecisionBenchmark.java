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
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/** One EK-L20S1A decision for a 24-cell pack, as the runtime makes it: reset the decision, decide. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EkDecisionBenchmark extends MicroBenchmark {

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
