package io.cellgate.bench;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.sim.model.SimPack;
import io.cellgate.sim.model.SimPackSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * Raw simulator throughput: one 24-cell step per call with balancing on every other pair, reported per cell-step
 * (OperationsPerInvocation = 24), so the score in ops/s is cell-steps per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SimStepBenchmark extends MicroBenchmark {

    private SimPack pack;
    private Decision decision;

    @Setup
    public void setUp() {
        pack = new SimPack(SimPackSpec.builder(24, Chemistry.NCM, 2.5).initialSocDrawn(0.5, 0.05).seed(7).build());
        decision = new Decision(24);
        for (int k = 0; k < decision.pairs(); k += 2) { // tiny currents, so a long run stays inside 0..100 % SOC
            decision.setPair(k, k % 4 == 0 ? PairDirection.LOWER_TO_UPPER : PairDirection.UPPER_TO_LOWER, 0.5e-6);
        }
        decision.setBoardDrawAmps(10e-6);
    }

    @Benchmark
    @OperationsPerInvocation(24)
    public double step24() {
        pack.step(1.0, 0.0, decision);
        return pack.timeSeconds();
    }
}
