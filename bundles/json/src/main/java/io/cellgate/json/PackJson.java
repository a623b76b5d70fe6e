package io.cellgate.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.TickStats;
import io.cellgate.api.runtime.TickSummary;
import io.cellgate.api.telemetry.PackView;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of a pack, in one place: the shell's {@code --json} and the web console's API ({@code /api/packs}, its
 * events) both print these. Units are in the field names; cells and pairs are numbered from 1, as in the shell's
 * tables; the figures and their names are those of MQTT's payloads, all read from the pack's {@link PackView}: a
 * pair's ΔV is null when absent, its {@code amps} signed (positive from the lower cell to the upper), its direction
 * {@code "idle"} or {@code "3->4"}.
 */
public final class PackJson {

    private PackJson() {
    }

    /** One line per pack, as {@code cellgate:packs --json} lists them. */
    public static JsonArray packs(List<Pack> packs) {
        JsonArray a = new JsonArray();
        for (Pack p : packs) {
            a.add(pack(p.description(), p.latest(), p.stats()));
        }
        return a;
    }

    /** One pack's line: what it is, its latest tick in figures (null before the first) and its tick figures. */
    public static JsonObject pack(PackDescription d, PackView s, TickStats t) {
        JsonObject o = new JsonObject();
        o.addProperty("pack", d.id());
        o.addProperty("cells", d.cells());
        o.addProperty("chemistry", d.chemistry().name());
        o.addProperty("model", s == null ? null : s.model());
        o.addProperty("health", s == null ? null : s.health().name());
        o.addProperty("boardState", s == null ? null : s.boardState().name());
        JsonArray warnings = new JsonArray();
        if (s != null) {
            s.fitWarnings().forEach(warnings::add);
        }
        o.add("fitWarnings", warnings);
        o.addProperty("spreadVolts", s == null ? null : s.spreadVolts());
        o.addProperty("maxAdjacentDeltaVolts", s == null ? null : s.maxAdjacentDeltaVolts());
        o.addProperty("balancingPairs", s == null ? 0 : s.balancingPairs());
        o.addProperty("bleedingCells", s == null ? 0 : s.bleedingCells());
        o.addProperty("ticks", t.ticks());
        o.addProperty("tickPeriodSeconds", t.periodNanos() / 1e9);
        o.addProperty("lastTickSeconds", t.lastDurationNanos() / 1e9);
        o.addProperty("lastLatenessSeconds", t.lastLatenessNanos() / 1e9);
        o.addProperty("meanTickSeconds", t.meanDurationNanos() / 1e9);
        o.addProperty("maxLatenessSeconds", t.maxLatenessNanos() / 1e9);
        o.addProperty("balancerSwaps", t.balancerSwaps());
        return o;
    }

    /** Every cell and pair of the pack's latest tick, as {@code cellgate:cells --json} prints it. */
    public static JsonObject cells(Pack pack) {
        return cells(pack.description().id(), pack.latest());
    }

    /** Every cell and pair of one tick of pack {@code id}; only the pack's id when {@code s} is null (no tick yet). */
    public static JsonObject cells(String id, PackView s) {
        JsonObject o = new JsonObject();
        o.addProperty("pack", id);
        if (s == null) {
            return o;
        }
        o.addProperty("tick", s.tick());
        o.addProperty("time", Instant.ofEpochMilli(s.timeMillis()).toString());
        o.addProperty("model", s.model());
        o.addProperty("health", s.health().name());
        o.addProperty("boardState", s.boardState().name());
        o.addProperty("boardDrawAmps", s.boardDrawAmps());
        o.addProperty("spreadVolts", s.spreadVolts());
        o.addProperty("maxAdjacentDeltaVolts", s.maxAdjacentDeltaVolts());
        JsonArray cells = new JsonArray();
        for (int c = 0; c < s.cells(); c++) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell", c + 1);
            cell.addProperty("volts", finiteOrNull(s.volts(c)));
            cell.addProperty("status", s.status(c).name());
            cell.addProperty("indicator", s.indicator(c).name());
            cell.addProperty("bleedAmps", s.bleedAmps(c));
            cells.add(cell);
        }
        o.add("cells", cells);
        JsonArray pairs = new JsonArray();
        for (int k = 0; k < s.pairs(); k++) {
            JsonObject pair = new JsonObject();
            pair.addProperty("pair", k + 1);
            pair.addProperty("deltaVolts", finiteOrNull(s.deltaVolts(k)));
            pair.addProperty("direction", s.directionLabel(k));
            pair.addProperty("amps", s.signedAmps(k));
            pairs.add(pair);
        }
        o.add("pairs", pairs);
        JsonArray faults = new JsonArray();
        s.faults().forEach(faults::add);
        o.add("faults", faults);
        return o;
    }

    /** The last ticks in a line each, oldest first, as {@code cellgate:history --json} prints them. */
    public static JsonArray history(List<TickSummary> ticks) {
        JsonArray a = new JsonArray();
        for (TickSummary t : ticks) {
            JsonObject o = new JsonObject();
            o.addProperty("tick", t.tick());
            o.addProperty("time", Instant.ofEpochMilli(t.timeMillis()).toString());
            o.addProperty("spreadVolts", t.spreadVolts());
            o.addProperty("maxAdjacentDeltaVolts", t.maxAdjacentDeltaVolts());
            o.addProperty("balancingPairs", t.balancingPairs());
            o.addProperty("boardState", t.boardState().name());
            o.addProperty("health", t.health().name());
            o.addProperty("model", t.model());
            a.add(o);
        }
        return a;
    }

    /** The faults present now, each with the tick and the wall-clock time (ISO-8601 UTC) it appeared at. */
    public static JsonArray faults(List<Pack.ActiveFault> faults) {
        JsonArray a = new JsonArray();
        for (Pack.ActiveFault f : faults) {
            JsonObject o = new JsonObject();
            o.addProperty("message", f.message());
            o.addProperty("sinceTick", f.sinceTick());
            o.addProperty("since", Instant.ofEpochMilli(f.sinceMillis()).toString());
            a.add(o);
        }
        return a;
    }

    /** JSON has no NaN: an absent figure is null. */
    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
