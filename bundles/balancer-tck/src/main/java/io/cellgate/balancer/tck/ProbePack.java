package io.cellgate.balancer.tck;

import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackReading;

/**
 * A probe pack for one model and chemistry: how many cells, and a base voltage from which a raised cell still lies
 * inside both the chemistry's window and the model's declared cell range ({@code min.cell.volts},
 * {@code start.cell.volts}, {@code max.cell.volts}).
 */
final class ProbePack {

    /** Kept between a probe and the edges of the windows, in volts. */
    static final double MARGIN_VOLTS = 0.02;
    /** Probe pack size when the model declares no {@code strings}. */
    static final int DEFAULT_CELLS = 16;

    final ModelDescriptor descriptor;
    final Chemistry chemistry;
    final int cells;
    final double baseVolts;
    /** The lowest and highest base voltage that fit the windows; the base is the chemistry's nominal within them. */
    final double lowestBaseVolts;
    final double highestBaseVolts;

    private ProbePack(ModelDescriptor descriptor, Chemistry chemistry, int cells, double lowestBaseVolts,
            double highestBaseVolts) {
        this.descriptor = descriptor;
        this.chemistry = chemistry;
        this.cells = cells;
        this.lowestBaseVolts = lowestBaseVolts;
        this.highestBaseVolts = highestBaseVolts;
        this.baseVolts = Math.min(Math.max(chemistry.nominalVolts(), lowestBaseVolts), highestBaseVolts);
    }

    /**
     * A probe pack whose cells sit at a base voltage that leaves {@code headroomVolts} above it inside every
     * window; null when the windows are too narrow for that.
     */
    static ProbePack of(ModelDescriptor descriptor, Chemistry chemistry, double headroomVolts) {
        double low = max(chemistry.minVolts(), parameter(descriptor, ParameterNames.MIN_CELL_VOLTS, chemistry),
                parameter(descriptor, ParameterNames.START_CELL_VOLTS, chemistry)) + MARGIN_VOLTS;
        double high = min(chemistry.maxVolts(), parameter(descriptor, ParameterNames.MAX_CELL_VOLTS, chemistry))
                - MARGIN_VOLTS - headroomVolts;
        if (low > high) {
            return null;
        }
        return new ProbePack(descriptor, chemistry, cells(descriptor), low, high);
    }

    /** {@code strings} when declared and supported, else {@value #DEFAULT_CELLS}, within the model's range. */
    static int cells(ModelDescriptor descriptor) {
        double strings = descriptor.parameter(ParameterNames.STRINGS);
        int wanted = Double.isNaN(strings) ? DEFAULT_CELLS : (int) Math.round(strings);
        return Math.max(descriptor.minCells(), Math.min(descriptor.maxCells(), wanted));
    }

    double parameter(String name) {
        return parameter(descriptor, name, chemistry);
    }

    PackDescription description() {
        return new PackDescription("tck", cells, chemistry);
    }

    /** The cell the probes raise: the middle one, so that it has two neighbours when the pack has three cells. */
    int probeCell() {
        return cells / 2;
    }

    /** Every cell at the base voltage, all OK. */
    PackReading flat() {
        PackReading reading = new PackReading(cells);
        for (int cell = 0; cell < cells; cell++) {
            reading.set(cell, baseVolts, CellStatus.OK);
        }
        return reading;
    }

    /** The probe cell {@code aboveVolts} above the others. */
    PackReading raised(double aboveVolts) {
        return withProbeCell(baseVolts + aboveVolts);
    }

    /** The probe cell at {@code volts}, the others at the base voltage. */
    PackReading withProbeCell(double volts) {
        PackReading reading = flat();
        reading.set(probeCell(), volts, CellStatus.OK);
        return reading;
    }

    @Override
    public String toString() {
        return descriptor.qualifiedName() + " on " + cells + " " + chemistry + " cells at " + baseVolts + " V";
    }

    private static double parameter(ModelDescriptor descriptor, String name, Chemistry chemistry) {
        return ParameterNames.value(descriptor, name, chemistry);
    }

    /** The largest of the values that are numbers. */
    private static double max(double first, double... others) {
        double m = first;
        for (double v : others) {
            if (!Double.isNaN(v)) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    private static double min(double first, double other) {
        return Double.isNaN(other) ? first : Math.min(first, other);
    }
}
