package io.cellgate.export.sparkplug.internal;

import io.cellgate.api.config.ConfigurationValues;
import io.cellgate.broker.BrokerLink;
import io.cellgate.broker.HostName;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** A validated edge node configuration. */
record SparkplugSettings(BrokerLink link, String group, String node, String clientId, String primaryHost,
        long scanNanos, double deadbandVolts, double deadbandAmps, long deadbandTicks, int keepAliveSeconds,
        boolean commands, List<String> allowed) {

    /** Sparkplug ids: no '/', '+', '#'; kept to what every broker and host takes. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final String FALLBACK_NODE = "cellgate";

    static void check(Map<String, Object> properties) {
        of(ConfigurationValues.as(SparkplugConfig.class, properties));
    }

    static SparkplugSettings of(SparkplugConfig c) {
        return of(c, HostName::local);
    }

    /** @throws IllegalArgumentException naming the property and what it accepts */
    static SparkplugSettings of(SparkplugConfig c, Supplier<String> hostName) {
        BrokerLink.checkUrl(c.broker_url());
        String group = id("group.id", c.group_id());
        String node = c.edge_node_id() == null || c.edge_node_id().isBlank()
                ? HostName.asId(hostName.get(), FALLBACK_NODE) : id("edge.node.id", c.edge_node_id());
        String host = c.primary_host_id() == null || c.primary_host_id().isBlank() ? null
                : id("primary.host.id", c.primary_host_id());
        range("scan.ms", c.scan_ms(), 100, 3_600_000, " ms");
        range("deadband.volts", c.deadband_volts(), 0, 1, " V");
        range("deadband.amps", c.deadband_amps(), 0, 100, " A");
        range("deadband.ticks", c.deadband_ticks(), 1, 1_000_000_000, "");
        range("keepalive.seconds", c.keepalive_seconds(), 5, 3600, " s");
        List<String> allowed = c.commands_allow() == null ? List.of()
                : Arrays.stream(c.commands_allow()).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String metric : allowed) {
            if (!metric.equals(DeviceMetrics.MODEL) && !metric.startsWith(DeviceMetrics.PROPERTIES)) {
                throw new IllegalArgumentException("commands.allow names '" + metric + "', which cannot be written: "
                        + "name " + DeviceMetrics.MODEL + " or " + DeviceMetrics.PROPERTIES + "<pack property>");
            }
        }
        String clientId = c.client_id() == null || c.client_id().isBlank() ? "cellgate-sp-" + node
                : c.client_id().trim();
        BrokerLink link = BrokerLink.of(new BrokerLink.Properties(c.broker_url(), c.username(), c.password_file(),
                c.tls_ca_file(), c.tls_truststore(), c.tls_truststore_password_file(), c.tls_cert_file(),
                c.tls_key_file()));
        return new SparkplugSettings(link, group, node, clientId, host, TimeUnit.MILLISECONDS.toNanos(c.scan_ms()),
                c.deadband_volts(), c.deadband_amps(), c.deadband_ticks(), c.keepalive_seconds(), c.commands_enabled(),
                allowed);
    }

    private static String id(String property, String value) {
        String v = value == null ? "" : value.trim();
        if (!ID.matcher(v).matches()) {
            throw new IllegalArgumentException(property + " '" + v + "' is invalid: use 1 to 64 letters, digits, '-' "
                    + "or '_'");
        }
        return v;
    }

    private static void range(String property, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(property + "=" + format(value) + " is out of range: " + format(min)
                    + " to " + format(max) + unit);
        }
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    String brokerUrl() {
        return link.url();
    }

    /** Who sent a command, as the log says it: only the primary host application commands a Sparkplug node. */
    String commander() {
        return primaryHost == null ? "a Sparkplug host (no primary.host.id configured)"
                : "Sparkplug host " + primaryHost;
    }
}
