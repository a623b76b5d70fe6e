package io.cellgate.sim.scenario;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.PairDirection;
import java.util.List;

/**
 * What a scenario run gives, in SI-derived units named in the field names.
 *
 * @param scenario            the scenario's name
 * @param balancer            {@code model/variant} that decided
 * @param balancedAtSeconds   first time at which no pair balanced and every LED was off (the datasheet's
 *                            "equalization completed"), or null
 * @param simulatedSeconds    how far the run went
 * @param steps               physics steps run
 * @param spread              samples of the largest adjacent difference
 * @param pairChargeMovedAh   charge taken from the donor of each pair, over the run
 * @param energyLostWh        conversion loss of the balancer
 * @param energyBledWh        energy a passive board's resistors turned into heat
 * @param conservationError   relative error of the charge balance (should be ~1e-15)
 * @param indicators          every change of a cell's LED
 * @param pairs               every change of a pair's direction, with the current it started at
 * @param boardStates         every change of the board state
 * @param trace               samples of every cell's voltage
 * @param events              what the pack engine reported, as the gateway would log it: faults appearing (a cell
 *                            out of range, a decision refused as unsafe, a model that does not fit), plugin failures;
 *                            each prefixed with its simulated time
 */
public record ScenarioResult(String scenario, String balancer, Double balancedAtSeconds, double simulatedSeconds,
        long steps, List<Sample> spread, double[] pairChargeMovedAh, double energyLostWh, double energyBledWh,
        double conservationError, List<IndicatorChange> indicators, List<PairChange> pairs,
        List<BoardChange> boardStates, List<VoltageSample> trace, List<String> events) {

    /** The largest adjacent difference between valid cells at a time, in volts. */
    public record Sample(double atSeconds, double volts) {
    }

    /** Cell {@code cell} (numbered from 1) turned to {@code state}. */
    public record IndicatorChange(double atSeconds, int cell, Indicator state) {
    }

    /** Pair {@code pair} (numbered from 1) turned to {@code direction}, starting at {@code amps}. */
    public record PairChange(double atSeconds, int pair, PairDirection direction, double amps) {
    }

    public record BoardChange(double atSeconds, BoardState state) {
    }

    public record VoltageSample(double atSeconds, double[] volts) {
    }

    /** The largest adjacent difference at the end of the run, in volts. */
    public double finalSpreadVolts() {
        return spread.isEmpty() ? 0 : spread.get(spread.size() - 1).volts();
    }

    public String toJson() {
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
        JsonArray moved = new JsonArray();
        for (double ah : pairChargeMovedAh) {
            moved.add(ah);
        }
        o.add("pairChargeMovedAh", moved);
        JsonArray s = new JsonArray();
        spread.forEach(x -> s.add(pair(x.atSeconds(), x.volts())));
        o.add("maxAdjacentSpreadVolts", s);
        JsonArray ind = new JsonArray();
        for (IndicatorChange c : indicators) {
            JsonObject e = new JsonObject();
            e.addProperty("atSeconds", c.atSeconds());
            e.addProperty("cell", c.cell());
            e.addProperty("state", c.state().name());
            ind.add(e);
        }
        o.add("indicatorTimeline", ind);
        JsonArray pairTimeline = new JsonArray();
        for (PairChange c : pairs) {
            JsonObject e = new JsonObject();
            e.addProperty("atSeconds", c.atSeconds());
            e.addProperty("pair", c.pair());
            e.addProperty("direction", c.direction().name());
            e.addProperty("amps", c.amps());
            pairTimeline.add(e);
        }
        o.add("pairTimeline", pairTimeline);
        JsonArray board = new JsonArray();
        for (BoardChange c : boardStates) {
            JsonObject e = new JsonObject();
            e.addProperty("atSeconds", c.atSeconds());
            e.addProperty("state", c.state().name());
            board.add(e);
        }
        o.add("boardStateTimeline", board);
        JsonArray tr = new JsonArray();
        for (VoltageSample v : trace) {
            JsonObject e = new JsonObject();
            e.addProperty("atSeconds", v.atSeconds());
            JsonArray volts = new JsonArray();
            for (double x : v.volts()) {
                volts.add(x);
            }
            e.add("volts", volts);
            tr.add(e);
        }
        o.add("trace", tr);
        JsonArray ev = new JsonArray();
        events.forEach(ev::add);
        o.add("events", ev);
        return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(o);
    }

    private static JsonArray pair(double a, double b) {
        JsonArray p = new JsonArray();
        p.add(a);
        p.add(b);
        return p;
    }
}
