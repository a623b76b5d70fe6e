package io.cellgate.export.mqtt.internal;

import io.cellgate.api.telemetry.PackView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The retained state messages of one pack, in the order they are published: the whole pack, every cell, every
 * pair, the board. Units are in the field names; cells and pairs are numbered from 1. Every value is the
 * {@link PackView}'s: a pair's {@code deltaVolts} is upper minus lower cell ({@code null} when absent), its
 * {@code amps} signed (positive from the lower cell to the upper), its {@code direction} {@code "idle"} or
 * {@code "3->4"}.
 */
final class Payloads {

    private final Topics topics;

    Payloads(Topics topics) {
        this.topics = topics;
    }

    List<Message> of(PackView v) {
        String pack = v.pack().id();
        List<Message> messages = new ArrayList<>(v.cells() + v.pairs() + 2);
        messages.add(Message.retained(topics.state(pack), state(v)));
        for (int c = 0; c < v.cells(); c++) {
            messages.add(Message.retained(topics.cell(pack, c + 1), cell(v, c)));
        }
        for (int k = 0; k < v.pairs(); k++) {
            messages.add(Message.retained(topics.pair(pack, k + 1), pair(v, k)));
        }
        messages.add(Message.retained(topics.board(pack), board(v)));
        return messages;
    }

    /** Every topic {@link #of} publishes to for a pack of {@code cells} cells, in the same order. */
    List<String> topics(String pack, int cells) {
        List<String> list = new ArrayList<>(2 * cells + 1);
        list.add(topics.state(pack));
        for (int c = 1; c <= cells; c++) {
            list.add(topics.cell(pack, c));
        }
        for (int k = 1; k < cells; k++) {
            list.add(topics.pair(pack, k));
        }
        list.add(topics.board(pack));
        return list;
    }

    static String state(PackView v) {
        Json j = new Json().put("pack", v.pack().id()).put("time", Instant.ofEpochMilli(v.timeMillis()).toString())
                .put("tick", v.tick()).put("cells", v.cells()).put("chemistry", v.pack().chemistry().name())
                .put("model", v.model()).put("health", v.health().name())
                .put("boardState", v.boardState().name())
                .put("spreadVolts", v.spreadVolts()).put("maxAdjacentDeltaVolts", v.maxAdjacentDeltaVolts())
                .put("balancingPairs", v.balancingPairs()).put("boardDrawAmps", v.boardDrawAmps())
                .put("tickDurationSeconds", v.tickDurationNanos() / 1e9)
                .put("temperatureCelsius", v.temperatureCelsius());
        return j.numbers("cellVolts", v.cells(), v::volts)
                .strings("cellStatus", v.cells(), c -> v.status(c).name())
                .strings("cellIndicator", v.cells(), c -> v.indicator(c).name())
                .numbers("cellBleedAmps", v.cells(), v::bleedAmps)
                .numbers("pairDeltaVolts", v.pairs(), v::deltaVolts)
                .strings("pairDirection", v.pairs(), v::directionLabel)
                .numbers("pairAmps", v.pairs(), v::signedAmps)
                .strings("faults", v.faults())
                .strings("fitWarnings", v.fitWarnings()).done();
    }

    static String cell(PackView v, int c) {
        return new Json().put("pack", v.pack().id()).put("tick", v.tick()).put("cell", c + 1)
                .put("volts", v.volts(c)).put("status", v.status(c).name()).put("indicator", v.indicator(c).name())
                .put("bleedAmps", v.bleedAmps(c)).done();
    }

    static String pair(PackView v, int k) {
        return new Json().put("pack", v.pack().id()).put("tick", v.tick()).put("pair", k + 1)
                .put("deltaVolts", v.deltaVolts(k)).put("direction", v.directionLabel(k))
                .put("amps", v.signedAmps(k)).done();
    }

    static String board(PackView v) {
        return new Json().put("pack", v.pack().id()).put("tick", v.tick()).put("state", v.boardState().name())
                .put("health", v.health().name()).put("model", v.model())
                .strings("faults", v.faults())
                .strings("fitWarnings", v.fitWarnings()).done();
    }
}
