package io.cellgate.broker;

import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttException;

/** Why a connection to the broker failed, in an operator's words and with what to check. */
public final class BrokerProblems {

    private BrokerProblems() {
    }

    /** One line: what happened and, for a refused login or an untrusted certificate, which setting to check. */
    public static String describe(Throwable cause) {
        if (cause == null) {
            return "connection failed";
        }
        if (cause instanceof MqttException m) {
            if (m.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION) {
                return "the broker refused the login (bad user name or password): check username and the "
                        + "password in password.file";
            }
            if (m.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED) {
                return "the broker refused the login (not authorized): check username, password.file and the "
                        + "broker's access rules for this client";
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException) {
                String m = String.valueOf(t.getMessage());
                if (m.contains("PKIX") || m.contains("unable to find valid certification path")) {
                    return "the broker's certificate is not trusted: it is not signed by the CA of tls.ca.file (or "
                            + "tls.truststore, or the JVM's trust when neither is set)";
                }
                if (m.contains("No subject alternative") || m.contains("No name matching")) {
                    return "the broker's certificate does not name the host of broker.url (" + m + ")";
                }
                return "TLS handshake failed: " + m;
            }
        }
        return plain(cause);
    }

    private static String plain(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = cause.getMessage();
        return root == cause || root.getMessage() == null ? String.valueOf(message)
                : message + " (" + root.getMessage() + ")";
    }
}
