package io.cellgate.bench;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.driver.BalanceOutput;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.driver.IndicatorOutput;
import io.cellgate.api.pack.CellStatus;

/** Shared fixtures of the benchmarks. */
final class Packs {

    private Packs() {
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
