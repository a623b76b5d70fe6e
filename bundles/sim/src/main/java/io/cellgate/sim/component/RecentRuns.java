package io.cellgate.sim.component;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cellgate.api.scenario.ScenarioResults;
import io.cellgate.api.scenario.ScenarioRun;
import io.cellgate.sim.scenario.ScenarioResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The last {@value #KEPT} runs of {@code sim:run} that wrote a result, newest first, in memory and in a small index
 * in the bundle's data area, so that they are found again after a restart (a run whose result file is gone is
 * dropped then). Only the paths a run wrote are ever listed.
 */
@Component(service = {ScenarioResults.class, RecentRuns.class})
public final class RecentRuns implements ScenarioResults {

    /** How many runs are kept. */
    static final int KEPT = 20;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final Path index;
    private final Clock clock;
    private final Consumer<String> warn;
    /** Whether the last write of the index failed: said once, and once more when it works again. */
    private boolean indexFailing;
    private final List<ScenarioRun> runs = new ArrayList<>();

    @Activate
    public RecentRuns(BundleContext context, @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this(context.getDataFile("recent-runs.json").toPath(), Clock.systemUTC(), log::warn);
    }

    RecentRuns(Path index, Clock clock) {
        this(index, clock, message -> { });
    }

    RecentRuns(Path index, Clock clock, Consumer<String> warn) {
        this.index = index;
        this.clock = clock;
        this.warn = warn;
        runs.addAll(read(index));
    }

    @Override
    public synchronized List<ScenarioRun> recent() {
        return List.copyOf(runs);
    }

    @Override
    public synchronized Optional<ScenarioRun> find(String id) {
        return runs.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Records a run that wrote {@code result} (and {@code report}, or null): it goes first, an older run that wrote
     * the same file goes, and the oldest beyond {@value #KEPT} go. Returns the run as listed.
     */
    synchronized ScenarioRun add(ScenarioResult r, Path result, Path report) {
        Instant now = clock.instant();
        Path json = result.toAbsolutePath().normalize();
        runs.removeIf(old -> old.result().equals(json));
        ScenarioRun run = new ScenarioRun(uniqueId(now, json), r.scenario(), r.balancer(), now,
                r.balancedAtSeconds(), r.finalSpreadVolts(), json,
                report == null ? null : report.toAbsolutePath().normalize());
        runs.add(0, run);
        while (runs.size() > KEPT) {
            runs.remove(runs.size() - 1);
        }
        write();
        return run;
    }

    /** The run's time and its result file's name, made safe for a URL: {@code 20261203-091500-day-run}. */
    private String uniqueId(Instant at, Path json) {
        String name = json.getFileName().toString().replaceFirst("(?i)\\.json$", "")
                .replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.+", "");
        if (name.length() > 40) {
            name = name.substring(0, 40);
        }
        String base = String.format(Locale.ROOT, "%1$tY%1$tm%1$td-%1$tH%1$tM%1$tS", java.util.Date.from(at))
                + (name.isEmpty() ? "" : "-" + name);
        String id = base;
        for (int n = 2; find(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private void write() {
        JsonArray a = new JsonArray();
        for (ScenarioRun r : runs) {
            JsonObject o = new JsonObject();
            o.addProperty("id", r.id());
            o.addProperty("scenario", r.scenario());
            o.addProperty("model", r.model());
            o.addProperty("finishedAt", r.finishedAt().toString());
            o.addProperty("balancedAtSeconds", r.balancedAtSeconds());
            o.addProperty("finalSpreadVolts", r.finalSpreadVolts());
            o.addProperty("result", r.result().toString());
            o.addProperty("report", r.report() == null ? null : r.report().toString());
            a.add(o);
        }
        try {
            Files.createDirectories(index.toAbsolutePath().getParent());
            Path temporary = index.resolveSibling(index.getFileName() + ".new");
            try (Writer w = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                GSON.toJson(a, w);
            }
            Files.move(temporary, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (indexFailing) {
                indexFailing = false;
                warn.accept("sim:run's list of recent runs is written again to " + index);
            }
        } catch (IOException e) {
            // the list in memory is what the console shows; after a restart it is merely shorter
            if (!indexFailing) {
                indexFailing = true;
                warn.accept("cannot write sim:run's list of recent runs to " + index + " (" + e.getMessage()
                        + "): the console lists them until the gateway restarts; check the free space and "
                        + "permissions of that folder");
            }
        }
    }

    /** The runs of the index whose result file is still there; nothing from a missing or damaged index. */
    static List<ScenarioRun> read(Path index) {
        List<ScenarioRun> list = new ArrayList<>();
        if (!Files.isRegularFile(index)) {
            return list;
        }
        try {
            JsonElement e = JsonParser.parseString(Files.readString(index, StandardCharsets.UTF_8));
            for (JsonElement x : e.getAsJsonArray()) {
                JsonObject o = x.getAsJsonObject();
                Path result = Path.of(o.get("result").getAsString());
                if (!Files.isRegularFile(result) || list.size() >= KEPT) {
                    continue;
                }
                Path report = o.get("report") == null || o.get("report").isJsonNull() ? null
                        : Path.of(o.get("report").getAsString());
                list.add(new ScenarioRun(o.get("id").getAsString(), o.get("scenario").getAsString(),
                        o.get("model").getAsString(), Instant.parse(o.get("finishedAt").getAsString()),
                        o.get("balancedAtSeconds") == null || o.get("balancedAtSeconds").isJsonNull() ? null
                                : o.get("balancedAtSeconds").getAsDouble(),
                        o.get("finalSpreadVolts").getAsDouble(), result,
                        report != null && Files.isRegularFile(report) ? report : null));
            }
        } catch (IOException | RuntimeException e) {
            // JsonParseException, IllegalStateException, a bad id or time: start from what was read
        }
        return list;
    }
}
