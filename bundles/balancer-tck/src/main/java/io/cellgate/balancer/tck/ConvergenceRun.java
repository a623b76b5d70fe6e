package io.cellgate.balancer.tck;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.Topology;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.sim.model.OcvCurve;
import io.cellgate.sim.model.SimPackSpec;
import io.cellgate.sim.scenario.LoadProfile;
import io.cellgate.sim.scenario.Scenario;
import io.cellgate.sim.scenario.ScenarioResult;
import io.cellgate.sim.scenario.ScenarioRunner;
import java.util.Arrays;
import java.util.List;

/**
 * The kit's standard imbalance on the simulator: a resting pack of the model's chemistry with one cell raised well
 * above the model's trigger, run until the pack is balanced or a week of pack time has passed.
 *
 * <p>Converged means the run ended with the spread below the model's trigger; the run ends early at the datasheet's
 * "equalization completed" (no pair balancing and every LED off, the runner's {@code balancedAtSeconds}). That alone
 * is not enough: a board that never starts is "completed" at 0 s with the imbalance untouched. The spread that counts
 * depends on the topology: an adjacent or pack-to-cell board promises its trigger between neighbours (largest
 * adjacent difference), a bleed board between any cell and the lowest one (highest minus lowest cell).
 */
final class ConvergenceRun {

    static final double DURATION_SECONDS = 7 * 86400.0;
    /** Keeps the pack off the ends of the OCV curve, where the simulator's table ends. */
    static final double SOC_MARGIN = 0.03;

    private final ModelDescriptor descriptor;
    private final Chemistry chemistry;
    private final double triggerVolts;
    private final double raiseVolts;
    private final double[] initialVolts;

    private ConvergenceRun(ModelDescriptor descriptor, Chemistry chemistry, double triggerVolts, double raiseVolts,
            double[] initialVolts) {
        this.descriptor = descriptor;
        this.chemistry = chemistry;
        this.triggerVolts = triggerVolts;
        this.raiseVolts = raiseVolts;
        this.initialVolts = initialVolts;
    }

    /** The run for one chemistry, or null when the windows leave no room for the imbalance. */
    static ConvergenceRun of(ModelDescriptor descriptor, Chemistry chemistry) {
        double trigger = ParameterNames.value(descriptor, ParameterNames.TRIGGER_VOLTS, chemistry);
        double raise = Math.max(1.5 * trigger, trigger + 0.02);
        OcvCurve ocv = OcvCurve.of(chemistry);
        ProbePack pack = ProbePack.of(descriptor, chemistry, raise);
        if (pack == null) {
            return null;
        }
        double low = Math.max(pack.lowestBaseVolts, ocv.volts(SOC_MARGIN));
        double high = Math.min(pack.highestBaseVolts, ocv.volts(1 - SOC_MARGIN) - raise);
        if (low > high) {
            return null;
        }
        double base = Math.min(Math.max(chemistry.nominalVolts(), low), high);
        double[] volts = new double[pack.cells];
        Arrays.fill(volts, base);
        volts[pack.probeCell()] = base + raise;
        return new ConvergenceRun(descriptor, chemistry, trigger, raise, volts);
    }

    Scenario scenario() {
        SimPackSpec spec = SimPackSpec.builder(initialVolts.length, chemistry, 2.5).initialVolts(initialVolts)
                .seed(1).build();
        return new Scenario("conformance: one cell " + Math.round(raiseVolts * 1000) + " mV high", spec,
                descriptor.model(), descriptor.variant(), LoadProfile.constant(0), List.of(), 1.0, 1.0,
                DURATION_SECONDS, DURATION_SECONDS / 50, true);
    }

    ScenarioResult run(BalancerModel model) {
        return ScenarioRunner.run(scenario(), model);
    }

    /** Whether the run converged: its final spread, by the rule of the model's topology, is below the trigger. */
    boolean converged(ScenarioResult result) {
        return finalSpreadVolts(result) < triggerVolts;
    }

    double finalSpreadVolts(ScenarioResult result) {
        if (descriptor.topology() != Topology.BLEED) {
            return result.finalSpreadVolts();
        }
        List<ScenarioResult.VoltageSample> trace = result.trace();
        double[] last = trace.get(trace.size() - 1).volts();
        return Arrays.stream(last).max().orElse(0) - Arrays.stream(last).min().orElse(0);
    }

    String describe(ScenarioResult result) {
        return descriptor.qualifiedName() + " on " + initialVolts.length + " " + chemistry + " cells, cell "
                + (initialVolts.length / 2 + 1) + " raised by " + raiseVolts + " V above " + initialVolts[0]
                + " V: balancedAtSeconds=" + result.balancedAtSeconds() + ", final spread " + finalSpreadVolts(result)
                + " V (trigger " + triggerVolts + " V), after " + result.simulatedSeconds() + " s";
    }
}
