package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.cellgate.api.runtime.ExporterHealth;
import io.cellgate.export.mqtt.api.MqttExporterStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A broker that lets no one else in: Mosquitto with TLS only (certificates made by this test with openssl, a client
 * certificate required), a password file and an ACL. The MQTT exporter and the Sparkplug node get in with the CA, their
 * client certificate and the password from a private file; a wrong password and an untrusted broker certificate are
 * refused, said once in an operator's words, and retried with back-off.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BrokerSecurityIT extends TelemetrySupport {

    static final String PASSWORD = "gw-pass-" + Long.toHexString(System.nanoTime());

    private Path dir;
    private Mosquitto secure;

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue("openssl " + args[0], p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(out, 0, p.exitValue());
    }

    /** A CA, a broker certificate for 127.0.0.1 signed by it, a client certificate, and a second CA nobody uses. */
    private void certificates() throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days",
                "2", "-subj", "/CN=cellgate test CA");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key", "-out", "other-ca.pem",
                "-days", "2", "-subj", "/CN=someone else's CA");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
                "/CN=127.0.0.1");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
        for (String client : List.of("gw1", "host")) {
            openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", client + ".key", "-out", client + ".csr",
                    "-subj", "/CN=" + client);
            openssl("x509", "-req", "-in", client + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", client + ".pem", "-days", "2");
            Files.setPosixFilePermissions(dir.resolve(client + ".key"), PosixFilePermissions.fromString("rw-------"));
        }
        openssl("pkcs12", "-export", "-in", "host.pem", "-inkey", "host.key", "-out", "host.p12", "-passout",
                "pass:host");
    }

    @Before
    public void secureBroker() throws Exception {
        dir = Path.of(System.getProperty("project.build.directory", "target"), "broker-security").toAbsolutePath();
        GatewayOptions.deleteTree(dir);
        Files.createDirectories(dir);
        certificates();
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, "");
        for (String[] user : List.of(new String[] {"gw1", PASSWORD}, new String[] {"host", "host-pass"})) {
            Process p = new ProcessBuilder("mosquitto_passwd", "-b", passwd.toString(), user[0], user[1])
                    .redirectErrorStream(true).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(new String(p.getInputStream().readAllBytes()), 0, p.exitValue());
        }
        // gw1 may write its own telemetry and read its commands; the host reads everything and commands
        Files.writeString(dir.resolve("acl"), "user gw1\ntopic readwrite cellgate/#\ntopic write homeassistant/#\n"
                + "topic readwrite spBv1.0/secure/+/gw1\ntopic readwrite spBv1.0/secure/+/gw1/#\n"
                + "topic read spBv1.0/STATE/#\n\nuser host\ntopic readwrite #\n");
        Path secret = dir.resolve("gw1.password");
        Files.writeString(secret, PASSWORD + "\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path wrong = dir.resolve("wrong.password");
        Files.writeString(wrong, "not-the-password\n");
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));
        secure = Mosquitto.start(dir, GatewayOptions.freePort(), "cafile " + dir.resolve("ca.pem") + "\ncertfile "
                + dir.resolve("server.pem") + "\nkeyfile " + dir.resolve("server.key") + "\nrequire_certificate true\n"
                + "allow_anonymous false\npassword_file " + passwd + "\nacl_file " + dir.resolve("acl"));
    }

    @After
    public void stopSecureBroker() throws Exception {
        cleanUp();
        if (secure != null) {
            secure.close();
        }
    }

    /** What the host trusts and shows: the test CA and its own client certificate. */
    private SSLSocketFactory hostTls() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(dir.resolve("ca.pem"))) {
            Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
            trust.setCertificateEntry("ca", ca);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("host.p12"))) {
            keys.load(in, "host".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "host".toCharArray());
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return c.getSocketFactory();
    }

    private Map<String, Object> login(String passwordFile, String caFile) {
        Map<String, Object> p = new HashMap<>();
        p.put("broker.url", secure.sslUrl());
        p.put("username", "gw1");
        p.put("password.file", dir.resolve(passwordFile).toString());
        p.put("tls.ca.file", dir.resolve(caFile).toString());
        p.put("tls.cert.file", dir.resolve("gw1.pem").toString());
        p.put("tls.key.file", dir.resolve("gw1.key").toString());
        return p;
    }

    private MqttExporterStatus status() {
        return service(MqttExporterStatus.class, "(broker.url=" + secure.sslUrl() + ")");
    }

    private ExporterHealth mqttHealth() {
        return service(ExporterHealth.class, "(component.name=io.cellgate.export.mqtt.internal.MqttExporter)");
    }

    @Test
    public void theExporterAndTheNodeGetInWithTheCaTheirCertificateAndThePasswordFromAFile() throws Exception {
        track(simulatedPack("sec1", 4, "NCM", EK_DATASHEET, 50));
        awaitPack("sec1");
        try (SparkplugHost host = new SparkplugHost(secure.sslUrl(), "secure", "host", "host-pass".toCharArray(),
                hostTls())) {
            Map<String, Object> mqtt = login("gw1.password", "ca.pem");
            mqtt.putAll(Map.of("gateway.id", "gw1", "client.id", "gw1-json", "publish.ms", 200L));
            factory("io.cellgate.export.mqtt", "secure", mqtt);
            Map<String, Object> node = login("gw1.password", "ca.pem");
            node.putAll(Map.of("group.id", "secure", "edge.node.id", "gw1"));
            factory("io.cellgate.export.sparkplug", "secure", node);

            await("the exporter connected over TLS", () -> status() != null && status().connected());
            await("its state published", () -> status().publishedMessages() > 10);
            await("the node born over TLS", () -> host.last("DBIRTH", "gw1", "sec1") != null);
            assertEquals(List.of(), host.problems());
            assertEquals(0, logged("refused the login", "password.file"));
        }
    }

    @Test
    public void aWrongPasswordIsRefusedSaidOnceAndRetriedWithBackOff() throws Exception {
        factory("io.cellgate.export.mqtt", "wrong", new HashMap<>(Map.of("gateway.id", "gw1", "client.id",
                "gw1-wrong")) {
            {
                putAll(login("wrong.password", "ca.pem"));
            }
        });
        Map<String, Object> node = login("wrong.password", "ca.pem");
        node.putAll(Map.of("group.id", "secure", "edge.node.id", "gw1"));
        factory("io.cellgate.export.sparkplug", "wrong", node);
        await("the exporter's refusal", () -> logged("mqtt " + secure.sslUrl() + ": the broker refused the login",
                "password.file") == 1);
        await("the node's refusal", () -> logged("sparkplug gw1: " + secure.sslUrl() + ": the broker refused the "
                + "login", "password.file") == 1);
        MqttExporterStatus status = service(MqttExporterStatus.class, "(broker.url=" + secure.sslUrl() + ")");
        await("three attempts (1 s, 2 s apart)", () -> mqttHealth().failures() >= 3, () -> "failures "
                + mqttHealth().failures());
        assertFalse(status.connected());
        assertEquals("said once, however often it retries", 1, logged("mqtt " + secure.sslUrl()
                + ": the broker refused the login", "password.file"));
        assertEquals(1, logged("sparkplug gw1: " + secure.sslUrl() + ": the broker refused the login",
                "password.file"));
        ExporterHealth health = service(ExporterHealth.class, "(component.name=io.cellgate.export.sparkplug."
                + "internal.SparkplugNode)");
        assertTrue(String.valueOf(health.problem()), String.valueOf(health.problem()).contains(
                "the broker refused the login"));
        assertFalse("no stack trace in the log: " + log, log.stream().anyMatch(l -> l.contains("\tat ")
                || l.contains("Exception:")));
    }

    @Test
    public void anUntrustedBrokerCertificateIsRefusedSaidOnceAndRetried() throws Exception {
        Map<String, Object> mqtt = login("gw1.password", "other-ca.pem");
        mqtt.putAll(Map.of("gateway.id", "gw1", "client.id", "gw1-untrusting"));
        factory("io.cellgate.export.mqtt", "untrusted", mqtt);
        await("the refusal", () -> logged("mqtt " + secure.sslUrl() + ": the broker's certificate is not trusted",
                "tls.ca.file") == 1);
        MqttExporterStatus status = service(MqttExporterStatus.class, "(broker.url=" + secure.sslUrl() + ")");
        await("retried", () -> mqttHealth().failures() >= 3, () -> "failures " + mqttHealth().failures());
        assertEquals(1, logged("mqtt " + secure.sslUrl() + ": the broker's certificate is not trusted",
                "tls.ca.file"));
        assertFalse(status.connected());
    }
}
