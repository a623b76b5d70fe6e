package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.recording.RecordingFormat;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.sim.scenario.Recording;
import io.cellgate.sim.scenario.ReplayResult;
import io.cellgate.sim.scenario.ReplayRunner;
import io.cellgate.sim.scenario.Scenario;
import io.cellgate.sim.scenario.ScenarioResult;
import io.cellgate.sim.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * The CSV recorder records a simulated pack tick by tick: read back with the shared recording format, the rows are
 * the readings the pack ticked on, bit for bit; the scenario runner replays the recording through the same balancer
 * model and reaches the very decisions the pack made.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RecorderIT extends TelemetrySupport {

    @Test
    public void aRecordedRunReplaysToTheDecisionsThePackMade() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("project.build.directory", "target"),
                "recordings-it", String.valueOf(System.nanoTime())));
        org.osgi.service.cm.Configuration recorder = factory("io.cellgate.export.file", "it-rec",
                Map.of("directory", dir.toString(), "interval.ms", 0L, "rotation", "daily"));
        await("the recorder to listen", () -> registered("io.cellgate.api.telemetry.PackListener",
                "(service.factoryPid=io.cellgate.export.file)"));

        org.osgi.service.cm.Configuration[] run = simulatedPack("itr1", 8, "NCM", EK_DATASHEET, 20,
                Map.of("soc.spread.percent", 10.0, "time.scale", 600.0));
        Pack pack = awaitPack("itr1");
        await("150 ticks", () -> pack.stats().ticks() >= 150);
        for (org.osgi.service.cm.Configuration c : run) {
            c.delete();
        }
        await("the pack to stop", () -> pack("itr1") == null);
        long ticks = pack.stats().ticks();
        recorder.delete(); // flushes and closes its files
        await("the recorder to stop", () -> !registered("io.cellgate.api.telemetry.PackListener",
                "(service.factoryPid=io.cellgate.export.file)"));

        List<Path> files = recordings(dir, "itr1");
        assertEquals(files.toString(), 1, files.size());
        List<String> lines = Files.readAllLines(files.get(0));
        assertEquals(RecordingFormat.header(8), lines.get(0) + "\n" + lines.get(1));
        // a row per tick, in order; the runtime may run a pack's first tick before its listeners are bound
        List<Long> recorded = lines.subList(2, lines.size()).stream().map(l -> Long.parseLong(l.split(",")[1]))
                .collect(Collectors.toList());
        assertEquals(ticks, (long) recorded.get(recorded.size() - 1));
        assertTrue("from tick " + recorded.get(0), recorded.get(0) <= 2);
        for (int i = 1; i < recorded.size(); i++) {
            assertEquals(recorded.get(i - 1) + 1, (long) recorded.get(i));
        }
        assertEquals(RecordingFormat.columnNames(8).length, lines.get(lines.size() - 1).split(",", -1).length);

        Path scenario = dir.resolve("replay.json");
        Files.writeString(scenario, "{\"name\": \"itr1 replayed\", \"replay\": \"" + files.get(0).getFileName()
                + "\", \"pack\": {\"cells\": 8, \"chemistry\": \"NCM\"}, \"balancer\": \"EK-L20S1A/datasheet\"}");
        Scenario s = Scenario.read(scenario);
        BalancerModel ek = service(BalancerModel.class, EK_DATASHEET);
        ReplayResult r = ReplayRunner.run(s, ek);
        System.out.printf("replayed %d rows, compared %d, differing %d; LED changes %d%n", r.rows(),
                r.rowsCompared(), r.rowsDiffering(), r.result().indicators().size());
        assertEquals(recorded.size(), r.rows());
        assertTrue("rows decided by the balancer: " + r.rowsCompared(), r.rowsCompared() >= r.rows() - 5);
        assertEquals("the same balancer on the same readings decides the same", 0, r.rowsDiffering());
        assertFalse(r.result().indicators().isEmpty());

        ScenarioResult viaRunner = ScenarioRunner.run(s, ek);
        assertEquals(r.result().toJson(), viaRunner.toJson());
    }

    /** The recording files of {@code pack} in {@code dir}. */
    static List<Path> recordings(Path dir, String pack) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(pack + "-\\d{8}T\\d{6}Z\\.csv"))
                    .collect(Collectors.toList());
        }
    }

    @Test
    public void theRecordingReadsBackAsTheReadingsThePackTickedOnBitForBit() throws Exception {
        Map<Long, PackReading> seen = new ConcurrentHashMap<>();
        ServiceRegistration<PackListener> listener = context().registerService(PackListener.class, s -> {
            if ("itr2".equals(s.pack().id())) {
                PackReading copy = new PackReading(s.pack().cells());
                copy.copyFrom(s.reading());
                seen.put(s.tick(), copy);
            }
        }, null);
        Path dir = Files.createDirectories(Path.of(System.getProperty("project.build.directory", "target"),
                "recordings-it", String.valueOf(System.nanoTime())));
        try {
            org.osgi.service.cm.Configuration recorder = factory("io.cellgate.export.file", "it-rec2",
                    Map.of("directory", dir.toString(), "interval.ms", 0L, "rotation", "daily"));
            await("the recorder to listen", () -> registered("io.cellgate.api.telemetry.PackListener",
                    "(service.factoryPid=io.cellgate.export.file)"));
            // noise makes every reading a different, full-precision double
            org.osgi.service.cm.Configuration[] run = simulatedPack("itr2", 8, "NCM", EK_DATASHEET, 20,
                    Map.of("soc.spread.percent", 10.0, "time.scale", 600.0, "noise.mv", 0.5));
            Pack pack = awaitPack("itr2");
            await("100 ticks", () -> pack.stats().ticks() >= 100);
            for (org.osgi.service.cm.Configuration c : run) {
                c.delete();
            }
            await("the pack to stop", () -> pack("itr2") == null);
            recorder.delete(); // flushes and closes its files
            await("the recorder to stop", () -> !registered("io.cellgate.api.telemetry.PackListener",
                    "(service.factoryPid=io.cellgate.export.file)"));
        } finally {
            listener.unregister();
        }

        List<Path> files = recordings(dir, "itr2");
        assertEquals(files.toString(), 1, files.size());
        long rows = 0;
        try (Recording recording = Recording.open(files.get(0))) { // as a replay reads it
            while (recording.next()) {
                PackReading live = seen.get(recording.tick());
                assertTrue("tick " + recording.tick() + " was recorded but never seen", live != null);
                for (int c = 0; c < 8; c++) {
                    assertEquals("tick " + recording.tick() + ", cell " + (c + 1),
                            Double.doubleToRawLongBits(live.volts(c)), Double.doubleToRawLongBits(recording.volts(c)));
                    assertEquals(live.status(c), recording.status(c));
                }
                assertEquals(Double.doubleToRawLongBits(live.temperatureCelsius()),
                        Double.doubleToRawLongBits(recording.temperatureCelsius()));
                rows++;
            }
        }
        System.out.printf("recorded %d rows of %d ticks seen; every row the same bits as the live reading%n", rows,
                seen.size());
        assertTrue("rows: " + rows + " of " + seen.size(), rows >= 100 && rows >= seen.size() - 2);
    }
}
