package io.cellgate.sim.model;

import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackReading;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What goes wrong between a cell and its reading: open sense wires, stuck ADC channels, noise and an offset.
 * The cells themselves are untouched; only {@link #report} sees these faults.
 */
final class SensorFaults {

    /** Keeps the noise stream apart from the parameter draws of the same seed. */
    private static final long NOISE_STREAM = 0x9E3779B97F4A7C15L;

    private final boolean[] openWire;
    private final boolean[] stuck;
    private final double[] frozenVolts;
    /** What each channel reported last; NaN before the first reading. */
    private final double[] lastReportedVolts;
    private final SplittableRandom noise;
    private double noiseSigmaVolts;
    private double offsetVolts;

    SensorFaults(int cells, long seed) {
        openWire = new boolean[cells];
        stuck = new boolean[cells];
        frozenVolts = new double[cells];
        lastReportedVolts = new double[cells];
        Arrays.fill(lastReportedVolts, Double.NaN);
        noise = new SplittableRandom(seed ^ NOISE_STREAM);
    }

    void openWire(int cell, boolean open) {
        openWire[cell] = open;
    }

    boolean isOpenWire(int cell) {
        return openWire[cell];
    }

    /** Freezes the channel at what it reported last, or at {@code trueVolts} if it never reported. */
    void stuck(int cell, boolean isStuck, double trueVolts) {
        if (isStuck && !stuck[cell]) {
            double last = lastReportedVolts[cell];
            frozenVolts[cell] = Double.isFinite(last) ? last : trueVolts + offsetVolts;
        }
        stuck[cell] = isStuck;
    }

    boolean isStuck(int cell) {
        return stuck[cell];
    }

    void noise(double sigmaVolts, double offset) {
        if (!(sigmaVolts >= 0) || sigmaVolts == Double.POSITIVE_INFINITY || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("noise: sigma must be finite and >= 0 V and the offset finite, got "
                    + "sigma=" + sigmaVolts + " V, offset=" + offset + " V");
        }
        noiseSigmaVolts = sigmaVolts;
        offsetVolts = offset;
    }

    double noiseSigmaVolts() {
        return noiseSigmaVolts;
    }

    double offsetVolts() {
        return offsetVolts;
    }

    /** Writes what the channel of {@code cell} shows when the cell is at {@code trueVolts}. */
    void report(PackReading into, int cell, double trueVolts) {
        if (openWire[cell]) {
            into.set(cell, Double.NaN, CellStatus.OPEN_WIRE);
            return; // keeps the last real value, so a channel that sticks later freezes at a real reading
        }
        double shown;
        if (stuck[cell]) {
            shown = frozenVolts[cell];
        } else if (noiseSigmaVolts > 0) {
            shown = trueVolts + offsetVolts + noiseSigmaVolts * noise.nextGaussian();
        } else {
            shown = trueVolts + offsetVolts;
        }
        lastReportedVolts[cell] = shown;
        into.set(cell, shown, CellStatus.OK);
    }
}
