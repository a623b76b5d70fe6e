package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.runtime.Pack;
import io.cellgate.sim.scenario.ReplayResult;
import io.cellgate.sim.scenario.ReplayRunner;
import io.cellgate.sim.scenario.Scenario;
import io.cellgate.sim.scenario.ScenarioResult;
import io.cellgate.sim.scenario.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The CSV recorder records a simulated pack tick by tick; the scenario runner replays the recording through the
 * same balancer model and reaches the very decisions the pack made.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RecorderIT extends TelemetrySupport {

    static final String EK = "(&(cellgate.model=EK-L20S1A)(cellgate.variant=datasheet))";

    @Configuration
    public Option[] config() {
        return GatewayOptions.gateway();
    }

    @Before
    public void setUp() throws Exception {
        captureLog();
    }

    @After
    public void tearDown() throws Exception {
        cleanUp();
    }

    static String header(int cells) {
        StringBuilder b = new StringBuilder("time,tick");
        for (int c = 1; c <= cells; c++) {
            b.append(",cell").append(c).append("_volts,cell").append(c).append("_status");
        }
        for (int k = 1; k < cells; k++) {
            b.append(",pair").append(k).append("_amps");
        }
        return b.append(",board_state,health,temperature_celsius").toString();
    }

    @Test
    public void aRecordedRunReplaysToTheDecisionsThePackMade() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("project.build.directory", "target"),
                "recordings-it", String.valueOf(System.nanoTime())));
        org.osgi.service.cm.Configuration recorder = factory("io.cellgate.export.file", "it-rec",
                Map.of("directory", dir.toString(), "interval.ms", 0L, "rotation", "daily"));
        await("the recorder to listen", () -> registered("io.cellgate.api.telemetry.PackListener",
                "(service.factoryPid=io.cellgate.export.file)"));

        org.osgi.service.cm.Configuration[] run = simulatedPack("itr1", 8, "NCM", EK, 20,
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

        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("itr1-\\d{8}T\\d{6}Z\\.csv"))
                    .collect(Collectors.toList());
        }
        assertEquals(files.toString(), 1, files.size());
        List<String> lines = Files.readAllLines(files.get(0));
        assertEquals(header(8), lines.get(0));
        // a row per tick, in order; the runtime may run a pack's first tick before its listeners are bound
        List<Long> recorded = lines.subList(1, lines.size()).stream().map(l -> Long.parseLong(l.split(",")[1]))
                .collect(Collectors.toList());
        assertEquals(ticks, (long) recorded.get(recorded.size() - 1));
        assertTrue("from tick " + recorded.get(0), recorded.get(0) <= 2);
        for (int i = 1; i < recorded.size(); i++) {
            assertEquals(recorded.get(i - 1) + 1, (long) recorded.get(i));
        }
        assertTrue(lines.get(lines.size() - 1).split(",", -1).length == header(8).split(",").length);

        Path scenario = dir.resolve("replay.json");
        Files.writeString(scenario, "{\"name\": \"itr1 replayed\", \"replay\": \"" + files.get(0).getFileName()
                + "\", \"pack\": {\"cells\": 8, \"chemistry\": \"NCM\"}, \"balancer\": \"EK-L20S1A/datasheet\"}");
        Scenario s = Scenario.read(scenario);
        BalancerModel ek = service(BalancerModel.class, EK);
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
}
