package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.cellgate.api.runtime.ExporterHealth;
import io.cellgate.api.runtime.Pack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * An exporter that cannot do its job is never silently dead: a broker that refuses the gateway, a recordings folder
 * the gateway may not write, each shows in {@code cellgate:exporters} and in /metrics as down, with its failures
 * counted, and up again once the fault is gone; the packs tick on throughout.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExporterHealthIT extends TelemetrySupport {

    private ExporterHealth find(String exporter) {
        try {
            for (var ref : context().getServiceReferences(ExporterHealth.class, null)) {
                ExporterHealth h = context().getService(ref);
                if (h != null && h.exporter().equals(exporter)) {
                    return h;
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        return null;
    }

    private String exporters() throws Exception {
        return String.valueOf(quietSession().execute("cellgate:exporters"));
    }

    private double up(String exporter) throws InterruptedException {
        return awaitMetrics().value("cellgate_exporter_up", "exporter", exporter);
    }

    @Test
    public void aBrokerThatRefusesTheGatewayShowsDownWithItsFailuresUntilItAccepts() throws Exception {
        startBroker("mosquitto-refusing");
        broker.allowAnonymous(false);
        broker.restart();
        track(simulatedPack("ith1", 4, "NCM", EK_DATASHEET, 50));
        Pack pack = awaitPack("ith1");
        factory("io.cellgate.export.mqtt", "refused", Map.of("broker.url", broker.url(), "gateway.id", "itgw",
                "client.id", "it-refused", "publish.ms", 200L));
        String name = "mqtt " + broker.url();
        await("the exporter to fail twice", () -> find(name) != null && find(name).failures() >= 2
                && find(name).problem() != null);
        ExporterHealth h = find(name);
        assertTrue(h.problem(), h.problem().startsWith("cannot reach the broker: "));
        assertEquals(0.0, up(name), 0);
        assertTrue(awaitMetrics().value("cellgate_exporter_failures_total", "exporter", name) >= 2);
        String listing = exporters();
        assertTrue(listing, listing.lines().anyMatch(l -> l.startsWith(name) && l.contains(" DOWN ")
                && l.contains("cannot reach the broker")));
        long ticks = pack.stats().ticks();

        broker.allowAnonymous(true);
        broker.restart();
        await("the exporter to connect (its next try is at most 4 s away)", () -> find(name).up());
        assertEquals(1.0, up(name), 0);
        assertTrue(exporters(), exporters().lines().anyMatch(l -> l.startsWith(name) && l.contains(" up ")));
        assertTrue("ith1 ticked on", pack.stats().ticks() > ticks);
    }

    @Test
    public void aRecordingsFolderTheGatewayMayNotWriteShowsDownUntilItMay() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("project.build.directory", "target"),
                "recordings-health", String.valueOf(System.nanoTime()))).toAbsolutePath();
        // root writes anywhere a mode allows nothing; an immutable folder refuses even root
        chattr("+i", dir);
        try {
            factory("io.cellgate.export.file", "it-health", Map.of("directory", dir.toString(), "interval.ms", 0L));
            track(simulatedPack("ith2", 4, "NCM", EK_DATASHEET, 50));
            Pack pack = awaitPack("ith2");
            String name = "recorder " + dir;
            await("the recorder to fail", () -> find(name) != null && find(name).problem() != null);
            String problem = find(name).problem();
            assertTrue(problem, problem.startsWith("cannot write ith2 to " + dir + ": " + dir + "/ith2-")
                    && problem.endsWith(".csv: Operation not permitted"));
            assertEquals(0.0, up(name), 0);
            assertTrue(exporters(), exporters().lines().anyMatch(l -> l.startsWith(name) && l.contains(" DOWN ")));
            assertEquals(1, logged("cannot write ith2 to " + dir, "rows are dropped until it works again"));
            long ticks = pack.stats().ticks();

            chattr("-i", dir);
            await("the recorder to write again", () -> find(name).up());
            assertEquals(1.0, up(name), 0);
            assertEquals(1, logged("recorder: writing again to ", dir.toString()));
            assertTrue("ith2 ticked on", pack.stats().ticks() > ticks);
        } finally {
            chattr("-i", dir);
        }
    }

    private static void chattr(String flag, Path dir) throws Exception {
        Process p = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
        assertEquals("chattr " + flag + " " + dir + ": " + new String(p.getInputStream().readAllBytes()), 0,
                p.waitFor());
    }
}
