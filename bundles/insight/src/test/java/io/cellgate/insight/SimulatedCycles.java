package io.cellgate.insight;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.driver.BalanceOutput;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.driver.IndicatorOutput;
import io.cellgate.api.insight.PackInsight;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.balancer.ek.EkModel;
import io.cellgate.engine.PackEngine;
import io.cellgate.engine.PackEvents;
import io.cellgate.sim.model.SimPack;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A simulated pack ({@link SimPack}, the simulator's physics) run through the gateway's own tick ({@link PackEngine})
 * on the EK-L20S1A datasheet board, on simulated time, with a {@link PackLedger} listening to every tick and
 * observing the pack's latest view once a minute, as the insight's thread does in the gateway. The simulator's truth
 * (each cell's charge, capacity, self-discharge) stays readable beside the insight's estimates.
 */
final class SimulatedCycles {

    static final double TICK_SECONDS = 10;
    private static final double OBSERVE_SECONDS = 60;
    private static final long EPOCH_MILLIS = 1_796_000_000_000L;

    final SimPack sim;
    final PackDescription pack;
    final PackLedger ledger;
    private final PackEngine engine;
    private final BalancerModel model = new EkModel();
    private final DoubleUnaryOperator dischargeAmpsAt;
    private final CellVoltageSource source;
    private final Outputs outputs;
    private double seconds;
    private double sinceObserved;
    private double loadAmps;

    /**
     * @param dischargeAmpsAt the load at a simulated second, positive while it discharges the pack (the simulator's
     *                        sign); the pack current the source reads is its negation, charge positive
     */
    SimulatedCycles(SimPack sim, PackSettings settings, DoubleUnaryOperator dischargeAmpsAt) {
        this.sim = sim;
        this.pack = sim.spec().description("sim");
        this.dischargeAmpsAt = dischargeAmpsAt;
        this.outputs = new Outputs(new Decision(pack.cells()));
        this.ledger = new PackLedger(pack, ZoneOffset.UTC, EPOCH_MILLIS, settings, line -> { }, line -> { });
        this.engine = new PackEngine(pack, () -> (long) (seconds * 1e9),
                () -> EPOCH_MILLIS + (long) (seconds * 1000), 16, new Quiet());
        this.source = CellVoltageSource.of(pack.cells(), into -> {
            sim.read(into);
            into.setPackAmps(-loadAmps);
        });
    }

    /** Runs {@code duration} simulated seconds. */
    SimulatedCycles run(double duration) {
        double end = seconds + duration;
        while (seconds < end) {
            loadAmps = dischargeAmpsAt.applyAsDouble(seconds);
            engine.tick((long) (seconds * 1e9), source, model, outputs, outputs, List.of(ledger::record));
            sim.step(TICK_SECONDS, loadAmps, outputs.driven);
            seconds += TICK_SECONDS;
            sinceObserved += TICK_SECONDS;
            if (sinceObserved >= OBSERVE_SECONDS) {
                sinceObserved = 0;
                observe();
            }
        }
        return this;
    }

    PackInsight observe() {
        return ledger.observe(engine.latest(), EPOCH_MILLIS + (long) (seconds * 1000));
    }

    double seconds() {
        return seconds;
    }

    /**
     * A day of use: rest 2 h, discharge at {@code amps} for {@code hours}, rest until 6 h, charge back at
     * {@code amps} for {@code hours}, rest for the rest of the day.
     */
    static DoubleUnaryOperator dailyCycle(double amps, double hours) {
        return t -> {
            double h = (t % 86_400) / 3600;
            if (h >= 2 && h < 2 + hours) {
                return amps;
            }
            if (h >= 6 && h < 6 + hours) {
                return -amps;
            }
            return 0;
        };
    }

    private static final class Outputs implements BalanceOutput, IndicatorOutput {
        private final Decision off;
        Decision driven;

        Outputs(Decision off) {
            this.off = off;
            this.driven = off;
        }

        @Override
        public void drive(Decision decision) {
            driven = decision;
        }

        @Override
        public void allOff() {
            driven = off;
        }

        @Override
        public void show(Decision decision) {
        }
    }

    private static final class Quiet implements PackEvents {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void error(String message, Throwable cause) {
        }
    }
}
