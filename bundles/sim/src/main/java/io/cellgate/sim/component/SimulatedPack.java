package io.cellgate.sim.component;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.driver.BalanceOutput;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.config.ConfigurationValues;
import io.cellgate.api.driver.IndicatorOutput;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.time.TickClock;
import io.cellgate.sim.model.SimPack;
import io.cellgate.sim.model.SimPackSpec;
import io.cellgate.sim.scenario.LoadProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A simulated pack standing in for hardware: it is the pack's voltage source (cell voltages and the pack current of
 * its load), its balance output and its LEDs, so the pack runtime cannot tell it from a real board. Its physics advances on every reading by the clock time
 * since the last one, times the configured time scale, with the decision last driven (pairs, bleeds, board draw)
 * held over that time.
 */
@Component(configurationPid = SimulatedPack.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {CellVoltageSource.class, BalanceOutput.class, IndicatorOutput.class, SimulatedPack.class})
@Designate(ocd = SimPackConfig.class, factory = true)
public final class SimulatedPack implements CellVoltageSource, BalanceOutput, IndicatorOutput {

    /** Factory PID of the simulated packs. */
    public static final String PID = "io.cellgate.sim.pack";

    /** Longest physics step: the RC time constant is 30 s, so 1 s steps keep the model faithful. */
    static final double MAX_STEP_SECONDS = 1.0;
    static final double MAX_TIME_SCALE = 100_000;

    private final TickClock clock;
    private final String packId;
    private final SimPack sim;
    /** A copy of the decision last driven: the runtime reuses its own buffer on the next tick. */
    private final Decision driven;
    private final Indicator[] indicators;
    private double loadAmps;
    /** A repeating step schedule of the pack current, or null for the constant {@link #loadAmps}. */
    private LoadProfile profile;
    private int profileStep;
    private double timeScale;
    private long lastNanos;

    /**
     * The checked configuration: everything the constructor takes from it. Also what {@link SimPackGate} checks
     * before SCR hands a configuration over.
     */
    record Settings(String packId, SimPackSpec spec, double loadAmps, LoadProfile profile, double timeScale,
            double noiseVolts) {

        /** @throws IllegalArgumentException naming the property, its value and the allowed range */
        static Settings of(SimPackConfig config) {
            String packId = config.cellgate_pack();
            if (packId == null || packId.isBlank()) {
                throw new IllegalArgumentException("cellgate.pack is missing: name the pack this simulation serves");
            }
            SimPackSpec spec = SimPackSpec.builder(config.cells(), Chemistry.parse(config.chemistry()),
                            config.capacity_ah())
                    .initialSocDrawn(config.soc_percent() / 100, config.soc_spread_percent() / 100)
                    .capacitySpread(config.capacity_spread())
                    .selfDischarge(config.self_discharge_percent_per_month())
                    .seed(config.seed())
                    .balancerEfficiency(config.efficiency())
                    .build();
            return new Settings(packId, spec, requireLoad("load.amps=", config.load_amps()),
                    SimulatedPack.profile(config.load_csv()),
                    requireTimeScale("time.scale=", config.time_scale()), config.noise_mv() / 1000);
        }

        /** Everything {@link Settings#of} checks, on the properties as Configuration Admin delivers them. */
        static void check(Map<String, Object> properties) {
            of(ConfigurationValues.as(SimPackConfig.class, properties));
        }
    }

    @Activate
    public SimulatedPack(@Reference(target = "(cellgate.clock=system)") TickClock clock, SimPackConfig config) {
        this(clock, Settings.of(config));
    }

    private SimulatedPack(TickClock clock, Settings settings) {
        this.clock = clock;
        this.packId = settings.packId();
        this.sim = new SimPack(settings.spec());
        int cells = settings.spec().cells();
        this.driven = new Decision(cells);
        this.indicators = new Indicator[cells];
        Arrays.fill(indicators, Indicator.OFF);
        this.loadAmps = settings.loadAmps();
        this.profile = settings.profile();
        this.timeScale = settings.timeScale();
        if (settings.noiseVolts() != 0) {
            sim.noise(settings.noiseVolts(), 0);
        }
        lastNanos = clock.nanoTime();
    }

    @Deactivate
    void deactivate() {
        allOff();
    }

    public String packId() {
        return packId;
    }

    @Override
    public int cells() {
        return sim.cells();
    }

