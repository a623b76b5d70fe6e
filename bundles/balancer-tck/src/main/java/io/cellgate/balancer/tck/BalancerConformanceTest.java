package io.cellgate.balancer.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.testing.AllocationMeter;
import io.cellgate.sim.scenario.ScenarioResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The balancer conformance kit: extend it in a test of your board plugin and return your model from {@link #model()};
 * every check below runs against it. A model passes when no check fails; a check that cannot apply (a parameter the
 * model does not declare) is skipped with the reason.
 *
 * <pre>
 * class MyBoardConformanceTest extends BalancerConformanceTest {
 *     &#64;Override
 *     protected BalancerModel model() {
 *         return new MyBoardModel();
 *     }
 * }
 * </pre>
 *
 * <p>What it holds a model to, the contract of {@code io.cellgate.api.balancer}:
 * <ul>
 * <li>its descriptor is consistent, and it creates a balancer for every cell count from {@code minCells} to
 * {@code maxCells} and every chemistry it declares, and refuses the others with an IllegalArgumentException;</li>
 * <li>no pair ever balances on a cell that is not usable (a status other than OK, a voltage that is not a number,
 * infinite, negative or above 6 V, or outside its declared {@code min.cell.volts}..{@code max.cell.volts}), and such
 * a cell's indicator is never ON;</li>
 * <li>no pair is ever driven above the declared {@code maxAmps}; a direction always comes with a current and a
 * current with a direction;</li>
 * <li>two balancers fed the same readings decide the same, and {@code decide} neither throws nor allocates, whatever
 * the reading;</li>
 * <li>every threshold it declares by the names of {@link ParameterNames} holds, probed 1 mV (0.5 °C) either side;</li>
 * <li>on the simulator, a resting pack with one cell raised well above the trigger converges.</li>
 * </ul>
 * "Active" means a pair balances or a cell's indicator is ON (the indicator's "Always on: in equilibrium").
 */
public abstract class BalancerConformanceTest {

    /** Ticks a probe waits for a board to start or stop (a board may debounce). */
    protected static final int PROBE_TICKS = 10;
    private static final double PROBE_DELTA_VOLTS = 0.001;
    private static final double PROBE_DELTA_CELSIUS = 0.5;
    private static final int RANDOM_TICKS = 2_000;
    private static final int ALLOCATION_CALLS = 50_000;

    private BalancerModel model;
    private ModelDescriptor descriptor;

    /** The model under test. Called once per check; it may return the same instance every time. */
    protected abstract BalancerModel model();

    /** Seed of the random reading sequences; override to explore other sequences. */
    protected long seed() {
        return 20251125L;
    }

    @BeforeEach
    void loadModel() {
        model = model();
        assertNotNull(model, "model() returned null");
        descriptor = model.descriptor();
        assertNotNull(descriptor, "descriptor() returned null");
    }

    @Test
    @DisplayName("its descriptor is consistent: cells 2..48, a positive maxAmps, finite parameters, stop <= trigger")
    public void descriptorIsConsistent() {
        assertTrue(descriptor.minCells() >= PackDescription.MIN_CELLS && descriptor.maxCells()
                <= PackDescription.MAX_CELLS, "supported cells " + descriptor.minCells() + ".." + descriptor.maxCells()
                + " must lie within what a pack may have, " + PackDescription.MIN_CELLS + ".."
                + PackDescription.MAX_CELLS);
        assertNotNull(descriptor.topology(), "topology is missing");
        for (Map.Entry<String, Double> p : descriptor.parameters().entrySet()) {
            assertTrue(p.getValue() != null && Double.isFinite(p.getValue()), "parameter " + p.getKey() + "="
                    + p.getValue() + " is not a finite number");
        }
        double declaredMax = descriptor.parameter(ParameterNames.MAX_AMPS);
        if (!Double.isNaN(declaredMax)) {
            assertEquals(descriptor.maxAmps(), declaredMax, 1e-12, "parameter max.amps differs from maxAmps");
        }
        for (Chemistry chemistry : descriptor.chemistries()) {
            double trigger = ParameterNames.value(descriptor, ParameterNames.TRIGGER_VOLTS, chemistry);
            double stop = ParameterNames.value(descriptor, ParameterNames.STOP_VOLTS, chemistry);
            assertFalse(trigger <= 0, "trigger.volts must be > 0, got " + trigger);
            assertFalse(stop < 0 || stop > trigger, "stop.volts=" + stop + " must lie in 0..trigger.volts=" + trigger);
        }
    }

