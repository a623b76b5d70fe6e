package io.cellgate.export.sparkplug.internal;

import io.cellgate.api.insight.LedgerCounts;
import io.cellgate.api.telemetry.PackView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.tahu.message.model.MetricDataType;

/**
 * The metrics of one pack as a Sparkplug device, in a fixed order (a metric's index is its place in the DBIRTH, and its
 * alias is derived from it), and their values read from a {@link PackView}: every value an exporter shows is the
 * view's, as in the JSON exporter. A number that does not exist (an open wire's voltage, a pair with an invalid cell,
 * an unknown temperature) is a null metric.
 */
final class DeviceMetrics {

    static final String MODEL = "Balancer/Model";
    static final String PROPERTIES = "Properties/";
    static final String REFUSAL = "Commands/Refusal";
    static final String REFUSALS = "Commands/Refusals";
    static final String ACCEPTED = "Commands/Accepted";

    /** How a metric's change is judged: beyond a deadband of its unit, or any change at all. */
    enum Kind { VOLTS, AMPS, TICKS, SECONDS, CELSIUS, COULOMBS, EXACT }

    record Def(String name, MetricDataType type, Kind kind) {
    }

    /** Tick durations and lateness are published when they moved by a millisecond; temperatures by half a degree. */
    static final double DEADBAND_SECONDS = 0.001;
    static final double DEADBAND_CELSIUS = 0.5;
    /** The balancing ledger's charges are published when they grew by a coulomb (0.28 mAh). */
    static final double DEADBAND_COULOMBS = 1;

    private final int cells;
    private final List<Def> defs = new ArrayList<>();
    private final int firstCommand;
    private final List<String> properties;

    /** @param properties the pack properties a DCMD may set, each a metric {@code Properties/<name>} */
    DeviceMetrics(int cells, List<String> properties) {
        this.cells = cells;
        this.properties = properties;
        for (int c = 1; c <= cells; c++) {
            add("Cell/" + c + "/Volts", MetricDataType.Double, Kind.VOLTS);
            add("Cell/" + c + "/Status", MetricDataType.String, Kind.EXACT);
            add("Cell/" + c + "/Indicator", MetricDataType.String, Kind.EXACT);
            add("Cell/" + c + "/Bleed Amps", MetricDataType.Double, Kind.AMPS);
        }
        for (int k = 1; k < cells; k++) {
            add("Pair/" + k + "/Delta Volts", MetricDataType.Double, Kind.VOLTS);
            add("Pair/" + k + "/Amps", MetricDataType.Double, Kind.AMPS);
            add("Pair/" + k + "/Direction", MetricDataType.String, Kind.EXACT);
        }
        add("Pack/Cells", MetricDataType.Int32, Kind.EXACT);
        add("Pack/Chemistry", MetricDataType.String, Kind.EXACT);
        add("Pack/Spread Volts", MetricDataType.Double, Kind.VOLTS);
        add("Pack/Max Adjacent Delta Volts", MetricDataType.Double, Kind.VOLTS);
        add("Pack/Balancing Pairs", MetricDataType.Int32, Kind.EXACT);
        add("Pack/Current Amps", MetricDataType.Double, Kind.AMPS);
        add("Pack/Temperature Celsius", MetricDataType.Double, Kind.CELSIUS);
        add("Pack/Health", MetricDataType.String, Kind.EXACT);
        add("Pack/Faults", MetricDataType.String, Kind.EXACT);
        add("Pack/Fit Warnings", MetricDataType.String, Kind.EXACT);
        add("Board/State", MetricDataType.String, Kind.EXACT);
        add("Board/Draw Amps", MetricDataType.Double, Kind.AMPS);
        add(MODEL, MetricDataType.String, Kind.EXACT);
        add("Tick/Number", MetricDataType.Int64, Kind.TICKS);
        add("Tick/Duration Seconds", MetricDataType.Double, Kind.SECONDS);
        add("Tick/Lateness Seconds", MetricDataType.Double, Kind.SECONDS);
        add("Insight/Moved Coulombs", MetricDataType.Double, Kind.COULOMBS);
        add("Insight/Bled Coulombs", MetricDataType.Double, Kind.COULOMBS);
        add("Insight/Hardest Worked Cell", MetricDataType.Int32, Kind.EXACT);
        firstCommand = defs.size();
        add(REFUSAL, MetricDataType.String, Kind.EXACT);
        add(REFUSALS, MetricDataType.Int64, Kind.EXACT);
        add(ACCEPTED, MetricDataType.Int64, Kind.EXACT);
        for (String p : properties) {
            add(PROPERTIES + p, MetricDataType.String, Kind.EXACT);
        }
    }

