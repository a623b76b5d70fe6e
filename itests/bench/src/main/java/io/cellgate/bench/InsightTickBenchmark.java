package io.cellgate.bench;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.api.telemetry.PackState;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.balancer.ek.EkModel;
import io.cellgate.balancer.ek.EkProfile;
import io.cellgate.engine.PackEngine;
import io.cellgate.insight.Ledgers;
import java.io.IOException;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * The insight's share of a tick: {@link PackTickBenchmark}'s 24S tick on the EK-L20S1A with the insight (the
 * balancing ledger, the cell estimator's counting and the board findings' counting) as a second listener, and the
 * insight's work alone ({@code record24}). Run them beside {@code tick24}; the target is under 10 % of it. And what
 * the insight's own thread does once a second per pack, off the tick ({@code observe24}: rest voltages, estimates,
 * findings, alerts).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InsightTickBenchmark extends MicroBenchmark {

    private PackEngine engine;
    private CellVoltageSource source;
    private BalancerModel model;
    private Packs.NullOutputs outputs;
    private List<PackListener> listeners;
    private Ledgers ledgers;
    private PackState ticked;
    private PackView view;
    private long now;
    private long ticks;

    @Setup
    public void setUp() throws IOException {
        engine = Packs.engine24(() -> now);
        source = Packs.fixedSource(Packs.volts24());
        model = new EkModel(EkProfile.DATASHEET, EkModel.DATASHEET_VARIANT);
        outputs = new Packs.NullOutputs();
        ledgers = new Ledgers(Files.createTempDirectory("bench-insight"), ZoneOffset.UTC, () -> now / 1_000_000,
                line -> { }, line -> { });
        ledgers.open(Packs.PACK24);
        listeners = List.of(state -> ticks += state.tick(), ledgers::record);
        engine.tick(now, source, model, outputs, outputs, List.of());
        ticked = engine.state(); // a 24S tick with pairs balancing, for the ledger alone
        view = PackView.of(ticked);
    }

    @Benchmark
    public long tick24WithLedger() {
        now += 100_000_000;
        engine.tick(now, source, model, outputs, outputs, listeners);
        return ticks;
    }

    /** The insight's thread, once a second: the latest view observed, the estimates, findings and alerts. */
    @Benchmark
    public Object observe24() {
        ledgers.observeAll(id -> view);
        return ledgers.insight(Packs.PACK24.id()).orElseThrow();
    }

    /**
     * The insight's work alone on that tick, a tenth of a second after the last: a board holds its decision for many
     * ticks, and so does this one.
     */
    @Benchmark
    public void record24() {
        ticked.reading().setTimeNanos(ticked.reading().timeNanos() + 100_000_000);
        ledgers.record(ticked);
    }

    /** The worst case: a decision that differs from the last on every tick (one pair's setpoint alternates). */
    @Benchmark
    public void record24Changing() {
        ticked.reading().setTimeNanos(ticked.reading().timeNanos() + 100_000_000);
        Decision decision = ticked.decision();
        int pair = firstBalancingPair(decision);
        decision.setPair(pair, decision.direction(pair), decision.amps(pair) == 1.0 ? 0.9 : 1.0);
        ledgers.record(ticked);
    }

    private static int firstBalancingPair(Decision decision) {
        for (int k = 0; k < decision.pairs(); k++) {
            if (decision.isBalancing(k)) {
                return k;
            }
        }
        throw new IllegalStateException("the benchmark's pack balances no pair");
    }
}
