package io.cellgate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.scenario.ScenarioResults;
import io.cellgate.api.scenario.ScenarioRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /scenarios}: the list, a run's files by its id only, 404 with a message for anything else. */
class ScenarioPagesTest {

    @TempDir
    Path dir;

    private static ScenarioResults of(List<ScenarioRun> runs) {
        return new ScenarioResults() {
            @Override
            public List<ScenarioRun> recent() {
                return runs;
            }

            @Override
            public Optional<ScenarioRun> find(String id) {
                return runs.stream().filter(r -> r.id().equals(id)).findFirst();
            }
        };
    }

    private ScenarioResults twoRuns() throws IOException {
        Path json = Files.writeString(dir.resolve("day.json"), "{\"scenario\": \"day\"}");
        Path html = Files.writeString(dir.resolve("day.html"), "<!DOCTYPE html><title>day</title>");
        Path other = Files.writeString(dir.resolve("night.json"), "{}");
        return of(List.of(
                new ScenarioRun("20261203-091500-day", "day <b>", "EK-L20S1A/default",
                        Instant.parse("2026-12-03T09:15:00Z"), 1635.0, 0.0042, json, html),
                new ScenarioRun("20261203-091400-night", "night", "AEQ-1.2A/default",
                        Instant.parse("2026-12-03T09:14:00Z"), null, 0.08, other, null)));
    }

    @Test
    void theListHasARowPerRunWithItsLinks() throws IOException {
        ScenarioPages.Answer a = ScenarioPages.answer("/scenarios", twoRuns());
        assertEquals(200, a.status());
        assertEquals("text/html", a.contentType());
        String page = a.text();
        assertTrue(page.contains("href=\"/scenarios/20261203-091500-day/report\""), page);
        assertTrue(page.contains("href=\"/scenarios/20261203-091500-day/result\""), page);
        assertTrue(page.contains("href=\"/scenarios/20261203-091400-night/result\""), page);
        assertFalse(page.contains("20261203-091400-night/report"), "a run without a report has no link to one");
        assertTrue(page.contains("day &lt;b&gt;"), "names are escaped");
        assertTrue(page.contains("1635 s") && page.contains("4.2 mV") && page.contains("not balanced"), page);
        assertTrue(page.contains("2026-12-03 09:15:00 UTC"), page);
        assertTrue(page.indexOf("091500-day") < page.indexOf("091400-night"), "newest first");
        assertEquals(200, ScenarioPages.answer("/scenarios/", twoRuns()).status());
    }

    @Test
    void anEmptyListAndAMissingSimulatorSaySo() {
        assertTrue(ScenarioPages.answer("/scenarios", of(List.of())).text().contains("No scenario run yet"));
        assertTrue(ScenarioPages.answer("/scenarios", null).text().contains("simulator is not running"));
        assertEquals(404, ScenarioPages.answer("/scenarios/x/report", null).status());
    }

    @Test
    void aRunsFilesAreServedByItsId() throws IOException {
        ScenarioPages.Answer report = ScenarioPages.answer("/scenarios/20261203-091500-day/report", twoRuns());
        assertEquals(200, report.status());
        assertEquals("text/html", report.contentType());
        assertEquals(dir.resolve("day.html"), report.file());
        ScenarioPages.Answer result = ScenarioPages.answer("/scenarios/20261203-091500-day/result", twoRuns());
        assertEquals("application/json", result.contentType());
        assertEquals(dir.resolve("day.json"), result.file());
    }

    @Test
    void anUnknownIdIsA404ThatSaysWhereTheListIs() throws IOException {
        ScenarioPages.Answer a = ScenarioPages.answer("/scenarios/nothing/report", twoRuns());
        assertEquals(404, a.status());
        assertNull(a.file());
        assertTrue(a.text().contains("No recent scenario run 'nothing'") && a.text().contains("/scenarios"), a.text());
        assertEquals(404, ScenarioPages.answer("/scenarios/20261203-091500-day/trace", twoRuns()).status());
        assertEquals(404, ScenarioPages.answer("/scenarios/20261203-091500-day", twoRuns()).status());
    }

    @Test
    void aPathInTheAddressIsNeverOpened() throws IOException {
        for (String path : List.of("/scenarios/../day.json/result", "/scenarios/..%2Fday.json/result",
                "/scenarios/%2e%2e/report", "/scenarios/" + dir.resolve("day.json") + "/result",
                "/scenarios/day.json/result", "/scenarios/20261203-091500-day/../../etc/passwd",
                "/scenarios/20261203-091500-day/report/../../day.json")) {
            ScenarioPages.Answer a = ScenarioPages.answer(path, twoRuns());
            assertEquals(404, a.status(), path);
            assertNull(a.file(), path);
        }
    }

    @Test
    void aRunWithoutAReportOrWhoseFileIsGoneIsA404() throws IOException {
        ScenarioResults runs = twoRuns();
        ScenarioPages.Answer none = ScenarioPages.answer("/scenarios/20261203-091400-night/report", runs);
        assertEquals(404, none.status());
        assertTrue(none.text().contains("wrote no report"), none.text());
        Files.delete(dir.resolve("day.html"));
        ScenarioPages.Answer gone = ScenarioPages.answer("/scenarios/20261203-091500-day/report", runs);
        assertEquals(404, gone.status());
        assertTrue(gone.text().contains("is gone"), gone.text());
    }
}
