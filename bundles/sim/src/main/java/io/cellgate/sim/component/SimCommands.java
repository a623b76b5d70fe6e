package io.cellgate.sim.component;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.sim.model.SimPack;
import io.cellgate.sim.report.HtmlReport;
import io.cellgate.sim.report.ScenarioSource;
import io.cellgate.sim.scenario.Scenario;
import io.cellgate.sim.scenario.ScenarioModels;
import io.cellgate.sim.scenario.ScenarioResult;
import io.cellgate.sim.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The simulator's Gogo commands {@code sim:*}: look at the simulated packs, disturb them, run scenarios. Cells are
 * numbered from 1, as in {@code cellgate:cells}. A run with a result file also writes its HTML report beside it and
 * is listed among the {@link RecentRuns}, which the web console shows.
 */
@Component(service = SimCommands.class, property = {"osgi.command.scope=sim", "osgi.command.function=packs",
        "osgi.command.function=imbalance", "osgi.command.function=disconnect", "osgi.command.function=reconnect",
        "osgi.command.function=load", "osgi.command.function=speed", "osgi.command.function=run"})
public final class SimCommands {

    /** One run at a time: the ticks come first, and one run is enough to keep the other core busy. */
    private final Semaphore oneRun = new Semaphore(1);

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<SimulatedPack> packs;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<BalancerModel> models;

    private final RecentRuns recent;

    @Activate
    public SimCommands(@Reference RecentRuns recent) {
        this.recent = recent;
    }

