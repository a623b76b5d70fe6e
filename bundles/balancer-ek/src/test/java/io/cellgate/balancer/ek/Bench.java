package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackReading;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.osgi.util.converter.Converters;

/** One balancer with its reading and decision buffers, driven tick by tick as the pack runtime would. */
final class Bench {

    static final double NOMINAL_VOLTS = 3.700;

    private final Balancer balancer;
    private final PackReading reading;
    private final Decision decision;

    Bench(EkProfile profile, int cells) {
        this(new EkBalancer(profile, cells), cells);
    }

    private Bench(Balancer balancer, int cells) {
        this.balancer = balancer;
        reading = new PackReading(cells);
        decision = new Decision(cells);
    }

    /** The balancer a model creates for {@code pack}. */
    static Bench of(BalancerModel model, PackDescription pack) {
        return new Bench(model.create(pack), pack.cells());
    }

    static Bench datasheet(int cells) {
        return new Bench(EkProfile.DATASHEET, cells);
    }

    /** The variant the repository ships as config/io.cellgate.balancer.ek.variant-{@code name}.cfg, activated. */
    static EkVariantModelComponent shippedVariant(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("../../config/io.cellgate.balancer.ek.variant-" + name
                + ".cfg"))) {
            properties.load(in);
        }
        return new EkVariantModelComponent(
                Converters.standardConverter().convert(properties).to(EkVariantConfig.class));
    }

    /** The datasheet board built for {@code strings} strings, on a pack of {@code cells}. */
    static Bench datasheetWithStrings(int strings, int cells) {
        return new Bench(withStrings(EkProfile.DATASHEET, strings), cells);
    }

    /** The datasheet's figures on a board of another string count of the series. */
    static EkProfile withStrings(EkProfile p, int strings) {
        return new EkProfile(p.triggerVolts(), p.stopVolts(), p.ampsPerVolt(), p.maxAmps(), p.minCellVolts(),
                p.maxCellVolts(), p.minCelsius(), p.maxCelsius(), p.quiescentAmps(), p.activeDrawAmps(), strings);
    }

    /** Every cell at {@code volts}. */
    static double[] flat(int cells, double volts) {
        double[] v = new double[cells];
        Arrays.fill(v, volts);
        return v;
    }

    /** Every cell at {@code volts} but {@code cellA} and {@code cellB}: two unlike neighbours, or two far apart. */
    static double[] flatBut(int cells, double volts, int cellA, double voltsA, int cellB, double voltsB) {
        double[] v = flat(cells, volts);
        v[cellA] = voltsA;
        v[cellB] = voltsB;
        return v;
    }

    /** Cells {@code firstCell} (from 0) and up show {@code shown}, one indicator a cell. */
    static void assertIndicators(Decision d, int firstCell, Indicator... shown) {
        for (int k = 0; k < shown.length; k++) {
            assertEquals(shown[k], d.indicator(firstCell + k), "cell " + (firstCell + k + 1));
        }
    }

    /** The board is in {@link BoardState#FAULT}, reporting exactly {@code faults}, in this order. */
    static void assertFaulted(Decision d, String... faults) {
        assertEquals(BoardState.FAULT, d.boardState());
        assertEquals(List.of(faults), d.faults());
    }

    /**
     * A step of {@code deltaVolts} across pair {@code pair} (from 0): cells up to {@code pair} at the nominal voltage,
     * the cells above it {@code deltaVolts} higher, so only that pair sees a difference.
     */
    static double[] step(int cells, int pair, double deltaVolts) {
        double[] v = flat(cells, NOMINAL_VOLTS);
        for (int cell = pair + 1; cell < cells; cell++) {
            v[cell] = NOMINAL_VOLTS + deltaVolts;
        }
        return v;
    }

    PackReading reading() {
        return reading;
    }

    Bench temperature(double celsius) {
        reading.setTemperatureCelsius(celsius);
        return this;
    }

    /** Sets every cell OK at the given voltages and decides one tick. */
    Decision tick(double... volts) {
        for (int cell = 0; cell < volts.length; cell++) {
            reading.set(cell, volts[cell], CellStatus.OK);
        }
        return tick();
    }

    /** Decides one tick on the reading as it is now. */
    Decision tick() {
        decision.reset();
        balancer.decide(reading, decision);
        return decision;
    }
}
