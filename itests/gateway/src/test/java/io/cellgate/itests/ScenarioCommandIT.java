package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

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
                assertTrue(json.contains("\"balancedAtSeconds\"") && json.contains("\"indicatorTimeline\"")
                        && json.contains("\"boardGaps\""));
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
    public void badInputIsRefusedWithTheReasonAndItsOwnExitCode() throws Exception {
        Path bad = Files.createTempFile("bad", ".json");
        Files.writeString(bad, "{\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\", \"colour\": \"red\"}, "
                + "\"balancer\": \"EK-L20S1A\"}");
        Run r = scenario(bad.toString());
        assertEquals(5, r.exit());
        assertTrue(r.err(), r.err().contains("unknown field 'pack.colour'"));

        Files.writeString(bad, "{\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\"}, \"balancer\": \"ACME-9\"}");
        r = scenario(bad.toString());
        assertEquals(6, r.exit());
        assertTrue(r.err(), r.err().contains("unknown model 'ACME-9'; known models: AEQ-1.2A/listing, "
                + "EK-L20S1A/datasheet, EK-L20S1A/lfp, EK-L20S1A/tight, PASSIVE-BLEED/foxbms, PASSIVE-BLEED/libresolar"));

        r = scenario("config/scenarios/40s-cascade.json", "--model", "AEQ-1.2A");
        assertEquals(7, r.exit());
        assertTrue(r.err(), r.err().contains("AEQ-1.2A/listing does not fit the scenario's pack"));

        r = scenario("no/such/file.json");
        assertEquals(3, r.exit());
        assertTrue(r.err(), r.err().contains("no such file"));

        r = scenario();
        assertEquals(2, r.exit());
        assertTrue(r.err(), r.err().startsWith("error: no scenario file given"));
        assertTrue(r.err(), !r.err().contains("Exception"));
    }

    @Test
    public void helpAndTheModelListNameEveryRegisteredModel() throws Exception {
        Run r = scenario("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out(), r.out().startsWith("usage: java -jar scenario.jar"));
        r = scenario("--models");
        assertEquals(r.err(), 0, r.exit());
        for (String m : List.of("AEQ-1.2A/listing", "EK-L20S1A/datasheet", "EK-L20S1A/tight", "EK-L20S1A/lfp",
                "PASSIVE-BLEED/foxbms", "PASSIVE-BLEED/libresolar")) {
            assertTrue(m + " in " + r.out(), r.out().contains(m));
        }
    }

    @Test
    public void aPluginFolderThatHoldsNoBundleIsRefusedWithExitCode11() throws Exception {
        Path dir = Files.createTempDirectory("plugins");
        Run r = scenario("--plugins", dir.toString(), "--models");
        assertEquals(11, r.exit());
        assertTrue(r.err(), r.err().contains("no .jar in it"));
        Files.write(dir.resolve("broken.jar"), new byte[] {1, 2, 3, 4});
        r = scenario("--plugins", dir.toString(), "--models");
        assertEquals(11, r.exit());
        assertTrue(r.err(), r.err().contains("plugin broken.jar: cannot install it"));
    }

    @Test
    public void aSweepMakesItsVariantsThroughConfigurationAdminAndReportsTheRefusedOnes() throws Exception {
        Path csv = Files.createTempFile("sweep", ".csv");
        Run r = scenario("sweep", "config/scenarios/20s-ncm-300mv.json", "--model", "EK-L20S1A,PASSIVE-BLEED/foxbms",
                "--set", "trigger.mv=40,100", "--set", "stop.mv=10,50", "--csv", csv.toString());
        assertEquals(r.err(), 0, r.exit());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(String.join("\n", rows), 9, rows.size());
        assertTrue(rows.get(1), rows.get(1).startsWith("EK-L20S1A/sweep1-0,40,10,"));
        assertTrue(rows.get(2), rows.get(2).startsWith("EK-L20S1A,40,50,\"refused: EK-L20S1A variant sweep1-1: "
                + "configuration refused: stop.mv=50 is out of range"));
        assertTrue(rows.get(5), rows.get(5).startsWith("PASSIVE-BLEED/sweep2-0,40,10,"));
        assertTrue(r.err(), r.err().contains("6 runs of 20s-ncm-300mv.json"));
    }

    @Test
    public void compareWritesOneReportOfEveryModel() throws Exception {
        Path report = Files.createTempFile("compare", ".html");
        Run r = scenario("compare", "config/scenarios/20s-ncm-300mv.json", "EK-L20S1A/datasheet", "EK-L20S1A/tight",
                "--report", report.toString());
        assertEquals(r.err(), 0, r.exit());
        String html = Files.readString(report);
        assertTrue(html.contains("data-chart=\"overlay-adjacent\"") && html.contains("EK-L20S1A/tight"));
    }

    @Test
    public void aVendorPluginFromAFolderRunsAScenario() throws Exception {
        String path = System.getProperty("generated.board.jar", "");
        assumeTrue("no generated board plugin at '" + path + "': bundles/archetype builds it (mvn verify from the "
                + "repository root)", new File(path).isFile());
        Path dir = Files.createTempDirectory("plugins");
        Files.copy(Path.of(path), dir.resolve("example-board.jar"));
        Path four = Files.createTempFile("four", ".json");
        Files.writeString(four, "{\"pack\": {\"cells\": 4, \"chemistry\": \"LFP\", \"socPercent\": 30}, "
                + "\"balancer\": \"EXAMPLE-4S\", \"durationSeconds\": 600}");
        Run r = scenario("--plugins", dir.toString(), four.toString(), Files.createTempFile("r", ".json").toString());
        assertEquals(r.err(), 0, r.exit());
        assertTrue(r.err(), r.err().contains("plugin: ") && r.err().contains("with EXAMPLE-4S/datasheet"));
    }
}
