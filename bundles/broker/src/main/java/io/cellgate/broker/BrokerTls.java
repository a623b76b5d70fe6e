package io.cellgate.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS to the broker: whom the gateway trusts (the CA of a PEM file, or a PKCS12/JKS trust store, or the JVM's own
 * trust) and, optionally, the certificate it shows (a PEM certificate and its PEM PKCS#8 private key, the key in a file
 * only the gateway's user can read). Everything is read and checked at activation, so a bad file is a refused
 * configuration that names it, never a failing connection later.
 */
public final class BrokerTls {

    private static final char[] IN_MEMORY = "cellgate".toCharArray();

    private BrokerTls() {
    }

    /**
     * The socket factory, or null when nothing is configured (the JVM's defaults then apply to ssl://).
     *
     * @throws IllegalArgumentException naming the property and the file
     */
    public static SSLSocketFactory socketFactory(String caFile, String truststore, char[] truststorePassword,
            String certFile, String keyFile) {
        String ca = trim(caFile);
        String store = trim(truststore);
        String cert = trim(certFile);
        String key = trim(keyFile);
        if (!ca.isEmpty() && !store.isEmpty()) {
            throw new IllegalArgumentException("tls.ca.file and tls.truststore are both set: name the broker's CA in "
                    + "one of them");
        }
        if (cert.isEmpty() != key.isEmpty()) {
            throw new IllegalArgumentException("a client certificate needs both tls.cert.file and tls.key.file: "
                    + (cert.isEmpty() ? "tls.cert.file" : "tls.key.file") + " is missing");
        }
        if (ca.isEmpty() && store.isEmpty() && cert.isEmpty()) {
            return null;
        }
        try {
            TrustManager[] trust = null;
            if (!ca.isEmpty()) {
                trust = trustOf(caStore(Path.of(ca)));
            } else if (!store.isEmpty()) {
                trust = trustOf(load(Path.of(store), truststorePassword));
            }
            KeyManager[] keys = cert.isEmpty() ? null : clientKeys(Path.of(cert), key);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS cannot be set up: " + e.getMessage());
        }
    }

    /** A trust store of every certificate in a PEM file. */
    static KeyStore caStore(Path pem) {
        Collection<? extends Certificate> certs = certificates("tls.ca.file", pem);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("ca" + i++, c);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("tls.ca.file=" + pem + " cannot be used: " + e.getMessage());
        }
    }

    private static Collection<? extends Certificate> certificates(String key, Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException(key + "=" + pem + " holds no certificate: give a PEM file "
                        + "(-----BEGIN CERTIFICATE-----)");
            }
            return certs;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(key + "=" + pem + " does not exist");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(key + "=" + pem + " is no PEM certificate: " + e.getMessage());
        }
    }

    private static KeyStore load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType()); // PKCS12, and reads JKS as well
            store.load(in, password);
            return store;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("tls.truststore '" + file + "' does not exist");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("tls.truststore '" + file + "' cannot be used: " + e.getMessage());
        }
    }

    private static TrustManager[] trustOf(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        return f.getTrustManagers();
    }

    private static KeyManager[] clientKeys(Path cert, String keyFile) throws GeneralSecurityException {
        List<Certificate> chain = new ArrayList<>(certificates("tls.cert.file", cert));
        Path keyPath = Secrets.privateFile("tls.key.file", keyFile);
        PrivateKey key = privateKey(keyPath);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        store.setKeyEntry("client", key, IN_MEMORY, chain.toArray(new Certificate[0]));
        KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        f.init(store, IN_MEMORY);
        return f.getKeyManagers();
    }

    /** An unencrypted PKCS#8 key in PEM ({@code -----BEGIN PRIVATE KEY-----}), RSA or EC. */
    static PrivateKey privateKey(Path pem) {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("tls.key.file=" + pem + " cannot be read: " + e.getMessage());
        }
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("tls.key.file=" + pem + " is no unencrypted PKCS#8 PEM key "
                    + "(-----BEGIN PRIVATE KEY-----): convert it with openssl pkcs8 -topk8 -nocrypt -in KEY -out "
                    + pem);
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // try the next
            }
        }
        throw new IllegalArgumentException("tls.key.file=" + pem + " is neither an RSA, an EC nor an Ed25519 key");
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
