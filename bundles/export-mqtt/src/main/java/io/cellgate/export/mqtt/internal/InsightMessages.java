package io.cellgate.export.mqtt.internal;

import io.cellgate.api.insight.ActiveAlert;
import io.cellgate.api.insight.AlertKind;
import io.cellgate.api.insight.CellEstimate;
import io.cellgate.api.insight.Finding;
import io.cellgate.api.insight.LedgerCounts;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.insight.PackInsight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The insight of a pack over MQTT, retained: {@code <prefix>/<pack>/insight} holds every alert (raised or not, with
 * its message and since when), the findings and the notes; {@code <prefix>/<pack>/cell/<n>/insight} a cell's
 * estimates (null while unknown) and its balancing ledger since the ledger began. And their Home Assistant discovery:
 * a {@code binary_sensor} of device class {@code problem} per alert, sensors per cell for the state of charge, the
 * capacity and the charge the balancer moved in and out, all on the pack's device. Every figure is the insight's.
 */
final class InsightMessages {

    private final Topics topics;

    InsightMessages(Topics topics) {
        this.topics = topics;
    }

    /** The state messages; {@code ledger} may be null (the ledger figures are then null). */
    List<Message> of(PackInsight insight, LedgerSnapshot ledger) {
        String pack = insight.pack().id();
        List<Message> out = new ArrayList<>(insight.cells().size() + 1);
        out.add(Message.retained(topics.insight(pack), pack(insight)));
        LedgerCounts total = ledger == null || ledger.total().cells() != insight.pack().cells() ? null
                : ledger.total();
        for (CellEstimate e : insight.cells()) {
            out.add(Message.retained(topics.cellInsight(pack, e.cell() + 1), cell(pack, e, total)));
        }
        return out;
    }

    /** Every topic {@link #of} publishes to for a pack of {@code cells} cells. */
    List<String> topics(String pack, int cells) {
        List<String> list = new ArrayList<>(cells + 1);
        list.add(topics.insight(pack));
        for (int c = 1; c <= cells; c++) {
            list.add(topics.cellInsight(pack, c));
        }
        return list;
    }

    static String pack(PackInsight insight) {
        Json j = new Json().put("pack", insight.pack().id())
                .put("time", Instant.ofEpochMilli(insight.atMillis()).toString());
        j.name("alerts").object();
        for (AlertKind kind : AlertKind.values()) {
            ActiveAlert raised = insight.alert(kind).orElse(null);
            j.name(kind.id()).object().put("raised", raised != null)
                    .put("since", raised == null ? null : Instant.ofEpochMilli(raised.sinceMillis()).toString())
                    .put("message", raised == null ? null : raised.message()).end();
        }
        j.end();
        j.beginArray("findings");
        for (Finding f : insight.findings()) {
            j.object().put("kind", f.kind().name());
            if (f.cell() >= 0) {
                j.put("cell", f.cell() + 1);
            }
            j.put("message", f.message()).end();
        }
        j.endArray();
        return j.strings("notes", insight.notes()).done();
    }

    static String cell(String pack, CellEstimate e, LedgerCounts ledger) {
        return new Json().put("pack", pack).put("cell", e.cell() + 1).put("soc", e.soc())
                .put("capacityAh", e.capacityAh())
                .put("capacityConfidence", Double.isFinite(e.capacityAh()) ? e.capacityConfidence() : Double.NaN)
                .put("selfDischargeAmps", e.selfDischargeAmps()).put("driftVoltsPerDay", e.driftVoltsPerDay())
                .put("netBalanceCoulombsPerDay", e.netBalanceCoulombsPerDay()).put("restPoints", e.restPoints())
                .put("balanceInCoulombs", ledger == null ? Double.NaN : ledger.inCoulombs(e.cell()))
                .put("balanceOutCoulombs", ledger == null ? Double.NaN : ledger.outCoulombs(e.cell()))
                .put("balanceBledCoulombs", ledger == null ? Double.NaN : ledger.bledCoulombs(e.cell()))
                .put("balanceActiveSeconds", ledger == null ? Double.NaN : ledger.activeSeconds(e.cell())).done();
    }

