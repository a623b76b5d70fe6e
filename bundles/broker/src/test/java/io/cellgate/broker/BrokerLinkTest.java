package io.cellgate.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerLinkTest {

    private static BrokerLink.Properties props(String url, String user, String passwordFile, String ca, String cert,
            String key) {
        return new BrokerLink.Properties(url, user, passwordFile, ca, "", "", cert, key);
    }

    private static String refusal(BrokerLink.Properties p) {
        return assertThrows(IllegalArgumentException.class, () -> BrokerLink.of(p)).getMessage();
    }

    /** A CA and a client certificate with its key, made by openssl as an operator would. */
    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(args)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void aPlainBrokerNeedsNoTls() {
        BrokerLink link = BrokerLink.of(props("tcp://127.0.0.1:1883", "", "", "", "", ""));
        assertNull(link.socketFactory());
        assertNull(link.username());
        assertEquals("tcp://127.0.0.1:1883", link.toString());
    }

    @Test
    void aCaFileAndAClientCertificateMakeTheSocketFactoryAndTheLoginGoesIntoPahosOptions(@TempDir Path dir)
            throws Exception {
        openssl(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out",
                "ca.pem", "-days", "2", "-subj", "/CN=test CA");
        openssl(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out",
                "client.csr", "-subj", "/CN=gw1");
        openssl(dir, "openssl", "x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "client.pem", "-days", "2");
        Path password = dir.resolve("password");
        Files.writeString(password, "pw\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        Path key = dir.resolve("client.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));

        BrokerLink link = BrokerLink.of(props("ssl://127.0.0.1:8883", "gw1", password.toString(),
                dir.resolve("ca.pem").toString(), dir.resolve("client.pem").toString(), key.toString()));
        assertNotNull(link.socketFactory());
        MqttConnectOptions o = new MqttConnectOptions();
        link.applyTo(o);
        assertEquals("gw1", o.getUserName());
        assertEquals("pw", new String(o.getPassword()));
        assertEquals(link.socketFactory(), o.getSocketFactory());
        assertEquals("ssl://127.0.0.1:8883 as gw1", link.toString(), "never the password");

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("tls.key.file=" + key + " is readable or writable by others (rw-r--r--): chmod 600 " + key,
                refusal(props("ssl://127.0.0.1:8883", "", "", dir.resolve("ca.pem").toString(),
                        dir.resolve("client.pem").toString(), key.toString())));
    }

    @Test
    void badTlsSettingsAreRefusedWithWhatToDo(@TempDir Path dir) throws IOException {
        assertEquals("TLS settings (tls.ca.file) are set but broker.url 'tcp://h:1883' is not ssl://: write "
                + "ssl://host:port", refusal(props("tcp://h:1883", "", "", "/ca.pem", "", "")));
        assertEquals("tls.ca.file=/no/ca.pem does not exist", refusal(props("ssl://h:8883", "", "", "/no/ca.pem", "",
                "")));
        Path notPem = Files.writeString(dir.resolve("ca.txt"), "hello");
        assertTrue(refusal(props("ssl://h:8883", "", "", notPem.toString(), "", "")).startsWith("tls.ca.file="
                + notPem + " is no PEM certificate"));
        assertEquals("a client certificate needs both tls.cert.file and tls.key.file: tls.key.file is missing",
                refusal(props("ssl://h:8883", "", "", "", "/c.pem", "")));
        assertEquals("broker.url 'mqtt://h' is invalid: use tcp://host:port or ssl://host:port",
                refusal(props("mqtt://h", "", "", "", "", "")));
    }

    @Test
    void aRefusedLoginAndAnUntrustedCertificateAreToldInAnOperatorsWords() {
        assertEquals("the broker refused the login (bad user name or password): check username and the password in "
                + "password.file", BrokerProblems.describe(new MqttException(
                        MqttException.REASON_CODE_FAILED_AUTHENTICATION)));
        assertTrue(BrokerProblems.describe(new MqttException(MqttException.REASON_CODE_NOT_AUTHORIZED))
                .startsWith("the broker refused the login (not authorized)"));
        MqttException tls = new MqttException(new SSLHandshakeException("PKIX path building failed: unable to find "
                + "valid certification path to requested target"));
        assertTrue(BrokerProblems.describe(tls).startsWith("the broker's certificate is not trusted"));
        assertEquals("connection failed", BrokerProblems.describe(null));
    }
}
