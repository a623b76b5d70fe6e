package io.cellgate.sim.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.PackFit;
import io.cellgate.sim.report.Figures;
import io.cellgate.sim.report.HtmlReport;
import io.cellgate.sim.report.ScenarioSource;
import io.cellgate.sim.report.Table;
import io.cellgate.sim.scenario.Scenario;
import io.cellgate.sim.scenario.ScenarioModels;
import io.cellgate.sim.scenario.ScenarioResult;
import io.cellgate.sim.scenario.ScenarioRunner;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The scenario command, free of the framework: {@link ScenarioMain} hands it the registered models and a way to make
 * variants; tests hand it plain models. Runs one scenario, compares models on one scenario, or sweeps a grid of
 * variant parameters; every refusal is a {@link ScenarioError} with its message and exit code.
 */
public final class ScenarioCli {

    static final String USAGE = """
            usage: java -jar scenario.jar [--plugins DIR] SCENARIO.json [RESULT.json] [--model MODEL] [--report REPORT.html]
                   java -jar scenario.jar [--plugins DIR] compare SCENARIO.json MODEL MODEL... [--report R.html] [--csv T.csv]
                   java -jar scenario.jar [--plugins DIR] sweep SCENARIO.json --model MODEL[,MODEL...] --set PROPERTY=V1,V2...
                                          [--set ...] [--csv T.csv] [--report R.html] [--threads N]
                   java -jar scenario.jar [--plugins DIR] --models [SCENARIO.json]
                   java -jar scenario.jar --help

              run      plays the scenario (or replays its recording) as fast as possible; the JSON result goes to
                       RESULT.json or standard output, a summary and the warnings to standard error
              compare  runs the same scenario or recording through two or more models or variants: a table, and with
                       --report one HTML report with their charts overlaid and side by side
              sweep    runs every combination of the --set values (properties of the model's variant configuration,
                       e.g. trigger.mv, stop.mv, max.amps for EK-L20S1A) for each --model, on all cores: a table,
                       --csv for tools, --report for its chart
              --models lists the registered models (with a scenario: whether each fits its pack)
              --model  runs the scenario with this model instead of its "balancer"
              --report writes one self-contained HTML file with charts (opens offline)
              --plugins installs the plugin jars of DIR first (default: deploy/ when it exists)

            exit codes: 0 done, 2 usage, 3 file, 4 JSON, 5 field, 6 unknown model, 7 model does not fit the pack,
                        8 recording, 9 memory, 10 output, 11 plugin, 1 internal error
            """;

    /** Makes the variants a sweep runs: in the gateway's assembly through Configuration Admin. */
    public interface Variants {
        /**
         * One pending variant per grid point, in order: {@code base}'s variant configuration with {@code values}
         * set. They may be made in the background while the first ones already run.
         */
        List<Pending> create(BalancerModel base, List<Map<String, String>> values);

        /** Removes every variant made. */
        void close();
    }

    /** A variant being made. */
    public interface Pending {
        /** Waits until the model registers it; null when the model refused the values. */
        BalancerModel await();

        /** Why the model refused the values, once {@link #await()} gave null. */
        String refusal();
    }

    /** A variant there already is, or a refusal. */
    record Made(BalancerModel await, String refusal) implements Pending {
    }

    private final Supplier<List<BalancerModel>> models;
    private final Variants variants;
    private final PrintStream out;
    private final PrintStream err;
    private final long modelWaitMillis;

    public ScenarioCli(Supplier<List<BalancerModel>> models, Variants variants, PrintStream out, PrintStream err,
            long modelWaitMillis) {
        this.models = models;
        this.variants = variants;
        this.out = out;
        this.err = err;
        this.modelWaitMillis = modelWaitMillis;
    }