    @Descriptor("list the simulated packs: cells, load, speed, simulated time, SOC and voltage ranges")
    public String packs() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-12s %5s %-4s %8s %8s %12s %13s %15s%n",
                "PACK", "CELLS", "CHEM", "LOAD A", "SPEED", "SIM TIME h", "SOC % min-max", "VOLTS min-max"));
        for (SimulatedPack p : sorted()) {
            b.append(p.<String>withModel(sim -> row(p, sim)));
        }
        return b.toString();
    }

    @Descriptor("raise (or lower, with a negative value) one cell's open-circuit voltage")
    public String imbalance(@Descriptor("simulated pack id") String pack, @Descriptor("cell, from 1") int cell,
            @Descriptor("millivolts, -1000 to 1000") double millivolts) {
        find(pack).imbalance(cell - 1, millivolts);
        return String.format(Locale.ROOT, "%s: cell %d moved by %+.1f mV%n", pack, cell, millivolts);
    }

    @Descriptor("open a cell's sense wire: the reading shows a bad contact")
    public String disconnect(@Descriptor("simulated pack id") String pack, @Descriptor("cell, from 1") int cell) {
        find(pack).disconnect(cell - 1, true);
        return pack + ": cell " + cell + " disconnected\n";
    }

    @Descriptor("close a cell's sense wire again")
    public String reconnect(@Descriptor("simulated pack id") String pack, @Descriptor("cell, from 1") int cell) {
        find(pack).disconnect(cell - 1, false);
        return pack + ": cell " + cell + " reconnected\n";
    }

    @Descriptor("set the pack current: positive discharges, negative charges")
    public String load(@Descriptor("simulated pack id") String pack, @Descriptor("amperes") double amps) {
        find(pack).setLoad(amps);
        return String.format(Locale.ROOT, "%s: load %.3f A%n", pack, amps);
    }

    @Descriptor("set how many simulated seconds pass per real second")
    public String speed(@Descriptor("simulated pack id") String pack,
            @Descriptor("factor, 0.001 to 100000") double factor) {
        find(pack).setTimeScale(factor);
        return String.format(Locale.ROOT, "%s: time runs x%s%n", pack, factor);
    }

    @Descriptor("run a scenario file as fast as possible and print its outcome")
    public String run(@Descriptor("scenario JSON file") String file) throws IOException {
        return run(file, null);
    }

    @Descriptor("run a scenario file as fast as possible, print its outcome, write the JSON result and, beside it, "
            + "the HTML report (the web console lists it under Scenarios)")
    public String run(@Descriptor("scenario JSON file") String file,
            @Descriptor("where to write the JSON result") String resultFile) throws IOException {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("cannot read scenario file " + path.toAbsolutePath());
        }
        Scenario s = Scenario.read(path);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        BalancerModel model = ScenarioModels.choose(models == null ? List.of() : models, s);
        Path result = resultFile == null ? null : Path.of(resultFile).toAbsolutePath();
        if (result != null) {
            if (!Files.isDirectory(result.getParent())) {
                throw new IllegalArgumentException("cannot write the result to " + result + ": the folder "
                        + result.getParent() + " does not exist");
            }
            new RunBudget(Files.getFileStore(result.getParent()).getUsableSpace()).check(s, file, resultFile);
        }
        if (!oneRun.tryAcquire()) {
            throw new IllegalStateException("another sim:run is in progress: wait for it to end, or stop it with "
                    + "Ctrl-C in its session");
        }
        long t0 = System.nanoTime();
        ScenarioResult r;
        try {
            r = runApart(s, model, result);
        } finally {
            oneRun.release();
        }
        if (r == null) {
            return "sim:run stopped: " + s.name() + " did not finish\n";
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (result == null) {
            return summary(r, wall);
        }
        Path report = reportBeside(result);
        Files.writeString(report, HtmlReport.single(new ScenarioSource(path, text, s), r), StandardCharsets.UTF_8);
        recent.add(r, result, report);
        return summary(r, wall) + "result written to " + resultFile + "\nreport written to " + report + "\n";
    }

    /** {@code day.json} gets {@code day.html}; another name gets {@code .html} added. */
    static Path reportBeside(Path result) {
        String name = result.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return result.resolveSibling(base + ".html");
    }

    /**
     * Runs the scenario on a thread of its own at the lowest priority, so that the ticks and the exporters come
     * first; Ctrl-C in the session (an interrupt) stops it. Returns null when stopped. The trace is streamed to the
     * result file, or not kept: the gateway's heap holds at most {@link HtmlReport#MAX_POINTS} samples, for the
     * report, whatever the duration.
     */
    private static ScenarioResult runApart(Scenario s, BalancerModel model, Path resultFile) {
        FutureTask<ScenarioResult> task = new FutureTask<>(() -> resultFile == null
                ? ScenarioRunner.run(s, model, null)
                : ScenarioRunner.run(s, model, resultFile, HtmlReport.MAX_POINTS));
        Thread thread = new Thread(task, "cellgate-sim-run");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException) {
                return null;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            String why = e.getCause().getMessage();
            throw new IllegalStateException(s.name() + " failed: " + (why == null ? "an internal error (see the log)"
                    : why), e.getCause());
        }
    }

    /** One paragraph an operator reads: did it balance, when, what it cost, and what to know. */
    public static String summary(ScenarioResult r, double wallSeconds) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s%n  balancer %s: %s; largest adjacent "
                + "difference at the end %.1f mV%n  %.0f s simulated in %.3f s (%d steps); charge moved %.4f Ah, "
                + "energy lost %.4f Wh%n", r.scenario(), r.balancer(), r.balancedAtSeconds() == null ? "not balanced"
                        : String.format(Locale.ROOT, "balanced after %.0f s (%.2f h)", r.balancedAtSeconds(),
                                r.balancedAtSeconds() / 3600),
                r.finalSpreadVolts() * 1000, r.simulatedSeconds(), wallSeconds, r.steps(),
                java.util.Arrays.stream(r.pairChargeMovedAh()).sum(), r.energyLostWh()));
        if (r.details() != null) {
            sb.append(String.format(Locale.ROOT, "  board awake %.0f %% of the run, drew %.4f Wh%n",
                    r.details().awakeShare() * 100, r.details().boardEnergyWh()));
            r.details().warnings().forEach(w -> sb.append("  warning: ").append(w).append(System.lineSeparator()));
        }
        return sb.toString();
    }

    private static String row(SimulatedPack p, SimPack sim) {
        double socMin = Double.MAX_VALUE, socMax = -Double.MAX_VALUE, vMin = Double.MAX_VALUE, vMax = -Double.MAX_VALUE;
        for (int c = 0; c < sim.cells(); c++) {
            socMin = Math.min(socMin, sim.soc(c));
            socMax = Math.max(socMax, sim.soc(c));
            vMin = Math.min(vMin, sim.terminalVolts(c));
            vMax = Math.max(vMax, sim.terminalVolts(c));
        }
        return String.format(Locale.ROOT, "%-12s %5d %-4s %8.3f %8s %12.2f %6.1f-%-6.1f %7.4f-%-7.4f%n", p.packId(),
                sim.cells(), sim.spec().chemistry(), p.load(), "x" + p.timeScale(), sim.timeSeconds() / 3600,
                socMin * 100, socMax * 100, vMin, vMax);
    }

    private SimulatedPack find(String id) {
        List<SimulatedPack> all = sorted();
        return all.stream().filter(p -> p.packId().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown simulated pack '" + id + "'; known: "
                        + (all.isEmpty() ? "none" : all.stream().map(SimulatedPack::packId)
                                .collect(Collectors.joining(", ")))));
    }

    private List<SimulatedPack> sorted() {
        List<SimulatedPack> list = packs;
        return list == null ? List.of()
                : list.stream().sorted(Comparator.comparing(SimulatedPack::packId)).collect(Collectors.toList());
    }
}
