package io.cellgate.sim.scenario;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.cellgate.api.balancer.DecisionCheck;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.sim.model.SimPackSpec;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario file, read strictly: an unknown field, a wrong type or a value out of range is an error that names
 * the field. The format is documented in {@code docs/simulator.md}.
 *
 * @param name              free text
 * @param pack              the simulated pack
 * @param model             balancer model id, e.g. {@code EK-L20S1A}
 * @param variant           the model's variant, or null for any
 * @param load              the pack current over time
 * @param faults            injected faults, in time order
 * @param stepSeconds       physics step
 * @param tickSeconds       how often the balancer decides (a multiple of the step is best)
 * @param durationSeconds   longest simulated time
 * @param traceEverySeconds how often the result samples voltages and spread
 * @param stopWhenBalanced  end the run once the pack is balanced
 * @param replay            a recording whose voltages replace the physics ({@link ReplayRunner}), or null
 */
public record Scenario(String name, SimPackSpec pack, String model, String variant, LoadProfile load,
        List<FaultEvent> faults, double stepSeconds, double tickSeconds, double durationSeconds,
        double traceEverySeconds, boolean stopWhenBalanced, Path replay) {

    static final Set<String> FIELDS = Set.of("name", "pack", "balancer", "load", "faults", "stepSeconds",
            "tickSeconds", "durationSeconds", "traceEverySeconds", "stopWhenBalanced", "replay");
    static final Set<String> PACK_FIELDS = Set.of("cells", "chemistry", "capacityAh", "capacitySpread",
            "initialVolts", "initialSoc", "socPercent", "socSpreadPercent", "seed", "efficiency",
            "selfDischargePercentPerMonth", "dcResistanceOhms");
    static final Set<String> LOAD_FIELDS = Set.of("amps", "steps", "csv");
    static final Set<String> STEP_FIELDS = Set.of("atSeconds", "amps");
    static final Set<String> FAULT_FIELDS = Set.of("atSeconds", "kind", "cell", "sigmaMv", "offsetMv",
            "percentPerMonth");

    private static final Pattern JSON_POSITION = Pattern.compile("line \\d+ column \\d+");

    /** Longest scenario: a year of pack time. */
    static final double MAX_DURATION_SECONDS = 365 * 86400.0;

    public Scenario {
        faults = List.copyOf(faults);
    }

    /** A scenario on the simulator's physics. */
    public Scenario(String name, SimPackSpec pack, String model, String variant, LoadProfile load,
            List<FaultEvent> faults, double stepSeconds, double tickSeconds, double durationSeconds,
            double traceEverySeconds, boolean stopWhenBalanced) {
        this(name, pack, model, variant, load, faults, stepSeconds, tickSeconds, durationSeconds, traceEverySeconds,
                stopWhenBalanced, null);
    }

    /** {@code model/variant} or the model alone. */
    public String balancer() {
        return variant == null ? model : model + "/" + variant;
    }

    public PackDescription description() {
        return pack.description("scenario");
    }

    /** Reads a scenario file; a CSV load profile is found relative to it. */
    public static Scenario read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not a scenario: not UTF-8 text (a scenario is a JSON file, "
                    + "see docs/simulator.md)");
        }
        try {
            return parse(text, file.toAbsolutePath().getParent());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public static Scenario parse(String json, Path baseDir) throws IOException {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            // Gson's message carries its exception's class and a troubleshooting link: keep only where it stopped.
            Matcher at = JSON_POSITION.matcher(String.valueOf(e.getMessage()));
            throw new IllegalArgumentException("not a scenario: not valid JSON" + (at.find() ? " at " + at.group() : "")
                    + " (a scenario is a JSON object, see docs/simulator.md)");
        }
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("not a scenario: a scenario is a JSON object {...}, see docs/simulator.md");
        }
        JsonFields f = new JsonFields(root, "", FIELDS);
        SimPackSpec pack = pack(new JsonFields(f.get("pack"), "pack", PACK_FIELDS));
        String balancer = f.string("balancer");
        int slash = balancer.indexOf('/');
        String model = slash < 0 ? balancer : balancer.substring(0, slash);
        String variant = slash < 0 ? null : balancer.substring(slash + 1);
        if (model.isBlank() || (variant != null && variant.isBlank())) {
            throw new IllegalArgumentException("balancer '" + balancer + "' must be MODEL or MODEL/VARIANT");
        }
        LoadProfile load = f.has("load") ? load(new JsonFields(f.get("load"), "load", LOAD_FIELDS), baseDir)
                : LoadProfile.constant(0);
        List<FaultEvent> faults = f.has("faults") ? faults(f.array("faults"), pack.cells()) : List.of();
        double step = f.positive("stepSeconds", 1.0);
        double tick = f.positive("tickSeconds", step);
        double duration = f.positive("durationSeconds", 86400);
        if (duration > MAX_DURATION_SECONDS) {
            throw new IllegalArgumentException("durationSeconds=" + duration + " is out of range: at most "
                    + MAX_DURATION_SECONDS + " s (a year)");
        }
        if (step > 60) {
            throw new IllegalArgumentException("stepSeconds=" + step + " is out of range: at most 60 s (the RC pair's "
                    + "time constant is 30 s)");
        }
        double trace = f.positive("traceEverySeconds", Math.max(step, duration / 200));
        Path replay = f.has("replay") ? Recording.resolve(f, baseDir, pack.cells()) : null;
        return new Scenario(f.string("name", "scenario"), pack, model, variant, load, faults, step, tick, duration,
                trace, f.bool("stopWhenBalanced", replay == null), replay);
    }

    private static SimPackSpec pack(JsonFields p) {
        int cells = p.integer("cells", PackDescription.MIN_CELLS, PackDescription.MAX_CELLS);
        Chemistry chemistry;
        try {
            chemistry = Chemistry.parse(p.string("chemistry"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pack.chemistry: " + e.getMessage());
        }
        SimPackSpec.Builder b = SimPackSpec.builder(cells, chemistry, p.positive("capacityAh", 2.5));
        int initial = (p.has("initialVolts") ? 1 : 0) + (p.has("initialSoc") ? 1 : 0) + (p.has("socPercent") ? 1 : 0);
        if (initial > 1) {
            throw new IllegalArgumentException("pack: give one of initialVolts, initialSoc or socPercent, not several");
        }
        if (p.has("initialVolts")) {
            b.initialVolts(restingVolts(p, sized(p, "initialVolts", cells)));
        } else if (p.has("initialSoc")) {
            b.initialSoc(sized(p, "initialSoc", cells));
        } else {
            b.initialSocDrawn(p.number("socPercent", 50) / 100, p.number("socSpreadPercent", 0) / 100);
        }
        if (p.has("capacitySpread")) {
            b.capacitySpread(p.number("capacitySpread"));
        }
        if (p.has("efficiency")) {
            b.balancerEfficiency(p.number("efficiency"));
        }
        if (p.has("selfDischargePercentPerMonth")) {
            b.selfDischarge(p.number("selfDischargePercentPerMonth"));
        }
        if (p.has("dcResistanceOhms")) {
            b.dcResistanceOhms(p.number("dcResistanceOhms"));
        }
        b.seed(p.whole("seed", 1));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pack: " + e.getMessage());
        }
    }

    /** Start voltages a cell can rest at: what the gateway would take for a reading (0 to 6 V), no more. */
    private static double[] restingVolts(JsonFields p, double[] volts) {
        for (int i = 0; i < volts.length; i++) {
            if (!(volts[i] >= 0 && volts[i] <= DecisionCheck.MAX_PLAUSIBLE_VOLTS)) {
                throw new IllegalArgumentException(p.name("initialVolts") + "[" + i + "]=" + volts[i]
                        + " is out of range: 0 to " + (int) DecisionCheck.MAX_PLAUSIBLE_VOLTS
                        + " V (a cell's resting voltage)");
            }
        }
        return volts;
    }

    private static double[] sized(JsonFields p, String key, int cells) {
        double[] v = p.numbers(key);
        if (v.length != cells) {
            throw new IllegalArgumentException(p.name(key) + " has " + v.length + " values for " + cells + " cells");
        }
        return v;
    }

    private static LoadProfile load(JsonFields l, Path baseDir) throws IOException {
        int given = (l.has("amps") ? 1 : 0) + (l.has("steps") ? 1 : 0) + (l.has("csv") ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("load: give exactly one of amps, steps or csv");
        }
        if (l.has("amps")) {
            return LoadProfile.constant(l.number("amps"));
        }
        if (l.has("csv")) {
            Path csv = baseDir == null ? Path.of(l.string("csv")) : baseDir.resolve(l.string("csv"));
            if (!Files.isReadable(csv)) {
                throw new IllegalArgumentException("load.csv: cannot read " + csv);
            }
            return LoadProfile.fromCsv(csv);
        }
        JsonArray steps = l.array("steps");
        double[] at = new double[steps.size()];
        double[] amps = new double[steps.size()];
        for (int i = 0; i < at.length; i++) {
            JsonFields s = new JsonFields(steps.get(i), "load.steps[" + i + "]", STEP_FIELDS);
            at[i] = s.number("atSeconds");
            amps[i] = s.number("amps");
        }
        return new LoadProfile(at, amps);
    }

    private static List<FaultEvent> faults(JsonArray array, int cells) {
        List<FaultEvent> list = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "faults[" + i + "]";
            JsonFields f = new JsonFields(array.get(i), path, FAULT_FIELDS);
            FaultEvent.Kind kind = FaultEvent.Kind.parse(f.string("kind"), path + ".kind");
            double at = f.number("atSeconds", 0);
            if (at < 0) {
                throw new IllegalArgumentException(path + ".atSeconds must be >= 0, got " + at);
            }
            if (kind == FaultEvent.Kind.NOISE) {
                list.add(new FaultEvent(at, kind, -1, f.number("sigmaMv", 0), f.number("offsetMv", 0)));
            } else {
                int cell = f.integer("cell", 1, cells) - 1;
                double value = kind == FaultEvent.Kind.SELF_DISCHARGE ? f.number("percentPerMonth") : 0;
                list.add(new FaultEvent(at, kind, cell, value, 0));
            }
        }
        list.sort(Comparator.comparingDouble(FaultEvent::atSeconds));
        return list;
    }
}
