package io.cellgate.sim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a run puts its trace as it takes it: a sample is a time, the largest adjacent difference and every cell's
 * voltage. Held in memory for a result that carries its trace ({@link #held()}); streamed to a file by
 * {@link TraceFile}, so that a long run inside the gateway keeps nothing per sample.
 */
interface Samples {

    /** {@code volts} is the runner's own array, refilled for the next sample: copy what you keep. */
    void add(double atSeconds, double spreadVolts, double[] volts);

    /** The spread samples the result carries. */
    List<ScenarioResult.Sample> spread();

    /** The voltage samples the result carries. */
    List<ScenarioResult.VoltageSample> trace();

    /** Every sample, in memory. */
    static Samples held() {
        return new Samples() {
            private final List<ScenarioResult.Sample> spread = new ArrayList<>();
            private final List<ScenarioResult.VoltageSample> trace = new ArrayList<>();

            @Override
            public void add(double atSeconds, double spreadVolts, double[] volts) {
                spread.add(new ScenarioResult.Sample(atSeconds, spreadVolts));
                trace.add(new ScenarioResult.VoltageSample(atSeconds, volts.clone()));
            }

            @Override
            public List<ScenarioResult.Sample> spread() {
                return spread;
            }

            @Override
            public List<ScenarioResult.VoltageSample> trace() {
                return trace;
            }
        };
    }

    /** The last sample only: what a summary needs (the spread at the end). */
    static Samples lastOnly() {
        return new LastSample();
    }

    final class LastSample implements Samples {
        private double atSeconds;
        private double spreadVolts;
        private double[] volts;

        @Override
        public void add(double atSeconds, double spreadVolts, double[] volts) {
            this.atSeconds = atSeconds;
            this.spreadVolts = spreadVolts;
            if (this.volts == null) {
                this.volts = new double[volts.length];
            }
            System.arraycopy(volts, 0, this.volts, 0, volts.length);
        }

        @Override
        public List<ScenarioResult.Sample> spread() {
            return volts == null ? List.of() : List.of(new ScenarioResult.Sample(atSeconds, spreadVolts));
        }

        @Override
        public List<ScenarioResult.VoltageSample> trace() {
            return volts == null ? List.of() : List.of(new ScenarioResult.VoltageSample(atSeconds, volts.clone()));
        }
    }
}