    /** Runs the command line; returns the exit code, having printed what went wrong. */
    public int run(String... args) {
        try {
            return command(Args.parse(args));
        } catch (ScenarioError e) {
            err.println("error: " + e.getMessage());
            if (e.exitCode() == ScenarioError.USAGE) {
                err.print("usage: see java -jar scenario.jar --help" + System.lineSeparator());
            }
            return e.exitCode();
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory: give Java more (java -Xmx2g -jar scenario.jar ...), or trace less often"
                    + " (a larger traceEverySeconds)");
            return ScenarioError.MEMORY;
        } catch (RuntimeException e) {
            err.println("internal error: " + e + " (please report it with the scenario file)");
            return ScenarioError.INTERNAL;
        }
    }

    private int command(Args a) {
        if (a.help) {
            out.print(USAGE);
            return 0;
        }
        if (a.listModels) {
            return listModels(a.positional.isEmpty() ? null : read(Path.of(a.positional.get(0))));
        }
        if (a.positional.isEmpty()) {
            throw new ScenarioError(ScenarioError.USAGE, "no scenario file given");
        }
        return switch (a.positional.get(0)) {
            case "compare" -> compare(a);
            case "sweep" -> sweep(a);
            case "run" -> run(a, a.positional.subList(1, a.positional.size()));
            default -> run(a, a.positional);
        };
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** A scenario file and its text, read with the refusals of this command. */
    static ScenarioSource read(Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new ScenarioError(ScenarioError.FILE, file + " is a folder: give a scenario file (.json)");
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioError(ScenarioError.FILE, "no such file: " + file);
        } catch (AccessDeniedException e) {
            throw new ScenarioError(ScenarioError.FILE, "cannot read " + file + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new ScenarioError(ScenarioError.FILE, file + ": not a scenario: not UTF-8 text (a scenario is a "
                    + "JSON file, see docs/simulator.md)");
        } catch (IOException e) {
            throw new ScenarioError(ScenarioError.FILE, "cannot read " + file + ": " + e.getMessage());
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            root = null;
        }
        boolean replay = root != null && root.isJsonObject() && root.getAsJsonObject().has("replay");
        try {
            return new ScenarioSource(file, text, Scenario.parse(text, file.toAbsolutePath().getParent()));
        } catch (IllegalArgumentException e) {
            String m = file + ": " + e.getMessage();
            if (root == null || !root.isJsonObject() || e.getMessage().startsWith("not a scenario")) {
                throw new ScenarioError(ScenarioError.JSON, m);
            }
            throw new ScenarioError(replay && !e.getMessage().startsWith("replay: load") ? recordingOrField(e)
                    : ScenarioError.FIELD, m);
        } catch (IOException e) {
            throw new ScenarioError(replay ? ScenarioError.RECORDING : ScenarioError.FILE, file + ": "
                    + e.getMessage());
        }
    }

    /** A replay's error names the recording or its own field; a plain field error elsewhere is a field error. */
    private static int recordingOrField(IllegalArgumentException e) {
        String m = e.getMessage();
        return m.startsWith("replay") || m.contains(".csv") ? ScenarioError.RECORDING : ScenarioError.FIELD;
    }

    // ------------------------------------------------------------------------------------------------ models

    private int listModels(ScenarioSource in) {
        List<BalancerModel> all = awaitModels(null);
        out.printf("%-32s %-10s %-8s %-8s %s%n", "MODEL", "CELLS", "CHEM", "STRINGS", in == null ? "VENDOR"
                : "FITS " + in.file().getFileName());
        for (BalancerModel m : sorted(all)) {
            ModelDescriptor d = m.descriptor();
            double strings = d.parameter(ModelDescriptor.STRINGS);
            out.printf("%-32s %-10s %-8s %-8s %s%n", d.qualifiedName(), d.minCells() + "-" + d.maxCells(),
                    d.chemistries().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                    Double.isNaN(strings) ? "-" : Integer.toString((int) strings),
                    in == null ? d.vendor() : d.fit(in.scenario().description()).summary());
        }
        return 0;
    }

    private static List<BalancerModel> sorted(List<BalancerModel> models) {
        return models.stream().sorted(Comparator.comparing(m -> m.descriptor().qualifiedName())).toList();
    }

    /** The models registered now, waiting up to the model wait for {@code name} (a variant from config/) to appear. */
    private List<BalancerModel> awaitModels(String name) {
        long end = System.currentTimeMillis() + modelWaitMillis;
        while (true) {
            List<BalancerModel> now = models.get();
            if (name == null ? !now.isEmpty() || System.currentTimeMillis() > end
                    : find(now, name) != null || System.currentTimeMillis() > end) {
                return now;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
        }
    }

    private static BalancerModel find(List<BalancerModel> models, String name) {
        Scenario probe = probe(name);
        try {
            return ScenarioModels.choose(models, probe);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A scenario that only names a model, for {@link ScenarioModels#choose}. */
    private static Scenario probe(String name) {
        int slash = name.indexOf('/');
        return new Scenario("", null, slash < 0 ? name : name.substring(0, slash),
                slash < 0 ? null : name.substring(slash + 1), null, List.of(), 1, 1, 1, 1, false);
    }

    /** The model named, fitting the scenario's pack; refused up front with what to choose instead. */
    BalancerModel model(String name, Scenario s) {
        List<BalancerModel> all = awaitModels(name);
        BalancerModel m = find(all, name);
        if (m == null) {
            throw new ScenarioError(ScenarioError.UNKNOWN_MODEL, "unknown model '" + name + "'; known models: "
                    + (all.isEmpty() ? "none" : sorted(all).stream().map(x -> x.descriptor().qualifiedName())
                            .collect(Collectors.joining(", ")))
                    + " (java -jar scenario.jar --models lists them; --plugins DIR adds a vendor's)");
        }
        PackFit fit = m.descriptor().fit(s.description());
        if (!fit.supported()) {
            List<String> fitting = all.stream().filter(x -> x.descriptor().fit(s.description()).supported())
                    .map(x -> x.descriptor().qualifiedName()).sorted().toList();
            throw new ScenarioError(ScenarioError.NOT_FIT, m.descriptor().qualifiedName() + " does not fit the "
                    + "scenario's pack: " + String.join("; ", fit.reasons()) + (fitting.isEmpty() ? ""
                            : "; models that fit: " + String.join(", ", fitting)));
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------------ run

    private int run(Args a, List<String> positional) {
        if (positional.isEmpty() || positional.size() > 2) {
            throw new ScenarioError(ScenarioError.USAGE, positional.isEmpty() ? "no scenario file given"
                    : "too many arguments: " + String.join(" ", positional));
        }
        ScenarioSource in = read(Path.of(positional.get(0)));
        Scenario s = a.model == null ? in.scenario() : withModel(in.scenario(), a.model);
        BalancerModel model = model(s.balancer(), s);
        Path resultFile = positional.size() == 2 ? Path.of(positional.get(1)) : null;
        boolean held = resultFile == null || a.report != null;
        if (held) {
            MemoryBudget.check(s, 1);
        }
        checkWritable(resultFile);
        checkWritable(a.report);
        long t0 = System.nanoTime();
        ScenarioResult r = runOne(s, model, held ? null : resultFile, held);
        double wall = (System.nanoTime() - t0) / 1e9;
        if (held && resultFile != null) {
            write(resultFile, w -> w.write(r.toJson()));
        } else if (resultFile == null) {
            out.println(r.toJson());
        }
        if (a.report != null) {
            write(a.report, w -> w.write(HtmlReport.single(in, r)));
        }
        err.print(summary(r, wall));
        return 0;
    }

    private static Scenario withModel(Scenario s, String name) {
        int slash = name.indexOf('/');
        return new Scenario(s.name(), s.pack(), slash < 0 ? name : name.substring(0, slash),
                slash < 0 ? null : name.substring(slash + 1), s.load(), s.faults(), s.stepSeconds(), s.tickSeconds(),
                s.durationSeconds(), s.traceEverySeconds(), s.stopWhenBalanced(), s.replay());
    }

    /** One run, the trace held or streamed to {@code resultFile} (or dropped with neither). */
    static ScenarioResult runOne(Scenario s, BalancerModel model, Path resultFile, boolean held) {
        try {
            return held ? ScenarioRunner.run(s, model) : ScenarioRunner.run(s, model, resultFile);
        } catch (IllegalArgumentException e) {
            throw new ScenarioError(s.replay() != null ? ScenarioError.RECORDING : ScenarioError.FIELD,
                    e.getMessage());
        } catch (UncheckedIOException e) {
            throw new ScenarioError(ScenarioError.OUTPUT, e.getMessage());
        } catch (IOException e) {
            throw new ScenarioError(ScenarioError.OUTPUT, "cannot write " + resultFile + ": " + e.getMessage());
        }
    }

    private String summary(ScenarioResult r, double wallSeconds) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %s with %s, largest adjacent difference "
                + "at the end %.1f mV, spread %.1f mV; board awake %.0f %% of the run, drew %.4f Wh; %.0f s simulated "
                + "in %.3f s%n", r.scenario(), r.balancedAtSeconds() == null ? "not balanced"
                        : String.format(Locale.ROOT, "balanced after %.0f s", r.balancedAtSeconds()),
                r.balancer(), r.finalSpreadVolts() * 1000, r.details().spreadVolts() * 1000,
                r.details().awakeShare() * 100, r.details().boardEnergyWh(), r.simulatedSeconds(), wallSeconds));
        for (String w : r.details().warnings()) {
            sb.append("warning: ").append(w).append(System.lineSeparator());
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------ compare

    private int compare(Args a) {
        List<String> p = a.positional;
        if (p.size() < 4) {
            throw new ScenarioError(ScenarioError.USAGE, "compare needs a scenario and at least two models, e.g. "
                    + "compare config/scenarios/20s-ncm-300mv.json EK-L20S1A/datasheet EK-L20S1A/tight");
        }
        ScenarioSource in = read(Path.of(p.get(1)));
        List<BalancerModel> chosen = new ArrayList<>();
        for (String name : p.subList(2, p.size())) {
            chosen.add(model(name, withModel(in.scenario(), name)));
        }
        boolean held = a.report != null;
        if (held) {
            MemoryBudget.check(in.scenario(), chosen.size());
        }
        checkWritable(a.report);
        checkWritable(a.csv);
        List<ScenarioResult> results = parallel(chosen.stream().map(m -> (java.util.concurrent.Callable<ScenarioResult>)
                () -> runOne(withModel(in.scenario(), m.descriptor().qualifiedName()), m, null, held)).toList(),
                a.threads);
        Table table = new Table(List.of());
        for (ScenarioResult r : results) {
            table.add(new Table.Row(r.balancer(), Map.of(), Figures.of(r), null));
        }
        out.print(table.text());
        for (ScenarioResult r : results) {
            for (String w : r.details().warnings()) {
                err.println("warning: " + r.balancer() + ": " + w);
            }
        }
        if (a.csv != null) {
            write(a.csv, table::csv);
        }
        if (a.report != null) {
            write(a.report, w -> w.write(HtmlReport.compare(in, results, table)));
        }
        return 0;
    }

    // ------------------------------------------------------------------------------------------------ sweep

    private int sweep(Args a) {
        if (a.positional.size() != 2) {
            throw new ScenarioError(ScenarioError.USAGE, "sweep needs one scenario file, e.g. sweep "
                    + "config/scenarios/20s-ncm-300mv.json --model EK-L20S1A --set trigger.mv=60,100 --set stop.mv=10,30");
        }
        if (a.sweepModels.isEmpty()) {
            throw new ScenarioError(ScenarioError.USAGE, "sweep needs --model MODEL (one or more, comma separated)");
        }
        if (a.sets.isEmpty()) {
            throw new ScenarioError(ScenarioError.USAGE, "sweep needs --set PROPERTY=V1,V2,... (one or more)");
        }
        ScenarioSource in = read(Path.of(a.positional.get(1)));
        List<Map<String, String>> grid = grid(a.sets);
        checkWritable(a.report);
        checkWritable(a.csv);
        Table table = new Table(new ArrayList<>(a.sets.keySet()));
        List<String> names = new ArrayList<>();
        List<Pending> runs = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (String name : a.sweepModels) {
                BalancerModel base = model(name, withModel(in.scenario(), name));
                for (Pending p : variants.create(base, grid)) {
                    names.add(base.descriptor().model());
                    runs.add(p);
                }
            }
            LongAdder cpuNanos = new LongAdder();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            List<java.util.concurrent.Callable<ScenarioResult>> tasks = new ArrayList<>();
            for (Pending p : runs) {
                tasks.add(() -> {
                    BalancerModel m = p.await();
                    if (m == null) {
                        return null;
                    }
                    long c0 = threads.getCurrentThreadCpuTime();
                    try {
                        return runOne(withModel(in.scenario(), m.descriptor().qualifiedName()), m, null, false);
                    } finally {
                        cpuNanos.add(threads.getCurrentThreadCpuTime() - c0);
                    }
                });
            }
            List<ScenarioResult> results = parallel(tasks, a.threads);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = cpuNanos.sum() / 1e9;
            for (int i = 0; i < results.size(); i++) {
                ScenarioResult r = results.get(i);
                table.add(new Table.Row(r == null ? names.get(i) : r.balancer(), grid.get(i % grid.size()),
                        r == null ? null : Figures.of(r), r == null ? runs.get(i).refusal() : null));
            }
            out.print(table.text());
            long ran = results.stream().filter(r -> r != null).count();
            err.printf(Locale.ROOT, "%d runs of %s (%.0f s simulated each) in %.1f s on %d threads, the variants "
                    + "made meanwhile; CPU %.1f s, %.1f ms CPU per run%n", ran, in.file().getFileName(),
                    in.scenario().durationSeconds(), wall, threads(a.threads), cpu, ran == 0 ? 0 : cpu * 1000 / ran);
            if (a.csv != null) {
                write(a.csv, table::csv);
            }
            if (a.report != null) {
                write(a.report, w -> w.write(HtmlReport.sweep(in, table)));
            }
            return 0;
        } finally {
            variants.close();
        }
    }

    /** Every combination of the values, the first property varying slowest. */
    static List<Map<String, String>> grid(Map<String, List<String>> sets) {
        List<Map<String, String>> grid = new ArrayList<>();
        grid.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : sets.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> g : grid) {
                for (String v : e.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(g);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            grid = next;
        }
        return grid;
    }

    static int threads(int asked) {
        return asked > 0 ? asked : Runtime.getRuntime().availableProcessors();
    }

    private static <T> List<T> parallel(List<java.util.concurrent.Callable<T>> tasks, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(Math.max(1, tasks.size()), threads(threads)),
                r -> {
                    Thread t = new Thread(r, "scenario-run");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (java.util.concurrent.Callable<T> t : tasks) {
                futures.add(pool.submit(t));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ScenarioError se) {
                throw se;
            }
            if (e.getCause() instanceof OutOfMemoryError oom) {
                throw oom;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------------ output

    interface Body {
        void write(Writer w) throws IOException;
    }

    /** Refuses up front a file the run could not write at the end. */
    private static void checkWritable(Path file) {
        if (file == null) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new ScenarioError(ScenarioError.OUTPUT, file + " is a folder: give a file name to write");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ScenarioError(ScenarioError.OUTPUT, "cannot write " + file + ": no folder " + dir);
        }
        if (!Files.isWritable(dir)) {
            throw new ScenarioError(ScenarioError.OUTPUT, "cannot write " + file + ": the folder is not writable");
        }
    }

    private static void write(Path file, Body body) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            body.write(w);
        } catch (IOException e) {
            throw new ScenarioError(ScenarioError.OUTPUT, "cannot write " + file + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ arguments

    static final class Args {
        boolean help;
        boolean listModels;
        Path report;
        Path csv;
        String model;
        int threads;
        final List<String> sweepModels = new ArrayList<>();
        final Map<String, List<String>> sets = new LinkedHashMap<>();
        final List<String> positional = new ArrayList<>();

        static Args parse(String... args) {
            Args a = new Args();
            for (int i = 0; i < args.length; i++) {
                String x = args[i];
                switch (x) {
                    case "--help", "-h" -> a.help = true;
                    case "--models" -> a.listModels = true;
                    case "--report" -> a.report = Path.of(value(args, ++i, x));
                    case "--csv" -> a.csv = Path.of(value(args, ++i, x));
                    case "--plugins" -> value(args, ++i, x); // installed by ScenarioMain before the command runs
                    case "--model" -> {
                        String v = value(args, ++i, x);
                        a.model = v;
                        for (String m : v.split(",")) {
                            if (!m.isBlank()) {
                                a.sweepModels.add(m.trim());
                            }
                        }
                    }
                    case "--threads" -> a.threads = threadCount(value(args, ++i, x));
                    case "--set" -> a.set(value(args, ++i, x));
                    default -> {
                        if (x.startsWith("--")) {
                            throw new ScenarioError(ScenarioError.USAGE, "unknown option " + x);
                        }
                        a.positional.add(x);
                    }
                }
            }
            return a;
        }

        private void set(String v) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw new ScenarioError(ScenarioError.USAGE, "--set " + v + ": write PROPERTY=V1,V2,... e.g. "
                        + "--set trigger.mv=40,60,100");
            }
            List<String> values = new ArrayList<>();
            for (String s : v.substring(eq + 1).split(",")) {
                if (!s.isBlank()) {
                    values.add(s.trim());
                }
            }
            if (values.isEmpty()) {
                throw new ScenarioError(ScenarioError.USAGE, "--set " + v + ": no values");
            }
            if (sets.put(v.substring(0, eq).trim(), values) != null) {
                throw new ScenarioError(ScenarioError.USAGE, "--set " + v.substring(0, eq) + " given twice");
            }
        }

        private static int threadCount(String v) {
            try {
                int n = Integer.parseInt(v);
                if (n >= 1 && n <= 1024) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new ScenarioError(ScenarioError.USAGE, "--threads " + v + ": give a whole number from 1 to 1024");
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new ScenarioError(ScenarioError.USAGE, option + " needs a value");
            }
            return args[i];
        }
    }
}
