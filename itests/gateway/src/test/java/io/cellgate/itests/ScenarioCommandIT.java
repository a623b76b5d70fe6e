package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * The scenario command as a user runs it, a separate process from the repository root:
 * {@code java -jar features/gateway/target/scenario.jar SCENARIO.json [RESULT.json]}.
 */
public class ScenarioCommandIT {

    private static final Path ROOT = Path.of(System.getProperty("project.build.directory", "target"))
            .toAbsolutePath().getParent().getParent().getParent();
    private static final Path JAR = ROOT.resolve("features/gateway/target/scenario.jar");

    private record Run(int exit, String out, String err) {
    }

    private static Run scenario(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("scenario", ".out");
        Path err = Files.createTempFile("scenario", ".err");
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertTrue("finished within a minute", p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    public void everyShippedScenarioRunsAndWritesItsResult() throws Exception {
        try (var files = Files.list(ROOT.resolve("config/scenarios"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".json")).toList()) {
                Path result = Files.createTempFile("result", ".json");
                Run r = scenario(ROOT.relativize(f).toString(), result.toString());
                assertEquals(f + ": " + r.err(), 0, r.exit());
                String json = Files.readString(result);
                assertTrue(json.contains("\"balancedAtSeconds\"") && json.contains("\"indicatorTimeline\""));
                assertTrue(r.err(), r.err().contains("simulated in"));
            }
        }
    }

    @Test
    public void withoutAResultFileTheJsonGoesToStandardOutput() throws Exception {
        Run r = scenario("config/scenarios/20s-ncm-300mv.json");
        assertEquals(r.err(), 0, r.exit());
        assertTrue(r.out().trim().startsWith("{") && r.out().contains("\"balancer\": \"EK-L20S1A/datasheet\""));
    }

    @Test
    public void badInputExitsNonZeroWithTheReason() throws Exception {
        Path bad = Files.createTempFile("bad", ".json");
        Files.writeString(bad, "{\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\", \"colour\": \"red\"}, "
                + "\"balancer\": \"EK-L20S1A\"}");
        Run r = scenario(bad.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err(), r.err().contains("unknown field 'pack.colour'"));

        Files.writeString(bad, "{\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\"}, \"balancer\": \"ACME-9\"}");
        r = scenario(bad.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err(), r.err().contains("unknown model 'ACME-9'; known models: EK-L20S1A/datasheet"));

        r = scenario("no/such/file.json");
        assertEquals(1, r.exit());
        assertTrue(r.err(), r.err().contains("no such file"));

        r = scenario();
        assertEquals(2, r.exit());
        assertTrue(r.err(), r.err().startsWith("usage: java -jar scenario.jar"));
    }
}