    /** The discovery configurations, on the device of the pack as {@link Discovery} names it. */
    List<Message> discovery(String pack, int cells, String model) {
        List<Message> out = new ArrayList<>(AlertKind.values().length + 4 * cells);
        for (AlertKind kind : AlertKind.values()) {
            String key = "alert_" + kind.id();
            Json j = common(pack, key, "Alert: " + words(kind), topics.insight(pack),
                    "{{ 'ON' if value_json.alerts." + kind.id() + ".raised else 'OFF' }}", model)
                    .put("device_class", "problem").put("payload_on", "ON").put("payload_off", "OFF")
                    .put("json_attributes_topic", topics.insight(pack))
                    .put("json_attributes_template", "{{ value_json.alerts." + kind.id() + " | tojson }}");
            out.add(Message.retained(topics.binaryDiscovery(uniqueId(pack, key)), j.done()));
        }
        for (int c = 1; c <= cells; c++) {
            String state = topics.cellInsight(pack, c);
            out.add(sensor(pack, "cell" + c + "_soc", "Cell " + c + " state of charge", state,
                    "{{ (value_json.soc * 100) | round(1) if value_json.soc is not none else None }}", "%",
                    "battery", "measurement", model));
            out.add(sensor(pack, "cell" + c + "_capacity", "Cell " + c + " capacity", state,
                    "{{ value_json.capacityAh }}", "Ah", null, "measurement", model));
            out.add(sensor(pack, "cell" + c + "_balance_in", "Cell " + c + " charge balanced in", state,
                    "{{ (value_json.balanceInCoulombs / 3.6) | round(2) if value_json.balanceInCoulombs is not none "
                            + "else None }}", "mAh", null, "total_increasing", model));
            out.add(sensor(pack, "cell" + c + "_balance_out", "Cell " + c + " charge balanced out", state,
                    "{{ (value_json.balanceOutCoulombs / 3.6) | round(2) if value_json.balanceOutCoulombs is not "
                            + "none else None }}", "mAh", null, "total_increasing", model));
        }
        return out;
    }

    /** Every discovery topic {@link #discovery} publishes for a pack of {@code cells} cells. */
    List<String> discoveryTopics(String pack, int cells) {
        List<String> list = new ArrayList<>();
        for (AlertKind kind : AlertKind.values()) {
            list.add(topics.binaryDiscovery(uniqueId(pack, "alert_" + kind.id())));
        }
        for (int c = 1; c <= cells; c++) {
            for (String key : List.of("_soc", "_capacity", "_balance_in", "_balance_out")) {
                list.add(topics.discovery(uniqueId(pack, "cell" + c + key)));
            }
        }
        return list;
    }

    private String uniqueId(String pack, String key) {
        return "cellgate_" + topics.gatewayId() + "_" + pack + "_" + key;
    }

    private Message sensor(String pack, String key, String name, String state, String template, String unit,
            String deviceClass, String stateClass, String model) {
        Json j = common(pack, key, name, state, template, model).put("unit_of_measurement", unit);
        if (deviceClass != null) {
            j.put("device_class", deviceClass);
        }
        j.put("state_class", stateClass);
        return Message.retained(topics.discovery(uniqueId(pack, key)), j.done());
    }

    private Json common(String pack, String key, String name, String stateTopic, String template, String model) {
        Json j = new Json().put("name", name).put("unique_id", uniqueId(pack, key)).put("state_topic", stateTopic)
                .put("value_template", template).put("availability_topic", topics.availability())
                .put("payload_available", Topics.ONLINE).put("payload_not_available", Topics.OFFLINE);
        j.name("device").object();
        j.beginArray("identifiers").value("cellgate_" + topics.gatewayId() + "_" + pack).endArray();
        j.put("name", "Cellgate " + pack).put("manufacturer", Discovery.MANUFACTURER)
                .put("model", model == null ? "no balancer" : model);
        j.end();
        return j;
    }

    private static String words(AlertKind kind) {
        return switch (kind) {
            case SPREAD -> "spread too high";
            case CELL_FAULT -> "cell fault";
            case WEAK_CELL -> "weak cell";
            case INEFFECTIVE_BALANCING -> "balancing cannot help";
            case NEVER_SLEEPS -> "board never sleeps";
        };
    }
}
