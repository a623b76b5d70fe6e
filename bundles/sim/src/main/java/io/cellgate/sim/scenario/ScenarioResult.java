package io.cellgate.sim.scenario;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.PairDirection;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * What a scenario run gives, in SI-derived units named in the field names.
 *
 * @param scenario            the scenario's name
 * @param balancer            {@code model/variant} that decided
 * @param balancedAtSeconds   first time at which no pair balanced and every LED was off (the datasheet's
 *                            "equalization completed"), or null
 * @param simulatedSeconds    how far the run went
 * @param steps               physics steps run
 * @param spread              samples of the largest adjacent difference (the last only when the run streamed its
 *                            trace to the result file)
 * @param pairChargeMovedAh   charge taken from the donor of each pair, over the run
 * @param energyLostWh        conversion loss of the balancer
 * @param energyBledWh        energy a passive board's resistors turned into heat
 * @param conservationError   relative error of the charge balance (should be ~1e-15)
 * @param indicators          every change of a cell's LED
 * @param pairs               every change of a pair's direction, with the current it started at
 * @param boardStates         every change of the board state
 * @param trace               samples of every cell's voltage (the last only when streamed)
 * @param events              what the pack engine reported, as the gateway would log it: faults appearing (a cell
 *                            out of range, a decision refused as unsafe, a model that does not fit), plugin failures;
 *                            each prefixed with its simulated time
 * @param details             what a reader needs to judge and check the run (2.2; null from the older constructor)
 */
