package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;

/**
 * An MQTT password written inline in an exporter's file, delivered as FileInstall delivers it: refused with one line
 * saying to use password.file, never shown by scr:info, and taken out of Config Admin's store.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecretsIT extends TelemetrySupport {

    private static final String SECRET = "s3cret-it-" + System.nanoTime();

    @Test
    public void anInlinePasswordIsRefusedAndKeptOutOfTheStoreAndOutOfScrInfo() throws Exception {
        Configuration c = factory("io.cellgate.export.mqtt", "inline-secret", Map.of("broker.url",
                "tcp://127.0.0.1:1", "gateway.id", "itgw", ".password", SECRET));
        await("the refusal", () -> logged("configuration refused: .password inline is refused"));
        await("the store to lose the password", () -> stored(c.getPid()).get(".password") == null);
        assertEquals(".password", stored(c.getPid()).get("cellgate.secrets.removed"));
        assertFalse("no file of Config Admin's store holds it", storeHolds(SECRET));

        String info = String.valueOf(quietSession().execute(
                "scr:info io.cellgate.export.mqtt.internal.MqttExporter"));
        assertFalse(info, info.contains(SECRET));
        assertTrue("the exporter does not run", info.contains("inline-secret") || !info.contains("ACTIVE"));
        Thread.sleep(1500); // a second delivery (the scrubbed store) is not logged again
        assertEquals(1, logged("configuration refused: .password inline is refused", "name it in password.file"));
        assertNull(service(io.cellgate.api.runtime.ExporterHealth.class, null));
    }

    private java.util.Dictionary<String, Object> stored(String pid) {
        try {
            Configuration[] cs = configAdmin().listConfigurations("(service.pid=" + pid + ")");
            return cs[0].getProperties();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Whether any file Config Admin keeps holds {@code text}. */
    private boolean storeHolds(String text) throws Exception {
        Bundle cm = Arrays.stream(context().getBundles())
                .filter(b -> b.getSymbolicName().equals("org.apache.felix.configadmin")).findFirst().orElseThrow();
        File area = cm.getDataFile("");
        assertTrue("Config Admin's data area " + area, area != null && area.isDirectory());
        try (Stream<Path> files = Files.walk(area.toPath())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
