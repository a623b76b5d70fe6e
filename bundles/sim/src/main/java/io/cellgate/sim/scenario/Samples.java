package io.cellgate.sim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a run puts its trace as it takes it: a sample is a time, the largest adjacent difference and every cell's
 * voltage. Held in memory for a result that carries its trace ({@link #held()}); streamed to a file by
 * {@link TraceFile}, so that a long run inside the gateway keeps nothing per sample.
 */
interface Samples {

    /**
     * The arrays are the runner's own, refilled for the next sample: copy what you keep. {@code ocvVolts} and
     * {@code soc} are null when the run does not know them (a replay); {@code pairAmps} are the pairs' signed
     * currents of the decision in force.
     */
    void add(double atSeconds, double adjacentVolts, double spreadVolts, double[] volts, double[] ocvVolts,
            double[] soc, double[] pairAmps);

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
            public void add(double atSeconds, double adjacentVolts, double spreadVolts, double[] volts,
                    double[] ocvVolts, double[] soc, double[] pairAmps) {
                spread.add(new ScenarioResult.Sample(atSeconds, adjacentVolts, spreadVolts));
                trace.add(new ScenarioResult.VoltageSample(atSeconds, volts.clone(), copy(ocvVolts), copy(soc),
                        pairAmps.clone()));
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

    private static double[] copy(double[] values) {
        return values == null ? null : values.clone();
    }

    /** The last sample only: what a summary needs (the spread at the end). */
    static Samples lastOnly() {
        return new LastSample();
    }

    final class LastSample implements Samples {
        private double atSeconds;
        private double adjacentVolts;
        private double spreadVolts;
        private double[] volts;
        private double[] ocvVolts;
        private double[] soc;
        private double[] pairAmps;

        @Override
        public void add(double atSeconds, double adjacentVolts, double spreadVolts, double[] volts,
                double[] ocvVolts, double[] soc, double[] pairAmps) {
            this.pairAmps = into(this.pairAmps, pairAmps);
            this.atSeconds = atSeconds;
            this.adjacentVolts = adjacentVolts;
            this.spreadVolts = spreadVolts;
            this.volts = into(this.volts, volts);
            this.ocvVolts = into(this.ocvVolts, ocvVolts);
            this.soc = into(this.soc, soc);
        }

        private static double[] into(double[] kept, double[] values) {
            if (values == null) {
                return null;
            }
            double[] into = kept == null ? new double[values.length] : kept;
            System.arraycopy(values, 0, into, 0, values.length);
            return into;
        }

        @Override
        public List<ScenarioResult.Sample> spread() {
            return volts == null ? List.of()
                    : List.of(new ScenarioResult.Sample(atSeconds, adjacentVolts, spreadVolts));
        }

        @Override
        public List<ScenarioResult.VoltageSample> trace() {
            return volts == null ? List.of() : List.of(new ScenarioResult.VoltageSample(atSeconds, volts.clone(),
                    copy(ocvVolts), copy(soc), pairAmps.clone()));
        }
    }
}
