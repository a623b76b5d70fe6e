package io.cellgate.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cellgate.api.insight.ActiveAlert;
import io.cellgate.api.insight.CellEstimate;
import io.cellgate.api.insight.Finding;
import io.cellgate.api.insight.LedgerCounts;
import io.cellgate.api.insight.LedgerDay;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.insight.PackCharge;
import io.cellgate.api.insight.PackInsight;
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

    /**
     * A pack's estimates, findings and alerts: per cell {@code soc} (0…1), {@code capacityAh}, its
     * {@code capacityConfidence} (0…1), {@code selfDischargeAmps} (and as {@code selfDischargePercentPerMonth} of its
     * capacity), {@code driftVoltsPerDay},
     * {@code netBalanceCoulombsPerDay}, each null while unknown; {@code findings} and {@code alerts} in words;
     * {@code notes}, what cannot be worked out and why.
     */
    public static JsonObject insight(PackInsight insight) {
        JsonObject o = new JsonObject();
        o.addProperty("pack", insight.pack().id());
        o.addProperty("at", Instant.ofEpochMilli(insight.atMillis()).toString());
        JsonArray cells = new JsonArray();
        for (CellEstimate e : insight.cells()) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell", e.cell() + 1);
            cell.addProperty("soc", known(e.soc()));
            cell.addProperty("socFromRest", e.socFromRestMillis() == 0 ? null
                    : Instant.ofEpochMilli(e.socFromRestMillis()).toString());
            cell.addProperty("capacityAh", known(e.capacityAh()));
            cell.addProperty("capacityConfidence", e.capacityConfidence());
            cell.addProperty("selfDischargeAmps", known(e.selfDischargeAmps()));
            cell.addProperty("selfDischargePercentPerMonth", known(e.selfDischargePercentPerMonth()));
            cell.addProperty("driftVoltsPerDay", known(e.driftVoltsPerDay()));
            cell.addProperty("netBalanceCoulombsPerDay", known(e.netBalanceCoulombsPerDay()));
            cell.addProperty("restPoints", e.restPoints());
            cells.add(cell);
        }
        o.add("cells", cells);
        JsonArray findings = new JsonArray();
        for (Finding f : insight.findings()) {
            JsonObject finding = new JsonObject();
            finding.addProperty("kind", f.kind().name());
            finding.addProperty("cell", f.cell() < 0 ? null : f.cell() + 1);
            finding.addProperty("message", f.message());
            findings.add(finding);
        }
        o.add("findings", findings);
        JsonArray alerts = new JsonArray();
        for (ActiveAlert a : insight.alerts()) {
            alerts.add(alert(a));
        }
        o.add("alerts", alerts);
        JsonArray notes = new JsonArray();
        insight.notes().forEach(notes::add);
        o.add("notes", notes);
        return o;
    }

    /**
     * One raised alert: {@code alert} (its id, e.g. {@code weak_cell}), {@code message}, {@code sinceTick} (null when
     * no tick was in view) and {@code since}.
     */
    public static JsonObject alert(ActiveAlert a) {
        JsonObject alert = new JsonObject();
        alert.addProperty("alert", a.kind().id());
        alert.addProperty("message", a.message());
        alert.addProperty("sinceTick", a.sinceTick() >= 0 ? a.sinceTick() : null);
        alert.addProperty("since", Instant.ofEpochMilli(a.sinceMillis()).toString());
        return alert;
    }

    private static Double known(double value) {
        return Double.isFinite(value) ? value : null;
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
