package io.cellgate.export.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One MQTT exporter: the broker, the topics, how often, and what to keep while the broker is away. */
@ObjectClassDefinition(name = "Cellgate MQTT exporter",
        description = "Publishes every pack to an MQTT broker as JSON, with Home Assistant discovery.")
@interface MqttConfig {

    @AttributeDefinition(name = "Broker", description = "tcp://host:port, or ssl://host:port for TLS.")
    String broker_url() default "tcp://127.0.0.1:1883";

    @AttributeDefinition(name = "Gateway id", description = "Names this gateway in the availability topic, the MQTT "
            + "client id and Home Assistant's unique ids; letters, digits, '-' and '_'. Empty for the host name, so "
            + "that two gateways on one broker never share a client id.")
    String gateway_id() default "";

    @AttributeDefinition(name = "Client id", description = "MQTT client id; empty for cellgate-<gateway id>.")
    String client_id() default "";

    @AttributeDefinition(name = "Topic prefix", description = "Topics are <prefix>/<pack>/state, .../cell/<n>, "
            + ".../pair/<n>, .../board.")
    String topic_prefix() default "cellgate";

    @AttributeDefinition(name = "Publish period (ms)", description = "How often each pack is published, "
            + "independent of its tick; 100 to 3600000 ms. A change of board state, health or faults is published "
            + "at once whatever the period.", min = "100", max = "3600000")
    long publish_ms() default 10_000;

    @AttributeDefinition(name = "Buffer (messages)", description = "Messages kept while the broker cannot be "
            + "reached; when full the oldest is dropped. 1 to 1000000.", min = "1", max = "1000000")
    int buffer_messages() default 10000;

    @AttributeDefinition(name = "QoS", description = "MQTT quality of service of every message, 0 to 2.",
            min = "0", max = "2")
    int qos() default 0;

    @AttributeDefinition(name = "Home Assistant discovery", description = "Publish discovery configurations so "
            + "that every pack appears in Home Assistant.")
    boolean discovery_enabled() default true;

    @AttributeDefinition(name = "Discovery prefix", description = "Home Assistant's discovery prefix.")
    String discovery_prefix() default "homeassistant";

    @AttributeDefinition(name = "User name", description = "Empty for none.")
    String username() default "";

    @AttributeDefinition(name = "Password file", description = "A file holding the password alone (a trailing "
            + "newline is ignored), readable by the gateway's user only (chmod 600); read at activation, so the "
            + "password is neither stored by Config Admin nor listed by scr:info. Empty for none. A password given "
            + "inline (.password) is refused.")
    String password_file() default "";

    @AttributeDefinition(name = "CA file", description = "ssl:// only: a PEM file with the CA certificate(s) the "
            + "broker's certificate must be signed by; empty for tls.truststore or the JVM's default trust.")
    String tls_ca_file() default "";

    @AttributeDefinition(name = "Client certificate file", description = "ssl:// only: a PEM file with the "
            + "certificate this gateway shows the broker (and its chain); empty for none.")
    String tls_cert_file() default "";

    @AttributeDefinition(name = "Client key file", description = "ssl:// only: the client certificate's private key, "
            + "unencrypted PKCS#8 PEM, readable by the gateway's user only (chmod 600).")
    String tls_key_file() default "";

    @AttributeDefinition(name = "Trust store", description = "ssl:// only: a PKCS12 or JKS file with the broker's "
            + "CA (instead of tls.ca.file); empty for the JVM's default trust.")
    String tls_truststore() default "";

    @AttributeDefinition(name = "Trust store password file", description = "As password.file, for the trust store's "
            + "password. Empty for none.")
    String tls_truststore_password_file() default "";

    @AttributeDefinition(name = "Model select", description = "Publish a Home Assistant select per pack (options: "
            + "the balancer models that fit it) whose command swaps the pack's model as cellgate:swap does. Off by "
            + "default: anyone who may publish to the broker may then swap.")
    boolean model_select_enabled() default false;
}
