package io.cellgate.sim.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.scenario.ScenarioRun;
import io.cellgate.sim.scenario.ScenarioResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recent runs of {@code sim:run}: newest first, bounded, one per result file, found again after a restart. */
class RecentRunsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T09:15:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static ScenarioResult result(String name, Double balancedAt, double finalVolts) {
        return new ScenarioResult(name, "EK-L20S1A/default", balancedAt, 3600, 3600,
                List.of(new ScenarioResult.Sample(0, 0.1, 0.2), new ScenarioResult.Sample(3600, finalVolts, 0.01)),
                new double[] {0.1}, 0.01, 0, 0, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "{}");
    }

    @Test
    void listsTheNewestFirstWithWhatARunFound() throws IOException {
        RecentRuns runs = new RecentRuns(dir.resolve("data/index.json"), CLOCK);
        ScenarioRun first = runs.add(result("day", 1635.0, 0.004), file("day.json"), file("day.html"));
        ScenarioRun second = runs.add(result("night", null, 0.08), file("night run.json"), null);
        assertEquals(List.of(second, first), runs.recent());
        assertEquals("20261203-091500-day", first.id());
        assertEquals("20261203-091500-night_run", second.id(), "an id stands in a URL");
        assertEquals(1635.0, first.balancedAtSeconds());
        assertNull(second.balancedAtSeconds());
        assertEquals(0.08, second.finalSpreadVolts());
        assertEquals(dir.resolve("day.html").toAbsolutePath(), first.report());
        assertEquals(first, runs.find(first.id()).orElseThrow());
        assertTrue(runs.find("nothing").isEmpty());
        assertTrue(runs.find("../day.json").isEmpty());
    }

    @Test
    void anIndexThatCannotBeWrittenIsSaidOnceAndOnceMoreWhenItCanAgain() throws IOException {
        Path blocked = dir.resolve("data");
        Files.writeString(blocked, "a file where the folder should be");
        List<String> warnings = new java.util.ArrayList<>();
        RecentRuns runs = new RecentRuns(blocked.resolve("index.json"), CLOCK, warnings::add);
        runs.add(result("day", 10.0, 0.004), file("day.json"), null);
        ScenarioRun night = runs.add(result("night", 12.0, 0.003), file("night.json"), null);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("cannot write sim:run's list of recent runs to "), warnings.get(0));
        assertEquals(night, runs.recent().get(0), "the list in memory goes on");

        Files.delete(blocked);
        runs.add(result("dawn", 14.0, 0.002), file("dawn.json"), null);
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(1).startsWith("sim:run's list of recent runs is written again to "));
        assertEquals(3, new RecentRuns(blocked.resolve("index.json"), CLOCK).recent().size());
    }

    @Test
    void aRunThatWroteTheSameFileReplacesTheOlderOne() throws IOException {
        RecentRuns runs = new RecentRuns(dir.resolve("index.json"), CLOCK);
        Path json = file("day.json");
        runs.add(result("day", 10.0, 0.004), json, null);
        ScenarioRun again = runs.add(result("day", 12.0, 0.003), json, null);
        assertEquals(List.of(again), runs.recent());
        assertEquals("20261203-091500-day", again.id());
    }

    @Test
    void keepsTheLastTwenty() throws IOException {
        RecentRuns runs = new RecentRuns(dir.resolve("index.json"), CLOCK);
        for (int i = 0; i < RecentRuns.KEPT + 5; i++) {
            runs.add(result("run " + i, null, 0.01), file("run" + i + ".json"), null);
        }
        assertEquals(RecentRuns.KEPT, runs.recent().size());
        assertEquals("run 24", runs.recent().get(0).scenario());
        assertEquals("run 5", runs.recent().get(RecentRuns.KEPT - 1).scenario());
        assertEquals(RecentRuns.KEPT, new RecentRuns(dir.resolve("index.json"), CLOCK).recent().size());
    }

    @Test
    void foundAgainAfterARestartExceptRunsWhoseResultIsGone() throws IOException {
        Path index = dir.resolve("index.json");
        RecentRuns before = new RecentRuns(index, CLOCK);
        ScenarioRun kept = before.add(result("day", 1635.0, 0.004), file("day.json"), file("day.html"));
        before.add(result("gone", null, 0.05), file("gone.json"), null);
        Files.delete(dir.resolve("gone.json"));
        assertEquals(List.of(kept), new RecentRuns(index, CLOCK).recent());
    }

    @Test
    void aDamagedIndexStartsAnEmptyList() throws IOException {
        Path index = Files.writeString(dir.resolve("index.json"), "[{\"id\": \"../x\"");
        assertEquals(List.of(), new RecentRuns(index, CLOCK).recent());
        Files.writeString(index, "[{\"id\": \"../x\", \"scenario\": \"s\", \"model\": \"m\", \"finishedAt\": "
                + "\"2026-12-03T09:15:00Z\", \"finalSpreadVolts\": 0.1, \"result\": \"" + file("x.json") + "\"}]");
        assertEquals(List.of(), new RecentRuns(index, CLOCK).recent(), "an id that is not safe is refused");
    }

    @Test
    void theReportGoesBesideTheResult() {
        assertEquals(Path.of("/r/day.html"), SimCommands.reportBeside(Path.of("/r/day.json")));
        assertEquals(Path.of("/r/day.out.html"), SimCommands.reportBeside(Path.of("/r/day.out")));
    }
}
