package io.cellgate.export.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.cellgate.broker.HostName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.util.converter.Converters;

class MqttSettingsTest {

    /** A configuration as DS builds it: the annotation's defaults, some overridden by property name. */
    static MqttConfig config(Map<String, Object> values) {
        return Converters.standardConverter().convert(values).to(MqttConfig.class);
    }

    private static String refusal(String key, Object value) {
        Map<String, Object> v = new HashMap<>();
        v.put(key, value);
        return assertThrows(IllegalArgumentException.class, () -> MqttSettings.of(config(v))).getMessage();
    }

    @Test
    void defaultsPublishEveryTenSecondsToTheLocalBrokerNamedAfterTheHost() {
        MqttSettings s = MqttSettings.of(config(Map.of()), () -> "pi-garage.example.org");
        assertEquals("tcp://127.0.0.1:1883", s.brokerUrl());
        assertEquals("cellgate-pi-garage", s.clientId());
        assertEquals(10_000, TimeUnit.NANOSECONDS.toMillis(s.publishNanos()));
        assertEquals("cellgate/pi-garage/availability", s.topics().availability());
        assertNull(s.username());
        assertNull(s.socketFactory());
    }

    @Test
    void twoGatewaysWithDefaultSettingsOnOneBrokerHaveTwoClientIds() {
        assertEquals("cellgate-garage", MqttSettings.of(config(Map.of()), () -> "garage").clientId());
        assertEquals("cellgate-cellar", MqttSettings.of(config(Map.of()), () -> "cellar").clientId());
    }

    @Test
    void aGatewayIdSetInTheConfigurationWinsOverTheHostName() {
        MqttSettings s = MqttSettings.of(config(Map.of("gateway.id", "site7")), () -> "garage");
        assertEquals("cellgate-site7", s.clientId());
        assertEquals("cellgate/site7/availability", s.topics().availability());
    }

    @Test
    void aHostNameBecomesAValidGatewayId() {
        assertEquals("my-host", MqttSettings.gatewayIdOf("my host"));
        assertEquals("box_1", MqttSettings.gatewayIdOf("box_1.lan"));
        assertEquals("cellgate", MqttSettings.gatewayIdOf(""), "a machine without a name");
        assertEquals(64, MqttSettings.gatewayIdOf("x".repeat(100)).length());
    }

    @Test
    void theHostNameOfThisMachineIsNotEmpty() {
        assertFalse(HostName.local().isBlank());
    }

    @Test
    void badValuesAreRefusedNamingThePropertyAndWhatItTakes() {
        assertEquals("broker.url 'http://x:1' is invalid: use tcp://host:port or ssl://host:port",
                refusal("broker.url", "http://x:1"));
        assertEquals("broker.url 'tcp://host' is invalid: use tcp://host:port or ssl://host:port",
                refusal("broker.url", "tcp://host"));
        assertEquals("gateway.id 'my gw' is invalid: use 1 to 64 letters, digits, '-' or '_'",
                refusal("gateway.id", "my gw"));
        assertEquals("publish.ms=50 is out of range: 100 to 3600000 ms", refusal("publish.ms", 50L));
        assertEquals("buffer.messages=0 is out of range: 1 to 1000000", refusal("buffer.messages", 0));
        assertEquals("qos=3 is out of range: 0 to 2", refusal("qos", 3));
        assertEquals("topic.prefix 'a/#' is invalid: use topic levels such as 'cellgate' or 'site/cellgate', "
                + "without wildcards or empty levels", refusal("topic.prefix", "a/#"));
        assertEquals("TLS settings (tls.truststore) are set but broker.url 'tcp://127.0.0.1:1883' is not ssl://: "
                + "write ssl://host:port",
                refusal("tls.truststore", "/x.p12"));
    }

    @Test
    void aMissingTrustStoreIsRefused() {
        Map<String, Object> v = Map.of("broker.url", "ssl://broker:8883", "tls.truststore", "/no/such.p12");
        String m = assertThrows(IllegalArgumentException.class, () -> MqttSettings.of(config(v))).getMessage();
        assertEquals("tls.truststore '/no/such.p12' does not exist", m);
    }

    @Test
    void thePasswordIsReadFromAFileOnlyItsOwnerCanRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mqtt.password");
        Files.writeString(file, "s3cret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        MqttSettings s = MqttSettings.of(config(Map.of("username", "gw", "password.file", file.toString())), () -> "h");
        assertEquals("s3cret", new String(s.password()), "the trailing newline an editor adds is not part of it");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("password.file=" + file + " is readable or writable by others (rw-r--r--): chmod 600 " + file,
                refusal("password.file", file.toString()));
    }

    @Test
    void aPasswordFileThatIsMissingEmptyOrDoubledIsRefusedWithWhatToDo(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("none");
        assertEquals("password.file=" + missing + " does not exist: create it (chmod 600) or leave password.file out",
                refusal("password.file", missing.toString()));
        Path empty = Files.createFile(dir.resolve("empty"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        assertEquals("password.file=" + empty + " is empty: write the secret into it",
                refusal("password.file", empty.toString()));
    }

    @Test
    void aRefusedExporterFileIsLoggedOnceNamingBrokerPropertyValueAndRange() {
        java.util.List<String> logged = new java.util.ArrayList<>();
        io.cellgate.api.config.RefusalGate gate = new io.cellgate.api.config.RefusalGate("MQTT exporter",
                "broker.url", MqttSettings::check, logged::add);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> p = new HashMap<>(Map.of("broker.url", "tcp://127.0.0.1:1883", "publish.ms", "50"));
            gate.process("pid", p);
        }
        assertEquals(java.util.List.of("MQTT exporter tcp://127.0.0.1:1883: configuration refused: publish.ms=50 is "
                + "out of range: 100 to 3600000 ms (made in Config Admin, not from a file)"), logged);
        gate.process("pid", new HashMap<>(Map.of("broker.url", "tcp://127.0.0.1:1883", "qos", "high")));
        assertEquals("MQTT exporter tcp://127.0.0.1:1883: configuration refused: qos=high is not a whole number: write "
                + "it as, e.g., qos=0 (the default) (made in Config Admin, not from a file)", logged.get(1));
    }
}
