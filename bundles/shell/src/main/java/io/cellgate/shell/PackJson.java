package io.cellgate.shell;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.TickStats;
import io.cellgate.api.runtime.TickSummary;
import io.cellgate.api.telemetry.PackSnapshot;
import java.util.List;

/**
 * The {@code --json} form of the pack commands, for scripts. Units are in the field names; cells and pairs are
 * numbered from 1, as in the tables.
 */
final class PackJson {

    private PackJson() {
    }

    static JsonArray packs(List<Pack> packs) {
        JsonArray a = new JsonArray();
        for (Pack p : packs) {
            PackSnapshot s = p.latest();
            TickStats t = p.stats();
            JsonObject o = new JsonObject();
            o.addProperty("pack", p.description().id());
            o.addProperty("cells", p.description().cells());
            o.addProperty("chemistry", p.description().chemistry().name());
            o.addProperty("model", s == null ? null : s.model());
            o.addProperty("health", s == null ? null : s.health().name());
            o.addProperty("boardState", s == null ? null : s.decision().boardState().name());
            o.addProperty("maxAdjacentSpreadVolts", s == null ? null : s.maxAdjacentSpreadVolts());
            o.addProperty("balancingPairs", s == null ? 0 : s.decision().balancingPairs());
            o.addProperty("bleedingCells", s == null ? 0 : s.decision().bleedingCells());
            o.addProperty("ticks", t.ticks());
            o.addProperty("tickPeriodSeconds", t.periodNanos() / 1e9);
            o.addProperty("lastTickSeconds", t.lastDurationNanos() / 1e9);
            o.addProperty("meanTickSeconds", t.meanDurationNanos() / 1e9);
            o.addProperty("maxLatenessSeconds", t.maxLatenessNanos() / 1e9);
            o.addProperty("balancerSwaps", t.balancerSwaps());
            a.add(o);
        }
        return a;
    }

    static JsonObject cells(Pack pack) {
        PackSnapshot s = pack.latest();
        JsonObject o = new JsonObject();
        o.addProperty("pack", pack.description().id());
        if (s == null) {
            return o;
        }
        PackReading r = s.reading();
        Decision d = s.decision();
        o.addProperty("tick", s.tick());
        o.addProperty("model", s.model());
        o.addProperty("health", s.health().name());
        o.addProperty("boardState", d.boardState().name());
        o.addProperty("boardDrawAmps", d.boardDrawAmps());
        JsonArray cells = new JsonArray();
        for (int c = 0; c < r.cells(); c++) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell", c + 1);
            cell.addProperty("volts", r.volts(c));
            cell.addProperty("status", r.status(c).name());
            cell.addProperty("indicator", d.indicator(c).name());
            cell.addProperty("bleedAmps", d.bleedAmps(c));
            cells.add(cell);
        }
        o.add("cells", cells);
        JsonArray pairs = new JsonArray();
        for (int k = 0; k < d.pairs(); k++) {
            JsonObject pair = new JsonObject();
            pair.addProperty("pair", k + 1);
            pair.addProperty("deltaVolts", r.volts(k + 1) - r.volts(k));
            pair.addProperty("direction", d.direction(k).name());
            pair.addProperty("amps", d.amps(k));
            pairs.add(pair);
        }
        o.add("pairs", pairs);
        JsonArray faults = new JsonArray();
        d.faults().forEach(faults::add);
        o.add("faults", faults);
        return o;
    }

    static JsonArray history(List<TickSummary> ticks) {
        JsonArray a = new JsonArray();
        for (TickSummary t : ticks) {
            JsonObject o = new JsonObject();
            o.addProperty("tick", t.tick());
            o.addProperty("timeNanos", t.timeNanos());
            o.addProperty("maxSpreadVolts", t.maxSpreadVolts());
            o.addProperty("balancingPairs", t.balancingPairs());
            o.addProperty("boardState", t.boardState().name());
            o.addProperty("health", t.health().name());
            o.addProperty("model", t.model());
            a.add(o);
        }
        return a;
    }

    static JsonArray faults(List<Pack.ActiveFault> faults) {
        JsonArray a = new JsonArray();
        for (Pack.ActiveFault f : faults) {
            JsonObject o = new JsonObject();
            o.addProperty("message", f.message());
            o.addProperty("sinceTick", f.sinceTick());
            a.add(o);
        }
        return a;
    }
}