    @Override
    public synchronized void read(PackReading into) {
        advance();
        sim.read(into);
        // The load is positive while it discharges the pack; a reading's pack current is positive while it charges.
        // 0 - load, not -load: a pack at rest reads 0 A, not -0 A.
        into.setPackAmps(0 - currentLoadAmps());
    }

    @Override
    public synchronized void drive(Decision decision) {
        driven.copyFrom(decision);
    }

    @Override
    public synchronized void allOff() {
        driven.reset();
    }

    @Override
    public synchronized void show(Decision decision) {
        for (int c = 0; c < indicators.length; c++) {
            indicators[c] = decision.indicator(c);
        }
    }

    /** Brings the physics up to the clock's now, in steps of at most {@link #MAX_STEP_SECONDS}. */
    private void advance() {
        long now = clock.nanoTime();
        double seconds = (now - lastNanos) * 1e-9 * timeScale;
        lastNanos = now;
        while (seconds > 1e-9) {
            double dt = Math.min(MAX_STEP_SECONDS, seconds);
            sim.step(dt, currentLoadAmps(), driven);
            seconds -= dt;
        }
    }

    private double currentLoadAmps() {
        if (profile == null) {
            return loadAmps;
        }
        double[] at = profile.atSeconds();
        double t = sim.timeSeconds();
        while (profileStep + 1 < at.length && at[profileStep + 1] <= t) {
            profileStep++;
        }
        return profile.amps()[profileStep];
    }

    private static LoadProfile profile(String csv) {
        if (csv == null || csv.isBlank()) {
            return null;
        }
        try {
            return LoadProfile.fromCsv(Path.of(csv));
        } catch (IOException e) {
            throw new IllegalArgumentException("load.csv=" + csv + " cannot be read (" + Path.of(csv).toAbsolutePath()
                    + (e instanceof java.nio.file.NoSuchFileException ? " does not exist" : ": " + e.getMessage())
                    + "): give a file of 'seconds,amps' lines, or leave load.csv out for load.amps");
        }
    }

    // --- what the sim:* commands change and show ---

    /** A constant pack current from now on; it replaces a load profile. */
    public synchronized void setLoad(double amps) {
        loadAmps = requireLoad("load ", amps);
        profile = null;
    }

    /** @param name how the message names the value: {@code "load.amps="} in a file, {@code "load "} in a command */
    private static double requireLoad(String name, double amps) {
        if (!Double.isFinite(amps) || Math.abs(amps) > 1000) {
            throw new IllegalArgumentException(name + amps + " A is out of range: -1000 to 1000 A");
        }
        return amps;
    }

    public synchronized double load() {
        return profile == null ? loadAmps : currentLoadAmps();
    }

    public synchronized void setTimeScale(double factor) {
        requireTimeScale("time scale ", factor);
        advance();
        timeScale = factor;
    }

    private static double requireTimeScale(String name, double factor) {
        if (!(factor >= 0.001 && factor <= MAX_TIME_SCALE)) {
            throw new IllegalArgumentException(name + factor + " is out of range: 0.001 to " + MAX_TIME_SCALE);
        }
        return factor;
    }

    public synchronized double timeScale() {
        return timeScale;
    }

    public synchronized void disconnect(int cell, boolean open) {
        checkCell(cell);
        sim.openWire(cell, open);
    }

    /** Raises (or lowers) a cell's open-circuit voltage by {@code millivolts}: an imbalance made by hand. */
    public synchronized void imbalance(int cell, double millivolts) {
        checkCell(cell);
        if (!(Math.abs(millivolts) <= 1000)) {
            throw new IllegalArgumentException("imbalance " + millivolts + " mV is out of range: -1000 to 1000 mV");
        }
        advance();
        sim.shiftOpenCircuitVolts(cell, millivolts / 1000);
    }

    public synchronized Indicator indicator(int cell) {
        return indicators[cell];
    }

    /** Runs {@code action} on the model while no reading can interleave. */
    public synchronized <T> T withModel(java.util.function.Function<SimPack, T> action) {
        return action.apply(sim);
    }

    private void checkCell(int cell) {
        if (cell < 0 || cell >= sim.cells()) {
            throw new IllegalArgumentException("cell " + (cell + 1) + " does not exist: " + packId + " has cells 1 to "
                    + sim.cells());
        }
    }
}
