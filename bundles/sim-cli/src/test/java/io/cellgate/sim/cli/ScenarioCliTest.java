package io.cellgate.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.balancer.ek.EkModel;
import io.cellgate.balancer.ek.EkProfile;
import io.cellgate.sim.report.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario command's answers, and every refusal with its exit code and a message saying what to do. */
class ScenarioCliTest {

    static final String SHIPPED = "../../config/scenarios/";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(ScenarioCli.Variants variants, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new ScenarioCli(InTreeModels::all, variants, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), 0).run(args);
        Run r = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r.err());
        return r;
    }

    static Run run(String... args) {
        return run(null, args);
    }

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private Run refused(int exit, String... args) {
        Run r = run(args);
        assertEquals(exit, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        return r;
    }

    private static final String PACK4 = "\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\", \"initialVolts\": "
            + "[3.70, 3.90, 3.70, 3.72]}";

    @Test
    void helpPrintsTheUsageAndEveryExitCode() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("usage: java -jar scenario.jar"), r.out());
        assertTrue(r.out().contains("compare") && r.out().contains("sweep") && r.out().contains("--report")
                && r.out().contains("9 memory"), r.out());
    }

    @Test
    void aWrongCommandLineIsAUsageError() {
        assertTrue(refused(2).err().contains("no scenario file given"));
        assertTrue(refused(2, "--colour", "x.json").err().contains("unknown option --colour"));
        assertTrue(refused(2, "a.json", "b.json", "c.json").err().contains("too many arguments"));
        assertTrue(refused(2, "x.json", "--report").err().contains("--report needs a value"));
        assertTrue(refused(2, "compare", SHIPPED + "20s-ncm-300mv.json", "EK-L20S1A").err()
                .contains("at least two models"));
        assertTrue(refused(2, "sweep", SHIPPED + "20s-ncm-300mv.json", "--model", "EK-L20S1A").err()
                .contains("--set PROPERTY="));
        assertTrue(refused(2, "sweep", "x.json", "--set", "trigger.mv").err().contains("PROPERTY=V1,V2"));
        assertTrue(refused(2, "sweep", "x.json", "--threads", "0").err().contains("1 to 1024"));
    }

    @Test
    void aFileThatCannotBeReadIsAFileError() throws IOException {
        assertTrue(refused(3, "no/such/file.json").err().contains("no such file: no/such/file.json"));
        assertTrue(refused(3, dir.toString()).err().contains("is a folder"));
        Path binary = dir.resolve("binary.json");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertTrue(refused(3, binary.toString()).err().contains("not UTF-8"));
    }

    @Test
    void malformedJsonIsAJsonError() throws IOException {
        assertTrue(refused(4, file("broken.json", "{\"pack\": {").toString()).err().contains("not valid JSON"));
        assertTrue(refused(4, file("array.json", "[1, 2]").toString()).err().contains("a JSON object"));
    }

    @Test
    void aBadFieldIsAFieldErrorNamingTheField() throws IOException {
        assertTrue(refused(5, file("a.json", "{" + PACK4.replace("}", ", \"colour\": \"red\"}")
                + ", \"balancer\": \"EK-L20S1A\"}").toString()).err().contains("unknown field 'pack.colour'"));
        assertTrue(refused(5, file("b.json", "{" + PACK4 + ", \"balancer\": \"EK-L20S1A\", \"durationSeconds\": -5}")
                .toString()).err().contains("durationSeconds"));
        assertTrue(refused(5, file("c.json", "{" + PACK4.replace("3.90", "99") + ", \"balancer\": \"EK-L20S1A\"}")
                .toString()).err().contains("pack.initialVolts[1]=99.0 is out of range"));
        assertTrue(refused(5, file("d.json", "{\"pack\": {\"cells\": 99, \"chemistry\": \"NCM\"}, "
                + "\"balancer\": \"EK-L20S1A\"}").toString()).err().contains("pack.cells=99 is out of range"));
        assertTrue(refused(5, file("e.json", "{\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\"}}").toString()).err()
                .contains("balancer"));
    }

    @Test
    void anUnknownModelListsTheKnownOnes() throws IOException {
        Run r = refused(6, file("m.json", "{" + PACK4 + ", \"balancer\": \"ACME-9\"}").toString());
        assertTrue(r.err().contains("unknown model 'ACME-9'; known models: AEQ-1.2A/listing, EK-L20S1A/datasheet, "
                + "EK-L20S1A/lfp, EK-L20S1A/tight, PASSIVE-BLEED/foxbms, PASSIVE-BLEED/libresolar"), r.err());
    }

    @Test
    void aModelThatDoesNotFitThePackIsRefusedBeforeTheRunNamingTheOnesThatFit() {
        Run r = refused(7, SHIPPED + "40s-cascade.json", "--model", "AEQ-1.2A");
        assertTrue(r.err().contains("AEQ-1.2A/listing does not fit the scenario's pack"), r.err());
        assertTrue(r.err().contains("models that fit: EK-L20S1A/datasheet"), r.err());
    }

    @Test
    void aGarbageRecordingIsARecordingError() throws IOException {
        file("garbage.csv", "this is no recording\n1,2,3\n");
        Run r = refused(8, file("replay.json", "{\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\"}, \"balancer\": "
                + "\"EK-L20S1A\", \"replay\": \"garbage.csv\"}").toString());
        assertTrue(r.err().contains("garbage.csv"), r.err());
    }

    @Test
    void aRunThatWouldNotFitInMemoryIsRefusedUpFrontWithTheFigure() throws IOException {
        Path year = file("year.json", "{\"pack\": {\"cells\": 48, \"chemistry\": \"NCM\"}, \"balancer\": \"EK-L20S1A\", "
                + "\"durationSeconds\": 31536000, \"traceEverySeconds\": 1}");
        Run r = refused(9, year.toString());
        assertTrue(r.err().contains("would hold 31,536,002 trace samples of 48 cells (about"), r.err());
        assertTrue(r.err().contains("this JVM may use: set traceEverySeconds to"), r.err());
        ScenarioError e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioError.class,
                () -> MemoryBudget.check(ScenarioCli.read(year).scenario(), 1, 1L << 30));
        assertEquals("scenario would hold 31,536,002 trace samples of 48 cells (about 49.8 GiB) in memory, more than "
                + "half of the 1.0 GiB this JVM may use: set traceEverySeconds to 100 s or more, write the result to a file "
                + "without --report (its trace is then streamed), or give Java more memory (java -Xmx...)",
                e.getMessage());
    }

    @Test
    void aResultThatCannotBeWrittenIsAnOutputErrorBeforeTheRun() {
        Run r = refused(10, SHIPPED + "20s-ncm-300mv.json", dir.resolve("no/such/folder/result.json").toString());
        assertTrue(r.err().contains("cannot write") && r.err().contains("no folder"), r.err());
        assertTrue(refused(10, SHIPPED + "20s-ncm-300mv.json", dir.toString()).err().contains("is a folder"));
    }

    @Test
    void aRunWritesItsResultAndPrintsTheSummaryAndTheWarnings() throws IOException {
        Path result = dir.resolve("r.json");
        Run r = run(SHIPPED + "20s-ncm-300mv.json", result.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("not balanced with EK-L20S1A/datasheet"), r.err());
        assertTrue(r.err().contains("warning: the board never slept"), r.err());
        String json = Files.readString(result);
        assertTrue(json.contains("\"balancedAtSeconds\": null") && json.contains("\"boardGaps\""), json.substring(0, 400));
    }

    @Test
    void theModelsAreListedWithTheirFit() {
        Run r = run("--models", SHIPPED + "16s-lfp-top.json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("EK-L20S1A/lfp") && r.out().contains("fits"), r.out());
        assertTrue(r.out().contains("PASSIVE-BLEED/foxbms"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("EK-L20S1A/datasheet") && l.contains("low strings")),
                r.out());
    }

    @Test
    void compareRunsOneScenarioThroughSeveralModelsIntoOneTable() throws IOException {
        Path csv = dir.resolve("t.csv");
        Run r = run("compare", SHIPPED + "20s-ncm-300mv.json", "EK-L20S1A/datasheet", "EK-L20S1A/tight",
                "AEQ-1.2A", "--csv", csv.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("model") && lines.get(0).contains("balanced_at_s"), lines.get(0));
        assertTrue(lines.get(2).startsWith("EK-L20S1A/tight"), r.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(4, rows.size());
        assertEquals(String.join(",", new Table(List.of()).header()), rows.get(0));
    }

    /** Variants made by hand here (ScenarioCommandIT makes them through Configuration Admin in scenario.jar). */
    static final class HandMadeVariants implements ScenarioCli.Variants {
        @Override
        public List<ScenarioCli.Pending> create(BalancerModel base, List<Map<String, String>> values) {
            List<ScenarioCli.Pending> made = new ArrayList<>();
            EkProfile d = EkProfile.DATASHEET;
            int i = 0;
            for (Map<String, String> v : values) {
                double trigger = Double.parseDouble(v.getOrDefault("trigger.mv", "100")) / 1000;
                double stop = Double.parseDouble(v.getOrDefault("stop.mv", "30")) / 1000;
                try {
                    made.add(new ScenarioCli.Made(new EkModel(new EkProfile(trigger, stop, d.ampsPerVolt(), d.maxAmps(),
                            d.minCellVolts(), d.maxCellVolts(), d.minCelsius(), d.maxCelsius(), d.quiescentAmps(),
                            d.activeDrawAmps(), 20), "sweep-" + i++), null));
                } catch (IllegalArgumentException e) {
                    made.add(new ScenarioCli.Made(null, e.getMessage()));
                }
            }
            return made;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aSweepRunsEveryCombinationAndReportsTheRefusedOnes() throws IOException {
        Path csv = dir.resolve("sweep.csv");
        Path report = dir.resolve("sweep.html");
        Run r = run(new HandMadeVariants(), "sweep", SHIPPED + "20s-ncm-300mv.json", "--model", "EK-L20S1A",
                "--set", "trigger.mv=40,100", "--set", "stop.mv=10,30,50", "--csv", csv.toString(), "--report",
                report.toString(), "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(7, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(0).startsWith("model,trigger.mv,stop.mv,balanced_at_s"), rows.get(0));
        assertTrue(rows.get(3).startsWith("EK-L20S1A,40,50,refused: stopVolts=0.05 must be below triggerVolts=0.04"),
                rows.get(3));
        assertTrue(rows.get(1).startsWith("EK-L20S1A/sweep-0,40,10,"), rows.get(1));
        assertTrue(r.err().contains("5 runs of 20s-ncm-300mv.json") && r.err().contains("ms CPU per run"), r.err());
        assertTrue(Files.readString(report).contains("data-chart=\"sweep\""));
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("EK-L20S1A ") && l.contains(" refused ")), r.out());
        assertTrue(r.out().contains("refused: EK-L20S1A 40 50: stopVolts=0.05 must be below triggerVolts=0.04"),
                r.out());
    }
}
