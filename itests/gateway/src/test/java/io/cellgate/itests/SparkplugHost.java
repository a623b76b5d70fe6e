package io.cellgate.itests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.model.MetricDataTypeMap;

/**
 * A Sparkplug B host application in test scope, on Eclipse Tahu's decoder: it subscribes to every Sparkplug topic,
 * keeps each node's data types and aliases from its births (data after a birth carries aliases alone and no types),
 * and keeps every message decoded, with its metrics by name. It can publish its own STATE and send NCMD and DCMD.
 */
final class SparkplugHost implements AutoCloseable {

    /** One message as the host read it; {@code metrics} by name, aliases resolved through the birth. */
    record Received(String topic, String type, String node, String device, Long seq, long bdSeq,
            Map<String, Object> metrics, int bytes, long arrivedNanos) {

        Object metric(String name) {
            return metrics.get(name);
        }
    }

    private final MqttClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Per node: data types and names by alias, from its births. */
    private final Map<String, MetricDataTypeMap> types = new ConcurrentHashMap<>();
    private final Map<String, Map<Long, String>> names = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    SparkplugHost(String url, String group) throws MqttException {
        this(url, group, null, null, null);
    }

    /** A host that logs in (user and password) and trusts the broker through {@code tls}, when given. */
    SparkplugHost(String url, String group, String user, char[] password, SSLSocketFactory tls)
            throws MqttException {
        client = new MqttClient(url, "it-host-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // a test that restarts the broker connects a new host
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                try {
                    read(topic, message.getPayload());
                } catch (Exception e) {
                    problems.add(topic + ": " + e);
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password);
        }
        if (tls != null) {
            o.setSocketFactory(tls);
        }
        client.connect(o);
        client.subscribe("spBv1.0/" + group + "/#", 1);
    }

    private void read(String topic, byte[] bytes) throws Exception {
        String[] t = topic.split("/");
        if (t.length < 4 || "STATE".equals(t[1])) {
            return;
        }
        String type = t[2];
        String node = t[3];
        String device = t.length > 4 ? t[4] : null;
        MetricDataTypeMap map = types.computeIfAbsent(node, n -> new MetricDataTypeMap());
        Map<Long, String> byAlias = names.computeIfAbsent(node, n -> new ConcurrentHashMap<>());
        SparkplugBPayload p = new SparkplugBPayloadDecoder().buildFromByteArray(bytes, map);
        Map<String, Object> metrics = new LinkedHashMap<>();
        long bdSeq = -1;
        for (Metric m : p.getMetrics()) {
            if (type.endsWith("BIRTH") && m.hasAlias()) {
                map.addMetricDataType(m.getAlias(), m.getDataType());
                byAlias.put(m.getAlias(), m.getName());
            }
            String name = m.hasName() ? m.getName() : byAlias.get(m.getAlias());
            if (name == null) {
                problems.add(topic + ": alias " + m.getAlias() + " without a birth");
                continue;
            }
            metrics.put(name, m.getValue());
            if ("bdSeq".equals(name)) {
                bdSeq = ((Number) m.getValue()).longValue();
            }
        }
        received.add(new Received(topic, type, node, device, p.getSeq(), bdSeq, metrics, bytes.length,
                System.nanoTime()));
    }

    List<Received> all() {
        return received;
    }

    /** Messages of {@code type} (NBIRTH, DDATA ...) from {@code node}, for {@code device} or any when null. */
    List<Received> of(String type, String node, String device) {
        return received.stream().filter(r -> r.type().equals(type) && r.node().equals(node)
                && (device == null || device.equals(r.device()))).collect(Collectors.toList());
    }

    Received last(String type, String node, String device) {
        List<Received> l = of(type, node, device);
        return l.isEmpty() ? null : l.get(l.size() - 1);
    }

    /** The device's latest value of {@code metric}: its birth, then every data message after it. */
    Object current(String node, String device, String metric) {
        Object value = null;
        for (Received r : received) {
            if (r.node().equals(node) && device.equals(r.device()) && r.metrics().containsKey(metric)
                    && (r.type().equals("DBIRTH") || r.type().equals("DDATA"))) {
                value = r.metric(metric);
            }
        }
        return value;
    }

    /** What could not be decoded or resolved; empty when every message was read. */
    List<String> problems() {
        return problems;
    }

    /** The host's STATE (Sparkplug 3.0: retained, QoS 1, JSON). */
    void state(String hostId, boolean online) throws MqttException {
        String json = "{\"online\":" + online + ",\"timestamp\":" + System.currentTimeMillis() + "}";
        client.publish("spBv1.0/STATE/" + hostId, json.getBytes(StandardCharsets.UTF_8), 1, true);
    }

    /** A DCMD writing one metric of a device by name. */
    void command(String group, String node, String device, String metric, MetricDataType type, Object value)
            throws Exception {
        client.publish("spBv1.0/" + group + "/DCMD/" + node + "/" + device, encode(metric, type, value), 0, false);
    }

    /** {@code Node Control/Rebirth} to a node. */
    void rebirth(String group, String node) throws Exception {
        client.publish("spBv1.0/" + group + "/NCMD/" + node, encode("Node Control/Rebirth", MetricDataType.Boolean,
                true), 0, false);
    }

    private static byte[] encode(String metric, MetricDataType type, Object value) throws Exception {
        List<Metric> m = new ArrayList<>(List.of(new Metric(metric, null, new Date(), type, null, null, null, null,
                value)));
        return new SparkplugBPayloadEncoder().getBytes(new SparkplugBPayload(new Date(), m, null), false);
    }

    /** Whether the sequence numbers of {@code node}'s messages go up by one (mod 256) from each NBIRTH's 0. */
    String seqProblems(String node) {
        Map<String, Long> last = new HashMap<>();
        StringBuilder bad = new StringBuilder();
        for (Received r : received) {
            if (!r.node().equals(node) || r.type().equals("NDEATH") || r.type().endsWith("CMD")) {
                continue;
            }
            if (r.type().equals("NBIRTH")) {
                if (r.seq() != 0) {
                    bad.append("NBIRTH seq ").append(r.seq()).append("; ");
                }
            } else if (last.containsKey(node) && r.seq() != (last.get(node) + 1) % 256) {
                bad.append(r.type()).append(" seq ").append(r.seq()).append(" after ").append(last.get(node))
                        .append("; ");
            }
            last.put(node, r.seq());
        }
        return bad.toString();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(500);
            }
        } catch (MqttException e) {
            // the broker may be gone
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // closed
        }
    }
}
