package io.cellgate.bench;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.balancer.ek.EkModel;
import io.cellgate.balancer.ek.EkProfile;
import io.cellgate.engine.PackEngine;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * One whole pack tick of the runtime for a 24S pack on the EK-L20S1A: read, validate, decide, check, drive,
 * record, publish to one listener. Compare with {@link EkDecisionBenchmark}: the target is at most 3 times it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PackTickBenchmark extends MicroBenchmark {

    private PackEngine engine;
    private CellVoltageSource source;
    private BalancerModel model;
    private Packs.NullOutputs outputs;
    private List<PackListener> listeners;
    private long now;
    private long ticks;

    @Setup
    public void setUp() {
        engine = Packs.engine24(() -> now);
        source = Packs.fixedSource(Packs.volts24());
        model = new EkModel(EkProfile.DATASHEET, EkModel.DATASHEET_VARIANT);
        outputs = new Packs.NullOutputs();
        listeners = List.of(state -> ticks += state.tick());
    }

    @Benchmark
    public long tick24() {
        now += 100_000_000;
        engine.tick(now, source, model, outputs, outputs, listeners);
        return ticks;
    }
}
