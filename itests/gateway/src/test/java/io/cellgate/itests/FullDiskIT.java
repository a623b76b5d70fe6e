package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.cellgate.api.pack.PackReading;
import io.cellgate.api.recording.RecordingReader;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Test;

/**
 * gateway.jar with its {@code data/} on a small file system of its own (a tmpfs mounted for the test, as root), which
 * is then filled: the recorder says so once and shows DOWN, a configuration Config Admin cannot store is one line,
 * the pack ticks on as due, no row already on the disk is lost or torn, and when space returns the recorder goes on
 * in the same file and the configuration is stored.
 */
public class FullDiskIT {

    private static final long TICK_MS = 100;
    private static final String RECORDER = "recorder data/recordings";

    private Path home;
    private Path data;
    private Process gateway;
    private boolean mounted;

    @After
    public void tearDown() throws Exception {
        GatewayProcess.end(gateway);
        if (mounted) {
            run("umount", data.toString());
        }
    }

    @Test
    public void aFullDataDiskCostsRowsNotTicksNorWhatIsStoredAndRecovers() throws Exception {
        home = GatewayProcess.freshHome("full-disk");
        int port = GatewayProcess.freePortFor(home);
        Files.delete(home.resolve("config/io.cellgate.export.mqtt-local.cfg")); // no broker here
        Files.writeString(home.resolve("config/io.cellgate.export.file-disk.cfg"),
                "directory=data/recordings\ninterval.ms=200\n");
        data = Files.createDirectories(home.resolve("data"));
        assertEquals("mount a 48 MiB tmpfs on " + data + " (the test runs as root)", 0,
                run("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", data.toString()));
        mounted = true;
        Path out = home.resolve("gateway.out");
        gateway = GatewayProcess.start(home, out, ProcessBuilder.Redirect.from(new File("/dev/null")));
        String metrics = "http://127.0.0.1:" + port + "/metrics";
        await("rows on the disk", () -> up(metrics) == 1 && rows() > 5, out);

        Path filler = data.resolve("filler");
        fill(filler);
        await("the recorder to show DOWN", () -> up(metrics) == 0, out); // the file's last page took some rows
        long before = rows();
        String stored = Files.readString(recording());
        long t0 = System.nanoTime();
        double ticks0 = ticks(metrics);
        Files.writeString(home.resolve("config/io.cellgate.balancer.ek.variant-full.cfg"),
                "model=EK-L20S1A\nvariant=full\n");
        Thread.sleep(3000);
        double ticked = ticks(metrics) - ticks0;
        double due = (System.nanoTime() - t0) / 1e6 / TICK_MS;
        System.out.printf("full disk: %.0f ticks in %.0f periods%n", ticked, due);
        assertTrue(ticked + " ticks in " + due + " periods", Math.abs(ticked - due) <= 5);
        String printed = Files.readString(out);
        assertEquals(printed, 1, count(printed, "WARN io.cellgate.export.file: recorder: cannot write pack1 to "
                + "data/recordings: No space left on device; rows are dropped until it works again"));
        assertEquals(printed, 1, count(printed, "Failed to install artifact: "
                + home.resolve("config/io.cellgate.balancer.ek.variant-full.cfg")));
        assertTrue("what was stored is still there", Files.readString(recording()).startsWith(stored));
        assertEquals("no row written while full", before, rows());

        Files.delete(filler);
        await("the recorder to write again", () -> up(metrics) == 1 && rows() > before + 5, out);
        await("Config Admin to store the configuration it could not", () -> stored("variant%007efull.config"), out);
        printed = Files.readString(out);
        assertEquals(printed, 1, count(printed, "recorder: writing again to data/recordings/pack1-"));
        assertEquals(printed, 1, count(printed, "data/ has room again: [config/io.cellgate.balancer.ek.variant-full.cfg]"
                + " offered to Config Admin once more"));
        assertTrue(Files.readString(recording()).startsWith(stored));
        try (Stream<Path> files = Files.list(data.resolve("recordings"))) {
            assertEquals("one file, gone on with", 1, files.count());
        }
        gateway.destroy();
        assertTrue(gateway.waitFor(30, TimeUnit.SECONDS));
        assertTrue("every row whole", rows() > before + 5);
    }

    /** Whether a file of this name is in Config Admin's store (under the framework's storage in data/). */
    private boolean stored(String name) {
        try (Stream<Path> files = Files.walk(data.resolve("felix-cache"))) {
            return files.anyMatch(f -> f.getFileName().toString().equals(name));
        } catch (IOException e) {
            return false;
        }
    }

    /** Fills the file system: writes until it is full. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1 << 20];
        try (OutputStream o = Files.newOutputStream(filler)) {
            while (true) {
                o.write(block);
            }
        } catch (IOException full) {
            assertTrue(full.getMessage(), String.valueOf(full.getMessage()).contains("No space left on device"));
        }
    }

    private Path recording() throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("recordings"))) {
            return files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
    }

    /** Rows in the recording, each read by the recording format's own reader: a torn row fails it. */
    private long rows() {
        try (RecordingReader r = RecordingReader.open(recording())) {
            PackReading row = new PackReading(r.cells());
            long n = 0;
            while (r.next(row)) {
                n++;
            }
            return n;
        } catch (IOException | RuntimeException e) {
            return e instanceof IllegalArgumentException && !e.getMessage().contains("no rows") ? fail(e) : 0;
        }
    }

    private static long fail(Exception e) {
        throw new AssertionError("a torn or bad row: " + e.getMessage(), e);
    }

    private static double up(String metrics) {
        String text = GatewayProcess.get(metrics);
        PromText m = text.isEmpty() ? null : PromText.parse(text);
        return m == null || m.get("cellgate_exporter_up", "exporter", RECORDER) == null ? -1
                : m.value("cellgate_exporter_up", "exporter", RECORDER);
    }

    private static double ticks(String metrics) {
        return PromText.parse(GatewayProcess.get(metrics)).value("cellgate_ticks_total", "pack", "pack1");
    }

    private static long count(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).count();
    }

    private void await(String what, BooleanSupplier condition, Path out) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue("waited in vain for " + what + "; the gateway printed:\n" + Files.readString(out),
                    System.nanoTime() < end && gateway.isAlive());
            Thread.sleep(100);
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).inheritIO().start();
        return p.waitFor();
    }
}