    private void add(String name, MetricDataType type, Kind kind) {
        defs.add(new Def(name, type, kind));
    }

    int cells() {
        return cells;
    }

    int size() {
        return defs.size();
    }

    Def def(int i) {
        return defs.get(i);
    }

    /** The index of the metric called {@code name}, or -1. */
    int indexOf(String name) {
        for (int i = 0; i < defs.size(); i++) {
            if (defs.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Where the metrics the node sets itself begin: the command outcomes, then the properties. */
    int firstCommand() {
        return firstCommand;
    }

    int refusal() {
        return firstCommand;
    }

    int refusals() {
        return firstCommand + 1;
    }

    int accepted() {
        return firstCommand + 2;
    }

    /** The index of property metric {@code p}. */
    int property(int p) {
        return firstCommand + 3 + p;
    }

    List<String> properties() {
        return properties;
    }

    /**
     * Fills the pack's measured values into {@code into} (the command and property metrics are left alone).
     *
     * @param ledger the pack's balancing ledger since it started, or null where the insight bundle does not run
     */
    void read(PackView v, LedgerCounts ledger, Object[] into) {
        int i = 0;
        for (int c = 0; c < cells; c++) {
            into[i++] = v.isValid(c) ? v.volts(c) : null;
            into[i++] = v.status(c).name();
            into[i++] = v.indicator(c).name();
            into[i++] = v.bleedAmps(c);
        }
        for (int k = 0; k < cells - 1; k++) {
            into[i++] = v.hasDeltaVolts(k) ? v.deltaVolts(k) : null;
            into[i++] = v.signedAmps(k);
            into[i++] = v.directionLabel(k);
        }
        into[i++] = v.cells();
        into[i++] = v.pack().chemistry().name();
        into[i++] = v.spreadVolts();
        into[i++] = v.maxAdjacentDeltaVolts();
        into[i++] = v.balancingPairs();
        into[i++] = number(v.packAmps());
        into[i++] = number(v.temperatureCelsius());
        into[i++] = v.health().name();
        into[i++] = String.join("; ", v.faults());
        into[i++] = String.join("; ", v.fitWarnings());
        into[i++] = v.boardState().name();
        into[i++] = v.boardDrawAmps();
        into[i++] = v.model() == null ? "" : v.model();
        into[i++] = v.tick();
        into[i++] = v.tickDurationNanos() / 1e9;
        into[i++] = v.tickLatenessNanos() / 1e9;
        if (ledger == null || ledger.cells() != cells) {
            into[i++] = null;
            into[i++] = null;
            into[i] = null;
        } else {
            double moved = 0;
            for (int k = 0; k < ledger.pairs(); k++) {
                moved += ledger.pairCoulombs(k);
            }
            double bled = 0;
            for (int c = 0; c < cells; c++) {
                bled += ledger.bledCoulombs(c);
            }
            into[i++] = moved;
            into[i++] = bled;
            int hardest = ledger.hardestWorkedCell();
            into[i] = hardest < 0 ? null : hardest + 1;
        }
    }

    private static Double number(double d) {
        return Double.isNaN(d) ? null : d;
    }

    /** Whether metric {@code i} moved from {@code sent} to {@code now} by at least its deadband. */
    boolean changed(int i, Object sent, Object now, SparkplugSettings s) {
        if (sent == null || now == null) {
            return sent != now;
        }
        return switch (defs.get(i).kind()) {
            case VOLTS -> beyond((Double) sent, (Double) now, s.deadbandVolts());
            case AMPS -> beyond((Double) sent, (Double) now, s.deadbandAmps());
            case SECONDS -> beyond((Double) sent, (Double) now, DEADBAND_SECONDS);
            case CELSIUS -> beyond((Double) sent, (Double) now, DEADBAND_CELSIUS);
            case COULOMBS -> beyond((Double) sent, (Double) now, DEADBAND_COULOMBS);
            case TICKS -> Math.abs((Long) now - (Long) sent) >= s.deadbandTicks();
            case EXACT -> !Objects.equals(sent, now);
        };
    }

    private static boolean beyond(double sent, double now, double deadband) {
        return deadband == 0 ? sent != now : Math.abs(now - sent) >= deadband;
    }
}