public record ScenarioResult(String scenario, String balancer, Double balancedAtSeconds, double simulatedSeconds,
        long steps, List<Sample> spread, double[] pairChargeMovedAh, double energyLostWh, double energyBledWh,
        double conservationError, List<IndicatorChange> indicators, List<PairChange> pairs,
        List<BoardChange> boardStates, List<VoltageSample> trace, List<String> events, ResultDetails details) {

    /** A result without {@link ResultDetails}, as before 2.2. */
    public ScenarioResult(String scenario, String balancer, Double balancedAtSeconds, double simulatedSeconds,
            long steps, List<Sample> spread, double[] pairChargeMovedAh, double energyLostWh, double energyBledWh,
            double conservationError, List<IndicatorChange> indicators, List<PairChange> pairs,
            List<BoardChange> boardStates, List<VoltageSample> trace, List<String> events) {
        this(scenario, balancer, balancedAtSeconds, simulatedSeconds, steps, spread, pairChargeMovedAh, energyLostWh,
                energyBledWh, conservationError, indicators, pairs, boardStates, trace, events, null);
    }

    /**
     * Both spreads at a time, in volts: {@code volts} the largest adjacent difference between valid cells,
     * {@code spreadVolts} the highest minus the lowest valid cell (2.2; NaN from the older constructor).
     */
    public record Sample(double atSeconds, double volts, double spreadVolts) {
        public Sample(double atSeconds, double volts) {
            this(atSeconds, volts, Double.NaN);
        }
    }

    /** Cell {@code cell} (numbered from 1) turned to {@code state}. */
    public record IndicatorChange(double atSeconds, int cell, Indicator state) {
    }

    /** Pair {@code pair} (numbered from 1) turned to {@code direction}, starting at {@code amps}. */
    public record PairChange(double atSeconds, int pair, PairDirection direction, double amps) {
    }

    public record BoardChange(double atSeconds, BoardState state) {
    }

    /**
     * Every cell at a time: its terminal voltage as read ({@code volts}), for a simulated run (2.2; else null) its
     * open-circuit voltage and state of charge, and each pair's signed current then (2.2; else null; positive from
     * the lower cell to the upper, as {@link io.cellgate.api.balancer.Decision#signedAmps} gives it).
     */
    public record VoltageSample(double atSeconds, double[] volts, double[] ocvVolts, double[] soc,
            double[] pairAmps) {
        public VoltageSample(double atSeconds, double[] volts) {
            this(atSeconds, volts, null, null, null);
        }
    }

    /** The largest adjacent difference at the end of the run, in volts. */
    public double finalSpreadVolts() {
        return spread.isEmpty() ? 0 : spread.get(spread.size() - 1).volts();
    }

    public String toJson() {
        StringWriter out = new StringWriter();
        try {
            writeJson(out, spread, trace);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Writes the result as {@link #toJson()} does, with the samples taken from {@code spreadSamples} and
     * {@code traceSamples} one at a time rather than from this result's lists: a trace streamed to a file is written
     * without being held (see {@link ScenarioRunner#run(Scenario, BalancerModel, java.nio.file.Path)}).
     */
    void writeJson(Writer out, Iterable<Sample> spreadSamples, Iterable<VoltageSample> traceSamples)
            throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("scenario", scenario);
        o.addProperty("balancer", balancer);
        if (balancedAtSeconds == null) {
            o.add("balancedAtSeconds", JsonNull.INSTANCE);
        } else {
            o.addProperty("balancedAtSeconds", balancedAtSeconds);
        }
        o.addProperty("simulatedSeconds", simulatedSeconds);
        o.addProperty("steps", steps);
        o.addProperty("finalMaxAdjacentSpreadVolts", finalSpreadVolts());
        o.addProperty("energyLostWh", energyLostWh);
        o.addProperty("energyBledWh", energyBledWh);
        o.addProperty("conservationError", conservationError);
        o.add("pairChargeMovedAh", numbers(pairChargeMovedAh));
        o.add(SPREAD, JsonNull.INSTANCE); // streamed below
        o.add(FULL_SPREAD, JsonNull.INSTANCE); // streamed below
        if (details != null) {
            ResultDetailsJson.add(o, details);
        }
        o.add("indicatorTimeline", timeline(indicators, IndicatorChange::atSeconds, (c, e) -> {
            e.addProperty("cell", c.cell());
            e.addProperty("state", c.state().name());
        }));
        o.add("pairTimeline", timeline(pairs, PairChange::atSeconds, (c, e) -> {
            e.addProperty("pair", c.pair());
            e.addProperty("direction", c.direction().name());
            e.addProperty("amps", c.amps());
        }));
        o.add("boardStateTimeline", timeline(boardStates, BoardChange::atSeconds,
                (c, e) -> e.addProperty("state", c.state().name())));
        o.add(TRACE, JsonNull.INSTANCE); // streamed below
        JsonArray ev = new JsonArray();
        events.forEach(ev::add);
        o.add("events", ev);

        // serializeNulls: a run never balanced says "balancedAtSeconds": null rather than dropping the key
        Gson gson = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().serializeNulls()
                .create();
        JsonWriter w = gson.newJsonWriter(out);
        w.setLenient(true); // NaN and infinities, as serializeSpecialFloatingPointValues writes them
        w.beginObject();
        for (Map.Entry<String, JsonElement> member : o.entrySet()) {
            w.name(member.getKey());
            switch (member.getKey()) {
                case SPREAD -> stream(w, gson, spreadSamples, x -> pair(x.atSeconds(), x.volts()));
                case FULL_SPREAD -> stream(w, gson, spreadSamples, x -> pair(x.atSeconds(), x.spreadVolts()));
                case TRACE -> stream(w, gson, traceSamples, timelineEntry(VoltageSample::atSeconds, (v, e) -> {
                    e.add("volts", numbers(v.volts()));
                    if (v.ocvVolts() != null) {
                        e.add("ocvVolts", numbers(v.ocvVolts()));
                        e.add("soc", numbers(v.soc()));
                    }
                    if (v.pairAmps() != null) {
                        e.add("pairAmps", numbers(v.pairAmps()));
                    }
                }));
                default -> gson.toJson(member.getValue(), w);
            }
        }
        w.endObject();
        w.flush();
    }

    private static final String SPREAD = "maxAdjacentSpreadVolts";
    private static final String FULL_SPREAD = "spreadVolts";
    private static final String TRACE = "trace";

    /** An array written one entry at a time: only the entry being written is in memory. */
    private static <T> void stream(JsonWriter w, Gson gson, Iterable<T> entries, Function<T, JsonElement> entry)
            throws IOException {
        w.beginArray();
        for (T e : entries) {
            gson.toJson(entry.apply(e), w);
        }
        w.endArray();
    }

    /** One object per entry, in order: its {@code atSeconds} first, then what {@code fill} adds. */
    private static <T> JsonArray timeline(List<T> entries, ToDoubleFunction<T> atSeconds,
            BiConsumer<T, JsonObject> fill) {
        JsonArray array = new JsonArray();
        entries.stream().map(timelineEntry(atSeconds, fill)).forEach(array::add);
        return array;
    }

    private static <T> Function<T, JsonElement> timelineEntry(ToDoubleFunction<T> atSeconds,
            BiConsumer<T, JsonObject> fill) {
        return entry -> {
            JsonObject e = new JsonObject();
            e.addProperty("atSeconds", atSeconds.applyAsDouble(entry));
            fill.accept(entry, e);
            return e;
        };
    }

    static JsonArray numbers(double[] values) {
        JsonArray array = new JsonArray();
        for (double value : values) {
            array.add(value);
        }
        return array;
    }

    private static JsonArray pair(double a, double b) {
        JsonArray p = new JsonArray();
        p.add(a);
        p.add(b);
        return p;
    }
}
