package io.cellgate.broker;

import java.net.URI;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * How to reach and log in to a broker, validated: its URL, the login (the password read from a file) and the TLS
 * socket factory for ssl:// with a CA or client certificate of its own.
 *
 * @param socketFactory null for tcp://, or for ssl:// with the JVM's default trust
 */
public record BrokerLink(String url, String username, char[] password, SSLSocketFactory socketFactory) {

    /** What a configuration says about the broker, as its properties are named in both exporters. */
    public record Properties(String brokerUrl, String username, String passwordFile, String caFile,
            String truststore, String truststorePasswordFile, String certFile, String keyFile) {
    }

    /**
     * The broker URL trimmed, when it is {@code tcp://host:port} or {@code ssl://host:port}.
     *
     * @throws IllegalArgumentException saying what to write
     */
    public static String checkUrl(String brokerUrl) {
        String url = brokerUrl == null ? "" : brokerUrl.trim();
        if (!(url.startsWith("tcp://") || url.startsWith("ssl://")) || !hasHostAndPort(url)) {
            throw new IllegalArgumentException("broker.url '" + url + "' is invalid: use tcp://host:port or "
                    + "ssl://host:port");
        }
        return url;
    }

    /** @throws IllegalArgumentException naming the property and what it accepts */
    public static BrokerLink of(Properties p) {
        String url = checkUrl(p.brokerUrl());
        boolean tls = url.startsWith("ssl://");
        boolean tlsSettings = !blank(p.caFile()) || !blank(p.truststore()) || !blank(p.certFile())
                || !blank(p.keyFile());
        if (tlsSettings && !tls) {
            throw new IllegalArgumentException("TLS settings (" + (!blank(p.caFile()) ? "tls.ca.file"
                    : !blank(p.truststore()) ? "tls.truststore" : "tls.cert.file") + ") are set but broker.url '"
                    + url + "' is not ssl://: write ssl://host:port");
        }
        char[] storePassword = Secrets.read("tls.truststore.password.file", p.truststorePasswordFile());
        SSLSocketFactory factory = BrokerTls.socketFactory(p.caFile(), p.truststore(), storePassword, p.certFile(),
                p.keyFile());
        String user = blank(p.username()) ? null : p.username().trim();
        char[] password = Secrets.read("password.file", p.passwordFile());
        if (password != null && user == null) {
            throw new IllegalArgumentException("password.file is set but username is empty: name the user too");
        }
        return new BrokerLink(url, user, password, factory);
    }

    /** Puts the login and the TLS socket factory into Paho's options. */
    public void applyTo(MqttConnectOptions options) {
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password);
        }
        if (socketFactory != null) {
            options.setSocketFactory(socketFactory);
        }
    }

    private static boolean hasHostAndPort(String url) {
        try {
            URI u = new URI(url);
            return u.getHost() != null && u.getPort() > 0 && (u.getPath() == null || u.getPath().isEmpty());
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return url + (username == null ? "" : " as " + username); // never the password
    }
}
