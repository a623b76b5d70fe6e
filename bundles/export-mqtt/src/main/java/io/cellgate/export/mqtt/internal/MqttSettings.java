package io.cellgate.export.mqtt.internal;

import io.cellgate.api.config.ConfigurationValues;
import io.cellgate.broker.BrokerLink;
import io.cellgate.broker.HostName;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;

/**
 * A validated MQTT exporter configuration.
 *
 * @param link the broker: its URL, the login and TLS ({@code io.cellgate.broker}, shared with the Sparkplug node)
 */
record MqttSettings(BrokerLink link, String clientId, Topics topics, boolean discovery, long publishNanos,
        int bufferMessages, int qos, boolean modelSelect) {

    static final long MIN_PUBLISH_MS = 100;
    static final long MAX_PUBLISH_MS = 3_600_000;
    static final int MAX_BUFFER = 1_000_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Without a usable host name: a gateway id is never empty. */
    static final String FALLBACK_GATEWAY_ID = "cellgate";

    /** Everything {@link #of} checks, on the properties as Configuration Admin delivers them. */
    static void check(Map<String, Object> properties) {
        of(ConfigurationValues.as(MqttConfig.class, properties));
    }

    /** @throws IllegalArgumentException naming the property and what it accepts */
    static MqttSettings of(MqttConfig c) {
        return of(c, HostName::local);
    }

    /** @param hostName the machine's name, for an empty {@code gateway.id} */
    static MqttSettings of(MqttConfig c, Supplier<String> hostName) {
        BrokerLink.checkUrl(c.broker_url());
        String gateway = c.gateway_id() == null || c.gateway_id().isBlank() ? gatewayIdOf(hostName.get())
                : c.gateway_id().trim();
        if (!ID.matcher(gateway).matches()) {
            throw new IllegalArgumentException("gateway.id '" + gateway + "' is invalid: use 1 to 64 letters, "
                    + "digits, '-' or '_'");
        }
        String prefix = topicLevels("topic.prefix", c.topic_prefix());
        String discoveryPrefix = topicLevels("discovery.prefix", c.discovery_prefix());
        long publishMs = c.publish_ms();
        if (publishMs < MIN_PUBLISH_MS || publishMs > MAX_PUBLISH_MS) {
            throw new IllegalArgumentException("publish.ms=" + publishMs + " is out of range: " + MIN_PUBLISH_MS
                    + " to " + MAX_PUBLISH_MS + " ms");
        }
        int buffer = c.buffer_messages();
        if (buffer < 1 || buffer > MAX_BUFFER) {
            throw new IllegalArgumentException("buffer.messages=" + buffer + " is out of range: 1 to " + MAX_BUFFER);
        }
        if (c.qos() < 0 || c.qos() > 2) {
            throw new IllegalArgumentException("qos=" + c.qos() + " is out of range: 0 to 2");
        }
        String clientId = c.client_id() == null || c.client_id().isBlank() ? "cellgate-" + gateway
                : c.client_id().trim();
        BrokerLink link = BrokerLink.of(new BrokerLink.Properties(c.broker_url(), c.username(), c.password_file(),
                c.tls_ca_file(), c.tls_truststore(), c.tls_truststore_password_file(), c.tls_cert_file(),
                c.tls_key_file()));
        return new MqttSettings(link, clientId, new Topics(prefix, gateway, discoveryPrefix), c.discovery_enabled(),
                TimeUnit.MILLISECONDS.toNanos(publishMs), buffer, c.qos(), c.model_select_enabled());
    }

    /** The host's short name (before the first dot) as an id: other characters become '-'. */
    static String gatewayIdOf(String hostName) {
        return HostName.asId(hostName, FALLBACK_GATEWAY_ID);
    }

    /** One or more topic levels, without wildcards or empty levels. */
    private static String topicLevels(String property, String value) {
        if (value == null || value.isEmpty() || value.startsWith("/") || value.endsWith("/") || value.contains("//")
                || value.contains("+") || value.contains("#")) {
            throw new IllegalArgumentException(property + " '" + value + "' is invalid: use topic levels such as "
                    + "'cellgate' or 'site/cellgate', without wildcards or empty levels");
        }
        return value;
    }

    String brokerUrl() {
        return link.url();
    }

    String username() {
        return link.username();
    }

    char[] password() {
        return link.password();
    }

    SSLSocketFactory socketFactory() {
        return link.socketFactory();
    }
}