    @Test
    @DisplayName("creates a working balancer for every supported cell count and chemistry")
    public void handlesEverySupportedCellCountAndChemistry() {
        for (Chemistry chemistry : descriptor.chemistries()) {
            DecisionInvariants invariants = new DecisionInvariants(descriptor, chemistry);
            for (int cells = descriptor.minCells(); cells <= descriptor.maxCells(); cells++) {
                PackDescription pack = new PackDescription("tck", cells, chemistry);
                Balancer balancer = model.create(pack);
                assertNotNull(balancer, "create(" + pack + ") returned null");
                PackReading reading = flat(cells, chemistry.nominalVolts());
                Decision decision = new Decision(cells);
                for (int tick = 0; tick < 3; tick++) {
                    decide(balancer, reading, decision);
                    invariants.check(reading, decision, pack + ", tick " + tick);
                    reading.set(cells / 2, chemistry.nominalVolts() + 0.3, CellStatus.OK);
                }
            }
        }
    }

    @Test
    @DisplayName("refuses packs it does not support with an IllegalArgumentException")
    public void refusesUnsupportedPacks() {
        for (Chemistry chemistry : Chemistry.values()) {
            for (int cells = PackDescription.MIN_CELLS; cells <= PackDescription.MAX_CELLS; cells++) {
                if (!descriptor.supports(cells, chemistry)) {
                    PackDescription pack = new PackDescription("tck", cells, chemistry);
                    assertThrows(IllegalArgumentException.class, () -> model.create(pack),
                            descriptor.qualifiedName() + " must refuse " + pack);
                }
            }
        }
    }

