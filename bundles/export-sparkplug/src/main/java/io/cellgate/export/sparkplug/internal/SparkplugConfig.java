package io.cellgate.export.sparkplug.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One Sparkplug B edge node: the broker, the node's names, report by exception, remote commands. */
@ObjectClassDefinition(name = "Cellgate Sparkplug B edge node",
        description = "Publishes the gateway as a Sparkplug B edge node and each pack as a device.")
@interface SparkplugConfig {

    @AttributeDefinition(name = "Broker", description = "tcp://host:port, or ssl://host:port for TLS.")
    String broker_url() default "tcp://127.0.0.1:1883";

    @AttributeDefinition(name = "Group id", description = "The Sparkplug group of this edge node: spBv1.0/<group>/...; "
            + "letters, digits, '-' and '_'.")
    String group_id() default "cellgate";

    @AttributeDefinition(name = "Edge node id", description = "This gateway in the topics; letters, digits, '-' and "
            + "'_'. Empty for the host name, so that two gateways never share one.")
    String edge_node_id() default "";

    @AttributeDefinition(name = "Client id", description = "MQTT client id; empty for cellgate-sp-<edge node id>.")
    String client_id() default "";

    @AttributeDefinition(name = "Primary host id", description = "The primary host application's id: the node then "
            + "publishes only while spBv1.0/STATE/<id> says it is online. Empty for none.")
    String primary_host_id() default "";

    @AttributeDefinition(name = "Scan period (ms)", description = "How often each pack's metrics are compared with "
            + "those last sent, and what changed beyond its deadband published; 100 to 3600000 ms. A change of board "
            + "state, health, faults or model is published at the next tick.", min = "100", max = "3600000")
    long scan_ms() default 1000;

    @AttributeDefinition(name = "Voltage deadband (V)", description = "A cell voltage, pair difference or spread is "
            + "published when it moved at least this far from the value last sent; 0 to 1 V.", min = "0", max = "1")
    double deadband_volts() default 0.001;

    @AttributeDefinition(name = "Current deadband (A)", description = "As for voltages, for currents; 0 to 100 A.",
            min = "0", max = "100")
    double deadband_amps() default 0.01;

    @AttributeDefinition(name = "Tick deadband (ticks)", description = "The tick number is published when it moved "
            + "at least this far; 1 to 1000000000.", min = "1", max = "1000000000")
    long deadband_ticks() default 600;

    @AttributeDefinition(name = "Keep-alive (s)", description = "MQTT keep-alive: the broker sends the node's NDEATH "
            + "within about 1.5 times this after the gateway vanishes; 5 to 3600 s.", min = "5", max = "3600")
    int keepalive_seconds() default 30;

    @AttributeDefinition(name = "Remote commands", description = "Let DCMD write the metrics commands.allow names "
            + "(a model swap, a pack property), by the shell's rules. Off by default.")
    boolean commands_enabled() default false;

    @AttributeDefinition(name = "Writable metrics", description = "The metrics a DCMD may write when remote commands "
            + "are on: Balancer/Model, Properties/<pack property> (e.g. Properties/tick.ms).")
    String[] commands_allow() default {"Balancer/Model"};

    @AttributeDefinition(name = "User name", description = "Empty for none.")
    String username() default "";

    @AttributeDefinition(name = "Password file", description = "A file holding the password alone, readable by the "
            + "gateway's user only (chmod 600). Empty for none. A password given inline (.password) is refused.")
    String password_file() default "";

    @AttributeDefinition(name = "CA file", description = "ssl:// only: a PEM file with the CA certificate(s) the "
            + "broker's certificate must be signed by; empty for tls.truststore or the JVM's default trust.")
    String tls_ca_file() default "";

    @AttributeDefinition(name = "Client certificate file", description = "ssl:// only: a PEM file with the "
            + "certificate this gateway shows the broker; empty for none.")
    String tls_cert_file() default "";

    @AttributeDefinition(name = "Client key file", description = "ssl:// only: the client certificate's private key, "
            + "unencrypted PKCS#8 PEM, readable by the gateway's user only (chmod 600).")
    String tls_key_file() default "";

    @AttributeDefinition(name = "Trust store", description = "ssl:// only: a PKCS12 or JKS file with the broker's "
            + "CA (instead of tls.ca.file).")
    String tls_truststore() default "";

    @AttributeDefinition(name = "Trust store password file", description = "As password.file, for the trust store.")
    String tls_truststore_password_file() default "";
}
