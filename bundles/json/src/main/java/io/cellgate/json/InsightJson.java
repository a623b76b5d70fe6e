package io.cellgate.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cellgate.api.insight.LedgerCounts;
import io.cellgate.api.insight.LedgerDay;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.insight.PackCharge;
import java.time.Instant;

/**
 * The JSON of a pack's insight, in one place for the shell's {@code cellgate:insight --json} and the web console.
 * Base units in the field names (coulombs, seconds, amperes); cells and pairs numbered from 1; every figure is the
 * ledger's, nothing derived here.
 */
public final class InsightJson {

    private InsightJson() {
    }

    /** A pack's balancing ledger: since when, the cell worked hardest on, the pack charge, the total and the days. */
    public static JsonObject ledger(LedgerSnapshot ledger) {
        JsonObject o = new JsonObject();
        o.addProperty("pack", ledger.pack().id());
        o.addProperty("since", Instant.ofEpochMilli(ledger.sinceMillis()).toString());
        int hardest = ledger.total().hardestWorkedCell();
        o.addProperty("hardestWorkedCell", hardest < 0 ? null : hardest + 1);
        o.add("packCharge", packCharge(ledger.packCharge()));
        o.add("total", counts(ledger.total()));
        JsonArray days = new JsonArray();
        for (LedgerDay day : ledger.days()) {
            JsonObject d = counts(day.counts());
            d.addProperty("date", day.date().toString());
            days.add(d);
        }
        o.add("days", days);
        return o;
    }

    /** The charge through the pack's terminals; {@code lastAmps} null when the pack current is not measured. */
    private static JsonObject packCharge(PackCharge charge) {
        JsonObject o = new JsonObject();
        o.addProperty("measured", charge.measured());
        o.addProperty("lastAmps", charge.measured() ? charge.lastAmps() : null);
        o.addProperty("inCoulombs", charge.inCoulombs());
        o.addProperty("outCoulombs", charge.outCoulombs());
        o.addProperty("measuredSeconds", charge.measuredSeconds());
        return o;
    }

    private static JsonObject counts(LedgerCounts counts) {
        JsonObject o = new JsonObject();
        JsonArray cells = new JsonArray();
        for (int c = 0; c < counts.cells(); c++) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell", c + 1);
            cell.addProperty("inCoulombs", counts.inCoulombs(c));
            cell.addProperty("outCoulombs", counts.outCoulombs(c));
            cell.addProperty("bledCoulombs", counts.bledCoulombs(c));
            cell.addProperty("activeSeconds", counts.activeSeconds(c));
            cells.add(cell);
        }
        o.add("cells", cells);
        JsonArray pairs = new JsonArray();
        for (int k = 0; k < counts.pairs(); k++) {
            JsonObject pair = new JsonObject();
            pair.addProperty("pair", k + 1);
            pair.addProperty("coulombs", counts.pairCoulombs(k));
            pair.addProperty("activeSeconds", counts.pairActiveSeconds(k));
            pairs.add(pair);
        }
        o.add("pairs", pairs);
        return o;
    }
}
