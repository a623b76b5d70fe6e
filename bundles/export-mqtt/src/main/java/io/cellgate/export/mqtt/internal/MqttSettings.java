package io.cellgate.export.mqtt.internal;

import io.cellgate.api.config.ConfigurationValues;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A validated MQTT exporter configuration.
 *
 * @param socketFactory the TLS socket factory for an ssl:// broker with its own trust store, else null
 */
record MqttSettings(String brokerUrl, String clientId, Topics topics, boolean discovery, long publishNanos,
        int bufferMessages, int qos, String username, char[] password, SSLSocketFactory socketFactory) {

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
        String url = c.broker_url() == null ? "" : c.broker_url().trim();
        boolean tls = url.startsWith("ssl://");
        if (!(url.startsWith("tcp://") || tls) || !hasHostAndPort(url)) {
            throw new IllegalArgumentException("broker.url '" + url + "' is invalid: use tcp://host:port or "
                    + "ssl://host:port");
        }
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
        String truststore = c.tls_truststore() == null ? "" : c.tls_truststore().trim();
        if (!truststore.isEmpty() && !tls) {
            throw new IllegalArgumentException("tls.truststore is set but broker.url '" + url + "' is not ssl://");
        }
        char[] truststorePassword = secret("tls.truststore.password.file", c.tls_truststore_password_file());
        SSLSocketFactory factory = truststore.isEmpty() ? null : socketFactory(Path.of(truststore), truststorePassword);
        String user = c.username() == null || c.username().isBlank() ? null : c.username().trim();
        char[] password = secret("password.file", c.password_file());
        return new MqttSettings(url, clientId, new Topics(prefix, gateway, discoveryPrefix), c.discovery_enabled(),
                TimeUnit.MILLISECONDS.toNanos(publishMs), buffer, c.qos(), user, password, factory);
    }

    /** The host's short name (before the first dot) as an id: other characters become '-'. */
    static String gatewayIdOf(String hostName) {
        String name = hostName == null ? "" : hostName.trim();
        int dot = name.indexOf('.');
        name = (dot >= 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_-]", "-");
        name = name.length() > 64 ? name.substring(0, 64) : name;
        return name.isEmpty() ? FALLBACK_GATEWAY_ID : name;
    }

    private static boolean hasHostAndPort(String url) {
        try {
            URI u = new URI(url);
            return u.getHost() != null && u.getPort() > 0 && (u.getPath() == null || u.getPath().isEmpty());
        } catch (Exception e) {
            return false;
        }
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

    /**
     * A secret in a file only the gateway's user can read, or null for none. One given inline never gets here: the
     * bundle's gate refuses it ({@link MqttGate}).
     *
     * @throws IllegalArgumentException when the file is missing, empty or readable by others
     */
    static char[] secret(String fileKey, String file) {
        String path = file == null ? "" : file.trim();
        if (path.isEmpty()) {
            return null;
        }
        Path f = Path.of(path);
        try {
            Set<PosixFilePermission> mode = Files.getFileAttributeView(f, PosixFileAttributeView.class) == null
                    ? Set.of() : Files.getPosixFilePermissions(f);
            Set<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_READ,
                    PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
            others.retainAll(mode);
            if (!others.isEmpty()) {
                throw new IllegalArgumentException(fileKey + "=" + f + " is readable or writable by others ("
                        + PosixFilePermissions.toString(mode) + "): chmod 600 " + f);
            }
            String text = Files.readString(f).replaceFirst("\\R\\z", "");
            if (text.isEmpty()) {
                throw new IllegalArgumentException(fileKey + "=" + f + " is empty: write the secret into it");
            }
            return text.toCharArray();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(fileKey + "=" + f + " does not exist: create it (chmod 600) or leave "
                    + fileKey + " out");
        } catch (IOException e) {
            throw new IllegalArgumentException(fileKey + "=" + f + " cannot be read: " + e.getMessage());
        }
    }

    private static SSLSocketFactory socketFactory(Path truststore, char[] secret) {
        try (InputStream in = Files.newInputStream(truststore)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType()); // PKCS12, and reads JKS as well
            store.load(in, secret);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("tls.truststore '" + truststore + "' does not exist");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("tls.truststore '" + truststore + "' cannot be used: " + e.getMessage());
        }
    }
}
