package io.cellgate.bench;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.driver.BalanceOutput;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.driver.IndicatorOutput;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.engine.PackEngine;
import io.cellgate.engine.PackEvents;
import java.util.function.LongSupplier;

/** Shared fixtures of the benchmarks. */
final class Packs {

    /** A 24S NCM pack. */
    static final PackDescription PACK24 = new PackDescription("bench", 24, Chemistry.NCM);

    /** Events that go nowhere: a benchmark measures the tick, not the log. */
    private static final PackEvents QUIET = new PackEvents() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void error(String message, Throwable cause) {
        }
    };

    private Packs() {
    }

    /** The engine of {@link #PACK24} on the clock {@code nanos}, with a history of 3000 ticks and a quiet log. */
    static PackEngine engine24(LongSupplier nanos) {
        return new PackEngine(PACK24, nanos, () -> nanos.getAsLong() / 1_000_000, 3000, QUIET);
    }

    /**
     * 24 NCM cells around 3.7 V with a seeded spread of up to ±150 mV, so that some pairs balance and others idle:
     * every branch of a decision is taken.
     */
    static double[] volts24() {
        double[] v = new double[24];
        long s = 42;
        for (int i = 0; i < v.length; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            v[i] = 3.70 + ((s >>> 33) % 300 - 150) / 1000.0;
        }
        return v;
    }

    /** A source that reports fixed voltages: what an ADC driver does, minus the hardware. */
    static CellVoltageSource fixedSource(double[] volts) {
        return CellVoltageSource.of(volts.length, into -> {
            for (int c = 0; c < volts.length; c++) {
                into.set(c, volts[c], CellStatus.OK);
            }
        });
    }

    /** Outputs that take the decision and do nothing with it, as a driver with no hardware would. */
    static final class NullOutputs implements BalanceOutput, IndicatorOutput {
        int sink;

        @Override
        public void drive(Decision decision) {
            sink += decision.pairs();
        }

        @Override
        public void allOff() {
        }

        @Override
        public void show(Decision decision) {
            sink += decision.cells();
        }
    }
}
