package io.cellgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.config.RefusalGate;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InlineSecretsTest {

    private final InlineSecrets secrets = new InlineSecrets(Map.of(".password", "password.file",
            ".tls.truststore.password", "tls.truststore.password.file"));
    private final List<String> log = new ArrayList<>();
    private final RefusalGate gate = new RefusalGate("MQTT exporter", "broker.url", secrets.guard(p -> { }),
            log::add);

    private static Dictionary<String, Object> config(Map<String, Object> properties) {
        Dictionary<String, Object> d = new Hashtable<>(properties);
        d.put("service.pid", "io.cellgate.export.mqtt~local");
        d.put(RefusalGate.FILE, "file:/gw/config/io.cellgate.export.mqtt-local.cfg");
        return d;
    }

    /** What the bundle's plugin does with each configuration Config Admin delivers. */
    private Dictionary<String, Object> deliver(Dictionary<String, Object> stored) {
        Dictionary<String, Object> given = new Hashtable<>();
        for (var keys = stored.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            given.put(k, stored.get(k));
        }
        secrets.strip(given);
        gate.process(given);
        return given;
    }

    @Test
    void anInlinePasswordIsRefusedOnceNeverReachesTheComponentAndSaysWhatToDo() {
        Dictionary<String, Object> fromTheFile = config(Map.of("broker.url", "tcp://b:1883", ".password", "s3cret"));
        Dictionary<String, Object> given = deliver(fromTheFile);
        assertNull(given.get(".password"), "SCR, and so scr:info, never sees it");
        assertTrue(given.get(RefusalGate.REFUSED) != null);
        assertEquals(List.of("MQTT exporter tcp://b:1883: configuration refused: .password inline is refused, and "
                + "taken out of Config Admin's store under data/: write the secret into a file only the gateway's "
                + "user can read (chmod 600), name it in password.file, and remove .password from the configuration "
                + "file (fix /gw/config/io.cellgate.export.mqtt-local.cfg)"), log);

        // Config Admin's store, scrubbed as the gate does it, is delivered again: refused, and not logged again
        Dictionary<String, Object> scrubbed = config(Map.of("broker.url", "tcp://b:1883"));
        scrubbed.put(InlineSecrets.REMOVED, ".password");
        deliver(scrubbed);
        assertEquals(1, log.size(), log.toString());
    }

    @Test
    void bothSecretsAreNamedWithTheirFiles() {
        Dictionary<String, Object> d = config(Map.of("broker.url", "ssl://b:8883", ".password", "a",
                ".tls.truststore.password", "b"));
        assertTrue(secrets.strip(d));
        assertEquals(".password,.tls.truststore.password", d.get(InlineSecrets.REMOVED));
        deliver(d);
        assertTrue(log.get(0).contains(": .password and .tls.truststore.password inline is refused, and taken out "
                + "of Config Admin's store under data/: write the secret into a file only the gateway's user can read "
                + "(chmod 600), name it in password.file and tls.truststore.password.file, and remove .password and "
                + ".tls.truststore.password from the configuration file"), log.get(0));
    }

    @Test
    void anEmptyInlinePasswordIsDroppedWithoutARefusal() {
        Dictionary<String, Object> d = config(Map.of("broker.url", "tcp://b:1883", ".password", ""));
        assertFalse(secrets.strip(d));
        assertNull(d.get(".password"));
        assertNull(deliver(d).get(RefusalGate.REFUSED));
        assertEquals(List.of(), log);
    }
}
