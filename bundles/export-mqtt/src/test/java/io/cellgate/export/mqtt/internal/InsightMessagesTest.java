package io.cellgate.export.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cellgate.api.insight.ActiveAlert;
import io.cellgate.api.insight.AlertKind;
import io.cellgate.api.insight.CellEstimate;
import io.cellgate.api.insight.Finding;
import io.cellgate.api.insight.FindingKind;
import io.cellgate.api.insight.LedgerCounts;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.insight.PackCharge;
import io.cellgate.api.insight.PackInsight;
import io.cellgate.api.insight.PackInsights;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.api.testing.FixedLedgers;
import io.cellgate.api.testing.LogLines;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The insight over MQTT: retained alerts and estimates, and their Home Assistant discovery. */
class InsightMessagesTest {

    private final Topics topics = new Topics("cellgate", "gw", "homeassistant");
    private final PackView view = TestPacks.view("pack1", 3, 1);
    private final PackDescription pack = view.pack();

    /** Cell 2 weak, its alert raised; cell 3 without a rest reading yet. */
    private PackInsight insight() {
        return new PackInsight(pack, TestPacks.TIME_MILLIS, List.of(
                new CellEstimate(0, 0.5, 1, 2.5, 0.98, 5e-5, 0, 0, 4),
                new CellEstimate(1, 0.45, 1, 2.25, 0.97, 6e-5, -0.0004, 3.6, 4),
                new CellEstimate(2, Double.NaN, 0, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, 0)),
                List.of(new Finding(FindingKind.WEAK_CELL_CAPACITY, 1, "cell 2 is the weak cell")),
                List.of(new ActiveAlert(AlertKind.WEAK_CELL, "cell 2 is the weak cell", TestPacks.TIME_MILLIS)),
                List.of());
    }

    private LedgerSnapshot ledger() {
        LedgerCounts moved = new LedgerCounts(new double[] {0, 36, 0}, new double[] {0, 0, 36},
                new double[] {0, 0, 0}, new double[] {0, 90, 90}, new double[] {0, 36}, new double[] {0, 90});
        return new LedgerSnapshot(pack, TestPacks.TIME_MILLIS, moved, List.of(), PackCharge.NONE);
    }

    private static JsonObject json(Message m) {
        return JsonParser.parseString(m.text()).getAsJsonObject();
    }

    @Test
    void everyAlertIsRetainedRaisedOrNotAndEachCellCarriesItsEstimatesAndLedger() {
        Map<String, Message> byTopic = new InsightMessages(topics).of(insight(), ledger()).stream()
                .collect(Collectors.toMap(Message::topic, m -> m));
        JsonObject alerts = json(byTopic.get("cellgate/pack1/insight")).getAsJsonObject("alerts");
        assertEquals(AlertKind.values().length, alerts.size());
        assertTrue(alerts.getAsJsonObject("weak_cell").get("raised").getAsBoolean());
        assertEquals("cell 2 is the weak cell", alerts.getAsJsonObject("weak_cell").get("message").getAsString());
        assertEquals(false, alerts.getAsJsonObject("spread").get("raised").getAsBoolean());
        assertTrue(alerts.getAsJsonObject("spread").get("since").isJsonNull());
        JsonObject cell2 = json(byTopic.get("cellgate/pack1/cell/2/insight"));
        assertEquals(2.25, cell2.get("capacityAh").getAsDouble());
        assertEquals(36, cell2.get("balanceInCoulombs").getAsDouble());
        assertTrue(json(byTopic.get("cellgate/pack1/cell/3/insight")).get("soc").isJsonNull());
        assertTrue(byTopic.values().stream().allMatch(Message::retained));
        assertEquals(new InsightMessages(topics).topics("pack1", 3), new InsightMessages(topics).of(insight(),
                ledger()).stream().map(Message::topic).toList());
    }

    @Test
    void eachAlertIsAProblemBinarySensorAndEachCellHasSensorsOnThePacksDevice() {
        List<Message> configs = new InsightMessages(topics).discovery("pack1", 3, "EK-L20S1A/datasheet");
        assertEquals(new InsightMessages(topics).discoveryTopics("pack1", 3), configs.stream().map(Message::topic)
                .toList());
        Map<String, JsonObject> byTopic = configs.stream().collect(Collectors.toMap(Message::topic,
                InsightMessagesTest::json));
        JsonObject weak = byTopic.get("homeassistant/binary_sensor/cellgate_gw_pack1_alert_weak_cell/config");
        assertEquals("problem", weak.get("device_class").getAsString());
        assertEquals("cellgate/pack1/insight", weak.get("state_topic").getAsString());
        assertEquals("{{ 'ON' if value_json.alerts.weak_cell.raised else 'OFF' }}",
                weak.get("value_template").getAsString());
        assertEquals("cellgate_gw_pack1", weak.getAsJsonObject("device").getAsJsonArray("identifiers").get(0)
                .getAsString());
        JsonObject soc = byTopic.get("homeassistant/sensor/cellgate_gw_pack1_cell2_soc/config");
        assertEquals("battery", soc.get("device_class").getAsString());
        assertEquals("%", soc.get("unit_of_measurement").getAsString());
        assertEquals("cellgate/pack1/cell/2/insight", soc.get("state_topic").getAsString());
        assertEquals(AlertKind.values().length + 4 * 3, configs.size());
    }

    @Test
    void thePublishLoopSendsTheInsightAfterThePacksStateAndItsDiscoveryOnce() {
        PublishLoopTest.FakeLink link = new PublishLoopTest.FakeLink();
        Map<String, Object> v = new HashMap<>();
        v.put("gateway.id", "gw");
        PublishLoop loop = new PublishLoop(MqttSettings.of(MqttSettingsTest.config(v)), link, new LogLines()::info,
                new LogLines()::warn, () -> 0);
        PackInsight insight = insight();
        loop.insights(new PackInsights() {
            @Override
            public List<PackInsight> insights() {
                return List.of(insight);
            }

            @Override
            public Optional<PackInsight> insight(String packId) {
                return Optional.of(insight).filter(i -> i.pack().id().equals(packId));
            }
        }, new FixedLedgers(ledger()));
        loop.offer(view);
        loop.step();
        link.accept();
        loop.step();
        List<String> sent = link.sent.stream().map(Message::topic).toList();
        assertTrue(sent.contains("homeassistant/binary_sensor/cellgate_gw_pack1_alert_weak_cell/config"),
                sent.toString());
        assertTrue(sent.indexOf("cellgate/pack1/board") < sent.indexOf("cellgate/pack1/insight"), sent.toString());
        link.sent.clear();
        loop.offer(TestPacks.view("pack1", 3, 2, pack));
        loop.step();
        assertEquals(7 + 4, link.sent.size(), "the state and the insight, no discovery again: "
                + link.sent.stream().map(Message::topic).toList());
    }
}
