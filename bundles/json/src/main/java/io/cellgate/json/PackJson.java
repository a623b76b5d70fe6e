package io.cellgate.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.TickStats;
import io.cellgate.api.runtime.TickSummary;
import io.cellgate.api.telemetry.PackView;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of a pack, in one place: the shell's {@code --json} and the web console's API ({@code /api/packs}, its
 * events) both print these. Units are in the field names; cells and pairs are numbered from 1, as in the shell's
 * tables; the figures and their names are those of MQTT's payloads, all read from the pack's {@link PackView}: a
 * pair's ΔV is null when absent, its {@code amps} signed (positive from the lower cell to the upper), its direction
 * {@code "idle"} or {@code "3->4"}.
 *
 * <p>Each value is defined once, by a {@code write…} method on Gson's streaming {@link JsonWriter}: the web console's
 * event streams write it straight into their bytes, and the trees ({@link #pack}, {@link #cells(String, PackView)},
 * {@link #faults}) are read back from the same writing.
 */
public final class PackJson {

    private PackJson() {
    }

    /** Writes a JSON value: one of the {@code write…} methods below, to a tree or to a stream alike. */
    @FunctionalInterface
    public interface Body {
        void write(JsonWriter w) throws IOException;
    }

    /** One line per pack, as {@code cellgate:packs --json} lists them. */
    public static JsonArray packs(List<Pack> packs) {
        return tree(w -> {
            w.beginArray();
            for (Pack p : packs) {
                writePack(w, p.description(), p.latest(), p.stats());
            }
            w.endArray();
        }).getAsJsonArray();
    }

    /** One pack's line: what it is, its latest tick in figures (null before the first) and its tick figures. */
    public static JsonObject pack(PackDescription d, PackView s, TickStats t) {
        return tree(w -> writePack(w, d, s, t)).getAsJsonObject();
    }

    /** {@link #pack} written as an object. */
    public static void writePack(JsonWriter w, PackDescription d, PackView s, TickStats t) throws IOException {
        w.beginObject();
        writePackMembers(w, d, s, t);
        w.endObject();
    }

    /** {@link #pack}'s members, into an object the caller has begun (and may add to). */
    public static void writePackMembers(JsonWriter w, PackDescription d, PackView s, TickStats t) throws IOException {
        w.name("pack").value(d.id());
        w.name("cells").value(d.cells());
        w.name("chemistry").value(d.chemistry().name());
        w.name("model").value(s == null ? null : s.model());
        w.name("health").value(s == null ? null : s.health().name());
        w.name("boardState").value(s == null ? null : s.boardState().name());
        w.name("fitWarnings").beginArray();
        if (s != null) {
            for (String warning : s.fitWarnings()) {
                w.value(warning);
            }
        }
        w.endArray();
        w.name("spreadVolts").value(s == null ? null : (Number) s.spreadVolts());
        w.name("maxAdjacentDeltaVolts").value(s == null ? null : (Number) s.maxAdjacentDeltaVolts());
        w.name("balancingPairs").value(s == null ? 0 : s.balancingPairs());
        w.name("bleedingCells").value(s == null ? 0 : s.bleedingCells());
        w.name("ticks").value(t.ticks());
        w.name("tickPeriodSeconds").value(t.periodNanos() / 1e9);
        w.name("lastTickSeconds").value(t.lastDurationNanos() / 1e9);
        w.name("lastLatenessSeconds").value(t.lastLatenessNanos() / 1e9);
        w.name("meanTickSeconds").value(t.meanDurationNanos() / 1e9);
        w.name("maxLatenessSeconds").value(t.maxLatenessNanos() / 1e9);
        w.name("balancerSwaps").value(t.balancerSwaps());
    }

    /** Every cell and pair of the pack's latest tick, as {@code cellgate:cells --json} prints it. */
    public static JsonObject cells(Pack pack) {
        return cells(pack.description().id(), pack.latest());
    }

    /** Every cell and pair of one tick of pack {@code id}; only the pack's id when {@code s} is null (no tick yet). */
    public static JsonObject cells(String id, PackView s) {
        return tree(w -> writeCells(w, id, s)).getAsJsonObject();
    }

    /** {@link #cells(String, PackView)} written as an object. */
    public static void writeCells(JsonWriter w, String id, PackView s) throws IOException {
        w.beginObject();
        w.name("pack").value(id);
        if (s == null) {
            w.endObject();
            return;
        }
        w.name("tick").value(s.tick());
        w.name("time").value(Instant.ofEpochMilli(s.timeMillis()).toString());
        w.name("model").value(s.model());
        w.name("health").value(s.health().name());
        w.name("boardState").value(s.boardState().name());
        w.name("boardDrawAmps").value(s.boardDrawAmps());
        w.name("spreadVolts").value(s.spreadVolts());
        w.name("maxAdjacentDeltaVolts").value(s.maxAdjacentDeltaVolts());
        w.name("cells").beginArray();
        for (int c = 0; c < s.cells(); c++) {
            w.beginObject();
            w.name("cell").value(c + 1);
            w.name("volts");
            finiteOrNull(w, s.volts(c));
            w.name("status").value(s.status(c).name());
            w.name("indicator").value(s.indicator(c).name());
            w.name("bleedAmps").value(s.bleedAmps(c));
            w.endObject();
        }
        w.endArray();
        w.name("pairs").beginArray();
        for (int k = 0; k < s.pairs(); k++) {
            w.beginObject();
            w.name("pair").value(k + 1);
            w.name("deltaVolts");
            finiteOrNull(w, s.deltaVolts(k));
            w.name("direction").value(s.directionLabel(k));
            w.name("amps").value(s.signedAmps(k));
            w.endObject();
        }
        w.endArray();
        w.name("faults").beginArray();
        for (String fault : s.faults()) {
            w.value(fault);
        }
        w.endArray();
        w.endObject();
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

    /**
     * The faults present now, each with the tick (null when none was in view) and the wall-clock time (ISO-8601 UTC)
     * it appeared at.
     */
    public static JsonArray faults(List<Pack.ActiveFault> faults) {
        return tree(w -> writeFaults(w, faults)).getAsJsonArray();
    }

    /** {@link #faults} written as an array. */
    public static void writeFaults(JsonWriter w, List<Pack.ActiveFault> faults) throws IOException {
        w.beginArray();
        for (Pack.ActiveFault f : faults) {
            w.beginObject();
            w.name("message").value(f.message());
            w.name("sinceTick");
            if (f.sinceTick() >= 0) {
                w.value(f.sinceTick());
            } else {
                w.nullValue(); // an alert raised with no tick in view
            }
            w.name("since").value(Instant.ofEpochMilli(f.sinceMillis()).toString());
            w.endObject();
        }
        w.endArray();
    }

    /**
     * What {@code body} writes, as a tree: the trees of this class are read back from their own writing, so each
     * value has one definition, the streaming one.
     */
    public static JsonElement tree(Body body) {
        StringWriter text = new StringWriter(1024);
        try {
            body.write(new JsonWriter(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return JsonParser.parseString(text.toString());
    }

    /** JSON has no NaN: an absent figure is null. */
    private static void finiteOrNull(JsonWriter w, double value) throws IOException {
        if (Double.isFinite(value)) {
            w.value(value);
        } else {
            w.nullValue();
        }
    }
}