    @Test
    @DisplayName("never balances a pair touching a faulted, not-a-number, infinite, negative or out-of-range cell")
    public void neverBalancesOnAnUnusableCell() {
        for (Chemistry chemistry : descriptor.chemistries()) {
            ProbePack pack = probe(chemistry, 0.3);
            DecisionInvariants invariants = new DecisionInvariants(descriptor, chemistry);
            int[] positions = {0, pack.probeCell(), pack.cells - 1};
            for (int position : positions) {
                for (PackReading bad : unusable(pack, position)) {
                    // first the cell stands high and usable, so a board starts on it; then it goes bad
                    Balancer balancer = model.create(pack.description());
                    Decision decision = new Decision(pack.cells);
                    PackReading high = pack.flat();
                    high.set(position, pack.baseVolts + 0.3, CellStatus.OK);
                    decide(balancer, high, decision);
                    invariants.check(high, decision, pack + ", cell " + (position + 1) + " 300 mV high");
                    for (int tick = 0; tick < 3; tick++) {
                        decide(balancer, bad, decision);
                        invariants.check(bad, decision, pack + ", cell " + (position + 1) + " unusable, tick " + tick);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("never exceeds its maxAmps and keeps direction and current consistent over random sequences")
    public void respectsItsMaximumCurrentOverRandomSequences() {
        checkEveryDecision(seed(), "random walk", (readings, tick, reading) -> readings.walk(reading));
    }

    @Test
    @DisplayName("tolerates NaN, infinite, negative and huge readings and any temperature: decide never throws")
    public void toleratesNonsenseReadings() {
        checkEveryDecision(seed() + 1, "nonsense", (readings, tick, reading) -> {
            if (tick % 3 == 2) {
                readings.walk(reading);
            } else {
                readings.nonsense(reading);
            }
        });
    }

    /** How a sequence of the kit's readings is made: tick {@code tick} fills {@code reading} from {@code readings}. */
    private interface ReadingSequence {
        void fill(RandomReadings readings, int tick, PackReading reading);
    }

    /**
     * Feeds a fresh balancer of each chemistry {@value #RANDOM_TICKS} readings of {@code sequence}, drawn from
     * {@code seed}, and checks every decision against the invariants.
     */
    private void checkEveryDecision(long seed, String sequenceName, ReadingSequence sequence) {
        for (Chemistry chemistry : descriptor.chemistries()) {
            int cells = ProbePack.cells(descriptor);
            DecisionInvariants invariants = new DecisionInvariants(descriptor, chemistry);
            RandomReadings readings = new RandomReadings(seed, chemistry, cells);
            Balancer balancer = model.create(new PackDescription("tck", cells, chemistry));
            PackReading reading = new PackReading(cells);
            Decision decision = new Decision(cells);
            for (int tick = 0; tick < RANDOM_TICKS; tick++) {
                sequence.fill(readings, tick, reading);
                decide(balancer, reading, decision);
                invariants.check(reading, decision, chemistry + " " + sequenceName + ", tick " + tick + ", " + reading);
            }
        }
    }

    @Test
    @DisplayName("is deterministic: two balancers fed the same readings decide the same")
    public void isDeterministic() {
        for (Chemistry chemistry : descriptor.chemistries()) {
            int cells = ProbePack.cells(descriptor);
            PackDescription pack = new PackDescription("tck", cells, chemistry);
            Balancer first = model.create(pack);
            Balancer second = model.create(pack);
            RandomReadings readings = new RandomReadings(seed() + 2, chemistry, cells);
            PackReading reading = new PackReading(cells);
            Decision a = new Decision(cells);
            Decision b = new Decision(cells);
            for (int tick = 0; tick < RANDOM_TICKS; tick++) {
                if (tick % 10 == 9) {
                    readings.nonsense(reading);
                } else {
                    readings.walk(reading);
                }
                decide(first, reading, a);
                decide(second, reading, b);
                DecisionSnapshot.assertSame(a, b, chemistry + " tick " + tick + ", " + reading);
            }
        }
    }

    @Test
    @DisplayName("trigger.volts holds: 1 mV below leaves a fresh board idle, 1 mV above starts it")
    public void holdsItsTrigger() {
        for (Chemistry chemistry : declaring(ParameterNames.TRIGGER_VOLTS)) {
            double trigger = ParameterNames.value(descriptor, ParameterNames.TRIGGER_VOLTS, chemistry);
            double delta = delta(trigger);
            ProbePack pack = probe(chemistry, trigger + delta);
            assertIdleFor(model.create(pack.description()), pack, pack.raised(trigger - delta),
                    pack + ": probe cell " + (trigger - delta) + " V above the others, below trigger " + trigger);
            assertStartsWithin(model.create(pack.description()), pack, pack.raised(trigger + delta),
                    pack + ": probe cell " + (trigger + delta) + " V above the others, above trigger " + trigger);
        }
    }

    @Test
    @DisplayName("stop.volts holds: once started, 1 mV above keeps balancing, 1 mV below stops")
    public void holdsItsStop() {
        for (Chemistry chemistry : declaring(ParameterNames.TRIGGER_VOLTS, ParameterNames.STOP_VOLTS)) {
            double trigger = ParameterNames.value(descriptor, ParameterNames.TRIGGER_VOLTS, chemistry);
            double stop = ParameterNames.value(descriptor, ParameterNames.STOP_VOLTS, chemistry);
            double start = startVolts(trigger);
            ProbePack pack = probe(chemistry, start);
            double delta = delta(stop);

            Balancer keeps = started(pack, start);
            Decision decision = new Decision(pack.cells);
            PackReading above = pack.raised(stop + delta);
            for (int tick = 0; tick < PROBE_TICKS; tick++) {
                decide(keeps, above, decision);
                assertTrue(DecisionInvariants.active(decision), pack + ": started, then " + (stop + delta)
                        + " V above the others (stop " + stop + " V): must keep balancing, stopped at tick " + tick);
            }
            assertStopsWithin(started(pack, start), pack, pack.raised(stop - delta), pack + ": started, then "
                    + (stop - delta) + " V above the others (stop " + stop + " V)");
        }
    }

    /**
     * The chemistries for which the model declares every one of {@code parameters}: the ones a threshold check can
     * probe. A check with none to probe is skipped, not passed.
     */
    private List<Chemistry> declaring(String... parameters) {
        List<Chemistry> declaring = new ArrayList<>();
        for (Chemistry chemistry : descriptor.chemistries()) {
            if (Arrays.stream(parameters)
                    .noneMatch(name -> Double.isNaN(ParameterNames.value(descriptor, name, chemistry)))) {
                declaring.add(chemistry);
            }
        }
        assumeFalse(declaring.isEmpty(), "the model declares no " + String.join(" with a ", parameters));
        return declaring;
    }

    @Test
    @DisplayName("min.cell.volts and max.cell.volts hold: a cell 1 mV outside takes no part, even mid-balancing")
    public void holdsItsCellVoltageRange() {
        List<String> probed = new ArrayList<>();
        for (Chemistry chemistry : descriptor.chemistries()) {
            DecisionInvariants invariants = new DecisionInvariants(descriptor, chemistry);
            ProbePack pack = probe(chemistry, 0.3);
            for (String name : new String[] {ParameterNames.MIN_CELL_VOLTS, ParameterNames.MAX_CELL_VOLTS}) {
                double limit = pack.parameter(name);
                if (Double.isNaN(limit)) {
                    continue;
                }
                double outside = name.equals(ParameterNames.MIN_CELL_VOLTS) ? limit - PROBE_DELTA_VOLTS
                        : limit + PROBE_DELTA_VOLTS;
                Balancer balancer = model.create(pack.description());
                Decision decision = new Decision(pack.cells);
                PackReading high = pack.raised(0.3);
                decide(balancer, high, decision);
                PackReading out = pack.withProbeCell(outside);
                for (int tick = 0; tick < 3; tick++) {
                    decide(balancer, out, decision);
                    invariants.check(out, decision, pack + ": probe cell at " + outside + " V, outside " + name
                            + "=" + limit);
                }
                probed.add(name);
            }
        }
        assumeFalse(probed.isEmpty(), "the model declares neither min.cell.volts nor max.cell.volts");
    }

    @Test
    @DisplayName("min.celsius and max.celsius hold: 0.5 °C inside balances, 0.5 °C outside stops at once")
    public void holdsItsTemperatureRange() {
        List<String> probed = new ArrayList<>();
        for (Chemistry chemistry : descriptor.chemistries()) {
            double trigger = ParameterNames.value(descriptor, ParameterNames.TRIGGER_VOLTS, chemistry);
            for (String name : new String[] {ParameterNames.MIN_CELSIUS, ParameterNames.MAX_CELSIUS}) {
                double limit = ParameterNames.value(descriptor, name, chemistry);
                if (Double.isNaN(limit) || Double.isNaN(trigger)) {
                    continue;
                }
                double sign = name.equals(ParameterNames.MIN_CELSIUS) ? 1 : -1;
                double start = startVolts(trigger);
                ProbePack pack = probe(chemistry, start);
                PackReading reading = pack.raised(start);
                reading.setTemperatureCelsius(limit + sign * PROBE_DELTA_CELSIUS);
                Balancer balancer = model.create(pack.description());
                assertStartsWithin(balancer, pack, reading, pack + " at " + reading.temperatureCelsius()
                        + " °C, inside " + name + "=" + limit);
                reading.setTemperatureCelsius(limit - sign * PROBE_DELTA_CELSIUS);
                Decision decision = new Decision(pack.cells);
                decide(balancer, reading, decision);
                assertFalse(DecisionInvariants.active(decision), pack + " at " + reading.temperatureCelsius()
                        + " °C, outside " + name + "=" + limit + ": must stop at once");
                probed.add(name);
            }
        }
        assumeFalse(probed.isEmpty(), "the model declares no temperature limit (or no trigger.volts to probe with)");
    }

    @Test
    @DisplayName("decide allocates nothing")
    public void decideAllocatesNothing() {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot measure a thread's allocations");
        Chemistry chemistry = descriptor.chemistries().iterator().next();
        int cells = ProbePack.cells(descriptor);
        PackReading[] readings = new PackReading[16];
        RandomReadings random = new RandomReadings(seed() + 3, chemistry, cells);
        for (int i = 0; i < readings.length; i++) {
            readings[i] = new PackReading(cells);
            if (i % 4 == 3) {
                random.nonsense(readings[i]);
            } else {
                random.walk(readings[i]);
            }
        }
        Balancer balancer = model.create(new PackDescription("tck", cells, chemistry));
        Decision decision = new Decision(cells);
        double perCall = AllocationMeter.bytesPerCall(ALLOCATION_CALLS, i -> {
            decision.reset();
            balancer.decide(readings[i % readings.length], decision);
        }, i -> {
            decision.reset();
            if (readings[i % readings.length].cells() != decision.cells()) {
                throw new AssertionError("reading and decision sizes differ");
            }
        });
        assertTrue(perCall < 1, descriptor.qualifiedName() + " allocates " + perCall + " bytes per decide call");
    }

    @Test
    @DisplayName("converges on the simulator: a resting pack with one cell raised well above the trigger")
    public void convergesOnTheSimulator() {
        List<String> run = new ArrayList<>();
        List<String> noRoom = new ArrayList<>();
        for (Chemistry chemistry : descriptor.chemistries()) {
            if (Double.isNaN(ParameterNames.value(descriptor, ParameterNames.TRIGGER_VOLTS, chemistry))) {
                continue;
            }
            ConvergenceRun convergence = ConvergenceRun.of(descriptor, chemistry);
            if (convergence == null) {
                // e.g. a 400 mV bleed trigger on LFP, whose whole useful window is narrower than the imbalance
                noRoom.add(chemistry.name());
                continue;
            }
            ScenarioResult result = convergence.run(model);
            assertTrue(convergence.converged(result), "did not converge: " + convergence.describe(result));
            assertTrue(result.conservationError() < 1e-9, "the simulator lost charge: " + result.conservationError());
            run.add(chemistry.name());
        }
        assertTrue(noRoom.isEmpty() || !run.isEmpty(), descriptor.qualifiedName() + ": on none of its chemistries "
                + noRoom + " does its declared cell range leave room for a cell raised 1.5 x trigger.volts above "
                + "the others, so no imbalance can show that it converges");
        assumeFalse(run.isEmpty(), "the model declares no " + ParameterNames.TRIGGER_VOLTS
                + ", so the kit cannot tell a converged pack");
    }

    // ---- helpers

    private ProbePack probe(Chemistry chemistry, double headroomVolts) {
        ProbePack pack = ProbePack.of(descriptor, chemistry, headroomVolts);
        if (pack == null) {
            abort(descriptor.qualifiedName() + " on " + chemistry + ": its declared cell range is narrower than "
                    + headroomVolts + " V plus margins, no probe fits");
        }
        return pack;
    }

    private static void decide(Balancer balancer, PackReading reading, Decision decision) {
        decision.reset();
        balancer.decide(reading, decision);
    }

    /** A fresh balancer that has started on the probe cell {@code startVolts} above the others. */
    private Balancer started(ProbePack pack, double startVolts) {
        Balancer balancer = model.create(pack.description());
        assertStartsWithin(balancer, pack, pack.raised(startVolts), pack + ": probe cell " + startVolts
                + " V above the others, well above the trigger");
        return balancer;
    }

    private static void assertIdleFor(Balancer balancer, ProbePack pack, PackReading reading, String context) {
        Decision decision = new Decision(pack.cells);
        for (int tick = 0; tick < PROBE_TICKS; tick++) {
            decide(balancer, reading, decision);
            assertFalse(DecisionInvariants.active(decision), context + ": must stay idle, started at tick " + tick);
        }
    }

    private static void assertStartsWithin(Balancer balancer, ProbePack pack, PackReading reading, String context) {
        Decision decision = new Decision(pack.cells);
        for (int tick = 0; tick < PROBE_TICKS; tick++) {
            decide(balancer, reading, decision);
            if (DecisionInvariants.active(decision)) {
                return;
            }
        }
        fail(context + ": must start balancing within " + PROBE_TICKS + " ticks, stayed idle");
    }

    private static void assertStopsWithin(Balancer balancer, ProbePack pack, PackReading reading, String context) {
        Decision decision = new Decision(pack.cells);
        int stoppedAt = -1;
        for (int tick = 0; tick < 2 * PROBE_TICKS; tick++) {
            decide(balancer, reading, decision);
            boolean active = DecisionInvariants.active(decision);
            if (!active && stoppedAt < 0) {
                stoppedAt = tick;
            }
            if (active && stoppedAt >= 0) {
                fail(context + ": stopped at tick " + stoppedAt + " but started again at tick " + tick);
            }
        }
        assertTrue(stoppedAt >= 0 && stoppedAt < PROBE_TICKS, context + ": must stop within " + PROBE_TICKS
                + " ticks");
    }

    /** A probe step of 1 mV, or a tenth of a threshold below 10 mV. */
    private static double delta(double thresholdVolts) {
        return Math.min(PROBE_DELTA_VOLTS, thresholdVolts / 10);
    }

    /** Well above the trigger: 1.5 times it, and at least 20 mV above it. */
    private static double startVolts(double triggerVolts) {
        return Math.max(1.5 * triggerVolts, triggerVolts + 0.02);
    }

    private static PackReading flat(int cells, double volts) {
        double[] v = new double[cells];
        java.util.Arrays.fill(v, volts);
        return PackReading.of(v);
    }

    /** Readings where the cell at {@code position} is unusable in one way each; the others are at the base. */
    private List<PackReading> unusable(ProbePack pack, int position) {
        List<PackReading> list = new ArrayList<>();
        double plausibleHigh = pack.baseVolts + 0.3;
        for (CellStatus status : EnumSet.complementOf(EnumSet.of(CellStatus.OK))) {
            PackReading r = pack.flat();
            r.set(position, plausibleHigh, status);
            list.add(r);
        }
        for (double volts : RandomReadings.NONSENSE_VOLTS) {
            PackReading r = pack.flat();
            r.set(position, volts, CellStatus.OK);
            list.add(r);
        }
        return list;
    }
}
