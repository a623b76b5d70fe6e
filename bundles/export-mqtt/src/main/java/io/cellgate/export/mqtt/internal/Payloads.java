package io.cellgate.export.mqtt.internal;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.telemetry.PackSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The retained state messages of one pack, in the order they are published: the whole pack, every cell, every
 * pair, the board. Units are in the field names; cells and pairs are numbered from 1.
 */
final class Payloads {

    private final Topics topics;

    Payloads(Topics topics) {
        this.topics = topics;
    }

    List<Message> of(PackSnapshot s, long wallMillis) {
        PackReading r = s.reading();
        Decision d = s.decision();
        String pack = s.pack().id();
        List<Message> messages = new ArrayList<>(r.cells() + d.pairs() + 2);
        messages.add(Message.retained(topics.state(pack), state(s, r, d, wallMillis)));
        for (int c = 0; c < r.cells(); c++) {
            messages.add(Message.retained(topics.cell(pack, c + 1), cell(s, r, d, c)));
        }
        for (int k = 0; k < d.pairs(); k++) {
            messages.add(Message.retained(topics.pair(pack, k + 1), pair(s, r, d, k)));
        }
        messages.add(Message.retained(topics.board(pack), board(s, d)));
        return messages;
    }

    static String state(PackSnapshot s, PackReading r, Decision d, long wallMillis) {
        Json j = new Json().put("pack", s.pack().id()).put("time", Instant.ofEpochMilli(wallMillis).toString())
                .put("tick", s.tick()).put("cells", s.pack().cells()).put("chemistry", s.pack().chemistry().name())
                .put("model", s.model()).put("health", s.health().name())
                .put("boardState", d.boardState().name())
                .put("maxAdjacentSpreadVolts", s.maxAdjacentSpreadVolts())
                .put("balancingPairs", d.balancingPairs()).put("boardDrawAmps", d.boardDrawAmps())
                .put("tickDurationSeconds", s.tickDurationNanos() / 1e9)
                .put("temperatureCelsius", r.temperatureCelsius());
        j.beginArray("cellVolts");
        for (int c = 0; c < r.cells(); c++) {
            j.value(r.volts(c));
        }
        j.endArray().beginArray("cellStatus");
        for (int c = 0; c < r.cells(); c++) {
            j.value(r.status(c).name());
        }
        j.endArray().beginArray("cellIndicator");
        for (int c = 0; c < r.cells(); c++) {
            j.value(d.indicator(c).name());
        }
        j.endArray().beginArray("pairDeltaVolts");
        for (int k = 0; k < d.pairs(); k++) {
            j.value(deltaVolts(r, k));
        }
        j.endArray().beginArray("pairDirection");
        for (int k = 0; k < d.pairs(); k++) {
            j.value(direction(d.direction(k), k));
        }
        j.endArray().beginArray("pairAmps");
        for (int k = 0; k < d.pairs(); k++) {
            j.value(d.amps(k));
        }
        j.endArray().beginArray("faults");
        for (String f : d.faults()) {
            j.value(f);
        }
        return j.endArray().done();
    }

    static String cell(PackSnapshot s, PackReading r, Decision d, int c) {
        return new Json().put("pack", s.pack().id()).put("tick", s.tick()).put("cell", c + 1)
                .put("volts", r.volts(c)).put("status", r.status(c).name()).put("indicator", d.indicator(c).name())
                .done();
    }

    static String pair(PackSnapshot s, PackReading r, Decision d, int k) {
        return new Json().put("pack", s.pack().id()).put("tick", s.tick()).put("pair", k + 1)
                .put("deltaVolts", deltaVolts(r, k)).put("direction", direction(d.direction(k), k))
                .put("amps", d.amps(k)).done();
    }

    static String board(PackSnapshot s, Decision d) {
        Json j = new Json().put("pack", s.pack().id()).put("tick", s.tick()).put("state", d.boardState().name())
                .put("health", s.health().name()).put("model", s.model());
        j.beginArray("faults");
        for (String f : d.faults()) {
            j.value(f);
        }
        return j.endArray().done();
    }

    /** Upper cell minus lower cell, in volts; NaN (published as null) unless both readings are valid. */
    static double deltaVolts(PackReading r, int pair) {
        return r.isValid(pair) && r.isValid(pair + 1) ? r.volts(pair + 1) - r.volts(pair) : Double.NaN;
    }

    /** "idle", or "3->4" when energy moves from cell 3 to cell 4 (numbered from 1), as the shell shows it. */
    static String direction(PairDirection dir, int pair) {
        return dir == PairDirection.IDLE ? "idle" : (dir.donor(pair) + 1) + "->" + (dir.receiver(pair) + 1);
    }
}
