package io.cellgate.sim.cli;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.sim.scenario.Scenario;
import io.cellgate.sim.scenario.ScenarioModels;
import io.cellgate.sim.scenario.ScenarioResult;
import io.cellgate.sim.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code java -jar scenario.jar SCENARIO.json [RESULT.json]}: the bnd launcher calls this {@code main.thread}
 * callable once every bundle has started, and exits with the number it returns: 0 when the scenario ran, 1 when
 * the file or its model is wrong (with the reason on stderr), 2 for a wrong command line.
 */
@Component(property = "main.thread=true")
public final class ScenarioMain implements Callable<Integer> {

    /** How long to wait for the scenario's model to register (variants come from config/ through FileInstall). */
    static final long MODEL_WAIT_MILLIS = 5_000;

    private final String[] args;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<BalancerModel> models;

    @Activate
    public ScenarioMain(@Reference(name = "launcher", service = Object.class, target = "(launcher.arguments=*)")
            Map<String, Object> launcher) {
        Object a = launcher.get("launcher.arguments");
        this.args = a instanceof String[] s ? s : new String[0];
    }

    @Override
    public Integer call() {
        if (args.length < 1 || args.length > 2) {
            err.println("usage: java -jar scenario.jar SCENARIO.json [RESULT.json]");
            err.println("  runs the scenario as fast as possible; writes the JSON result to RESULT.json, or to "
                    + "standard output");
            return 2;
        }
        try {
            Scenario scenario = Scenario.read(Path.of(args[0]));
            BalancerModel model = awaitModel(scenario);
            long t0 = System.nanoTime();
            // a result file gets the trace streamed as it is taken, so the heap does not grow with the duration
            ScenarioResult result = args.length == 2 ? ScenarioRunner.run(scenario, model, Path.of(args[1]))
                    : ScenarioRunner.run(scenario, model);
            double wall = (System.nanoTime() - t0) / 1e9;
            if (args.length == 1) {
                out.println(result.toJson());
            }
            err.print(summary(result, wall));
            return 0;
        } catch (NoSuchFileException e) {
            err.println("error: no such file: " + e.getFile());
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
        }
        return 1;
    }

    private BalancerModel awaitModel(Scenario scenario) {
        long end = System.currentTimeMillis() + MODEL_WAIT_MILLIS;
        while (true) {
            List<BalancerModel> now = models == null ? List.of() : models;
            try {
                return ScenarioModels.choose(now, scenario);
            } catch (IllegalArgumentException notYet) {
                if (System.currentTimeMillis() > end) {
                    throw notYet;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalArgumentException("interrupted while waiting for model " + scenario.balancer());
            }
        }
    }

    private static String summary(ScenarioResult r, double wallSeconds) {
        return String.format(Locale.ROOT, "%s: %s with %s, largest adjacent difference at the end %.1f mV; "
                + "%.0f s simulated in %.3f s%n", r.scenario(), r.balancedAtSeconds() == null ? "not balanced"
                        : String.format(Locale.ROOT, "balanced after %.0f s", r.balancedAtSeconds()),
                r.balancer(), r.finalSpreadVolts() * 1000, r.simulatedSeconds(), wallSeconds);
    }
}
