package io.cellgate.sim.scenario;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A run's trace streamed to a temporary file beside the result as it is taken (binary doubles: time, spread, each
 * cell's volts), then written into the result's JSON by {@link ScenarioResult}'s own writer when the run ends, so
 * the result file is the one a run that held its trace writes, and memory stays the same whatever the duration.
 * The temporary file is deleted on {@link #close()}, also when the run fails or is stopped.
 */
final class TraceFile implements Samples, Closeable {

    private final Path temporary;
    private final int cells;
    private final DataOutputStream out;
    private final LastSample last = new LastSample();
    private long samples;

    private TraceFile(Path temporary, int cells) throws IOException {
        this.temporary = temporary;
        this.cells = cells;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16));
    }

    /** A trace for a result to be written to {@code resultFile}, kept in a hidden file in the same folder. */
    static TraceFile beside(Path resultFile, int cells) throws IOException {
        Path dir = resultFile.toAbsolutePath().getParent();
        return new TraceFile(Files.createTempFile(dir, "." + resultFile.getFileName() + ".", ".trace"), cells);
    }

    @Override
    public void add(double atSeconds, double adjacentVolts, double spreadVolts, double[] volts, double[] ocvVolts,
            double[] soc, double[] pairAmps) {
        try {
            out.writeDouble(atSeconds);
            out.writeDouble(adjacentVolts);
            out.writeDouble(spreadVolts);
            for (int c = 0; c < cells; c++) {
                out.writeDouble(volts[c]);
                out.writeDouble(ocvVolts == null ? Double.NaN : ocvVolts[c]);
                out.writeDouble(soc == null ? Double.NaN : soc[c]);
            }
            for (int k = 0; k < cells - 1; k++) {
                out.writeDouble(pairAmps[k]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace to " + temporary.getParent() + ": "
                    + e.getMessage(), e);
        }
        samples++;
        last.add(atSeconds, adjacentVolts, spreadVolts, volts, ocvVolts, soc, pairAmps);
    }

    /** The last sample: the file has them all. */
    @Override
    public List<ScenarioResult.Sample> spread() {
        return last.spread();
    }

    /** The last sample: the file has them all. */
    @Override
    public List<ScenarioResult.VoltageSample> trace() {
        return last.trace();
    }

    /** Samples taken so far. */
    long samples() {
        return samples;
    }

    /** Writes {@code result} with every sample of this trace (the result's own lists hold the last only). */
    void writeResult(ScenarioResult result, Path file) throws IOException {
        out.flush();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            result.writeJson(w, read(in -> new ScenarioResult.Sample(in[0], in[1], in[2])),
                    read(in -> new ScenarioResult.VoltageSample(in[0], column(in, 0), known(column(in, 1)),
                            known(column(in, 2)), Arrays.copyOfRange(in, 3 + 3 * cells, 3 + 3 * cells + cells - 1))));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * {@code result} with at most {@code max} of this trace's samples, evenly spaced, the last among them, in place
     * of the last only: enough to draw, bounded whatever the duration.
     */
    ScenarioResult thinned(ScenarioResult result, int max) throws IOException {
        out.flush();
        long stride = Math.max(1, (samples + max - 1) / Math.max(1, max));
        List<ScenarioResult.Sample> spread = new java.util.ArrayList<>();
        List<ScenarioResult.VoltageSample> trace = new java.util.ArrayList<>();
        long i = 0;
        try {
            for (double[] in : read(double[]::clone)) {
                if (i % stride == 0 || i == samples - 1) {
                    spread.add(new ScenarioResult.Sample(in[0], in[1], in[2]));
                    trace.add(new ScenarioResult.VoltageSample(in[0], column(in, 0), known(column(in, 1)),
                            known(column(in, 2)), Arrays.copyOfRange(in, 3 + 3 * cells, 3 + 3 * cells + cells - 1)));
                }
                i++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        ScenarioResult r = result;
        return new ScenarioResult(r.scenario(), r.balancer(), r.balancedAtSeconds(), r.simulatedSeconds(), r.steps(),
                spread, r.pairChargeMovedAh(), r.energyLostWh(), r.energyBledWh(), r.conservationError(),
                r.indicators(), r.pairs(), r.boardStates(), trace, r.events(), r.details());
    }

    /** One of a sample's per-cell columns: 0 the terminal volts, 1 the OCV, 2 the SOC. */
    private double[] column(double[] sample, int column) {
        double[] values = new double[cells];
        for (int c = 0; c < cells; c++) {
            values[c] = sample[3 + 3 * c + column];
        }
        return values;
    }

    /** Null for a column the run did not know (written as NaN). */
    private static double[] known(double[] values) {
        return values.length > 0 && Double.isNaN(values[0]) ? null : values;
    }

    /** The samples read back one at a time, each as {time, adjacent, spread, (volts, ocv, soc) per cell, each pair's amps}. */
    private <T> Iterable<T> read(Function<double[], T> sample) {
        return () -> new Iterator<>() {
            private final DataInputStream in = open();
            private final double[] values = new double[4 * cells + 2];
            private long read;

            @Override
            public boolean hasNext() {
                if (read < samples) {
                    return true;
                }
                close(in);
                return false;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = in.readDouble();
                    }
                } catch (EOFException e) {
                    throw new UncheckedIOException("the trace in " + temporary + " ended early", e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                read++;
                return sample.apply(values);
            }
        };
    }

    private DataInputStream open() {
        try {
            return new DataInputStream(new BufferedInputStream(Files.newInputStream(temporary), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
