package io.cellgate.sim.scenario;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/** The JSON of {@link ResultDetails}, the members a result adds for a reader who checks it. */
final class ResultDetailsJson {

    private ResultDetailsJson() {
    }

    static void add(JsonObject o, ResultDetails d) {
        o.addProperty("balancedCriterion", d.criterion());
        o.addProperty("stopVolts", d.stopVolts());
        nullable(o, "boardIdleAtSeconds", d.boardIdleAtSeconds());
        o.addProperty("finalSpreadVolts", d.spreadVolts());
        JsonArray boards = new JsonArray();
        for (ResultDetails.Board b : d.boards()) {
            JsonObject e = new JsonObject();
            e.addProperty("board", b.number());
            e.addProperty("firstCell", b.firstCell());
            e.addProperty("lastCell", b.lastCell());
            nullable(e, "balancedAtSeconds", b.balancedAtSeconds());
            e.addProperty("finalVolts", b.finalVolts());
            boards.add(e);
        }
        o.add("boards", boards);
        JsonArray gaps = new JsonArray();
        for (ResultDetails.Gap g : d.boardGaps()) {
            JsonObject e = new JsonObject();
            e.addProperty("pair", g.pair());
            e.addProperty("finalVolts", g.finalVolts());
            gaps.add(e);
        }
        o.add("boardGaps", gaps);
        JsonArray warnings = new JsonArray();
        d.warnings().forEach(warnings::add);
        o.add("warnings", warnings);
        o.add("pairLossWh", ScenarioResult.numbers(d.pairLossWh()));
        o.addProperty("boardEnergyWh", d.boardEnergyWh());
        o.addProperty("boardAwakeSeconds", d.awakeSeconds());
        o.addProperty("boardAsleepSeconds", d.asleepSeconds());
        o.addProperty("boardFaultSeconds", d.faultSeconds());
        o.addProperty("peakPairAmps", d.peakPairAmps());
        if (d.ledger() != null) {
            ResultDetails.Ledger l = d.ledger();
            JsonObject e = new JsonObject();
            e.addProperty("efficiency", l.efficiency());
            e.addProperty("loadAs", l.loadAs());
            e.addProperty("boardDrawAs", l.boardDrawAs());
            e.addProperty("selfDischargeAs", l.selfDischargeAs());
            e.addProperty("movedAs", l.movedAs());
            e.addProperty("conversionLossAs", l.conversionLossAs());
            e.addProperty("bledAs", l.bledAs());
            o.add("ledger", e);
        }
        if (d.cells() != null) {
            ResultDetails.Cells c = d.cells();
            JsonObject e = new JsonObject();
            e.add("capacityAs", ScenarioResult.numbers(c.capacityAs()));
            e.add("socStart", ScenarioResult.numbers(c.socStart()));
            e.add("socEnd", ScenarioResult.numbers(c.socEnd()));
            e.add("chargeStartAs", ScenarioResult.numbers(c.chargeStartAs()));
            e.add("chargeEndAs", ScenarioResult.numbers(c.chargeEndAs()));
            e.add("chargeInAs", ScenarioResult.numbers(c.chargeInAs()));
            e.add("chargeOutAs", ScenarioResult.numbers(c.chargeOutAs()));
            e.add("bleedAs", ScenarioResult.numbers(c.bleedAs()));
            e.add("bleedWh", ScenarioResult.numbers(c.bleedWh()));
            e.add("ocvStartVolts", ScenarioResult.numbers(c.ocvStartVolts()));
            e.add("ocvEndVolts", ScenarioResult.numbers(c.ocvEndVolts()));
            e.add("terminalEndVolts", ScenarioResult.numbers(c.terminalEndVolts()));
            o.add("cells", e);
        }
    }

    private static void nullable(JsonObject o, String key, Double value) {
        if (value == null) {
            o.add(key, JsonNull.INSTANCE);
        } else {
            o.addProperty(key, value);
        }
    }
}
