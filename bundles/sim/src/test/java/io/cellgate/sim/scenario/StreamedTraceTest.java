package io.cellgate.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trace streamed to the result file: the same file as a held trace gives, in a heap that does not grow. */
class StreamedTraceTest {

    /** Too small for the held trace of {@link StreamedTraceMain} (about 23 MB of samples), plenty for the rest. */
    private static final String HEAP = "-Xmx16m";

    @TempDir
    Path dir;

    @Test
    void aStreamedResultIsTheFileAHeldOneGives() throws IOException {
        Scenario s = Scenario.read(Path.of("../../config/scenarios/bad-contact.json"));
        Path file = dir.resolve("result.json");
        ScenarioResult streamed = ScenarioRunner.run(s, Models.resolve(s), file);
        ScenarioResult held = ScenarioRunner.run(s, Models.resolve(s));
        assertEquals(held.toJson(), Files.readString(file));
        assertTrue(held.trace().size() > 100, "samples: " + held.trace().size());
        assertEquals(List.of(held.spread().get(held.spread().size() - 1)), streamed.spread());
        assertEquals(held.finalSpreadVolts(), streamed.finalSpreadVolts());
        assertEquals(1, streamed.trace().size());
        assertEquals(List.of(file), files(), "the temporary trace is gone");
    }

    @Test
    void aStreamedRunMayKeepAnEvenlySpacedPartOfItsTraceToDrawFrom() throws IOException {
        Scenario s = Scenario.read(Path.of("../../config/scenarios/bad-contact.json"));
        Path file = dir.resolve("result.json");
        ScenarioResult thinned = ScenarioRunner.run(s, Models.resolve(s), file, 50);
        ScenarioResult held = ScenarioRunner.run(s, Models.resolve(s));
        assertEquals(held.toJson(), Files.readString(file), "the result file is the whole result");
        assertTrue(thinned.trace().size() <= 51 && thinned.trace().size() >= 25, "kept: " + thinned.trace().size());
        assertEquals(thinned.trace().size(), thinned.spread().size());
        assertEquals(held.trace().get(0).atSeconds(), thinned.trace().get(0).atSeconds());
        assertEquals(held.spread().get(held.spread().size() - 1), thinned.spread().get(thinned.spread().size() - 1),
                "the last sample is kept");
        assertEquals(held.finalSpreadVolts(), thinned.finalSpreadVolts());
        assertEquals(List.of(file), files(), "the temporary trace is gone");
        assertThrows(IllegalArgumentException.class, () -> ScenarioRunner.run(s, Models.resolve(s), file, 0));
    }

    @Test
    void aRunWithoutAResultFileKeepsTheLastSampleOnly() throws IOException {
        Scenario s = Scenario.read(Path.of("../../config/scenarios/bad-contact.json"));
        ScenarioResult r = ScenarioRunner.run(s, Models.resolve(s), null);
        assertEquals(1, r.spread().size());
        assertEquals(ScenarioRunner.run(s, Models.resolve(s)).finalSpreadVolts(), r.finalSpreadVolts());
    }

    @Test
    void aStoppedRunLeavesNoTemporaryTrace() throws Exception {
        Scenario s = StreamedTraceMain.scenario();
        Path file = dir.resolve("stopped.json");
        Thread.currentThread().interrupt(); // the runner looks at its first step
        try {
            assertThrows(CancellationException.class, () -> ScenarioRunner.run(s, Models.resolve(s), file));
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(), files());
    }

    @Test
    void aLongRunTracedEverySecondStreamsEverySampleInASmallHeapWhereHoldingItFails() throws Exception {
        Path streamed = dir.resolve("streamed.json");
        assertEquals(0, runApart("streamed", streamed), "the streamed run ends well in " + HEAP);
        assertEquals(StreamedTraceMain.SECONDS + 1, traceTimes(streamed), "a sample every second, 0 to the end");

        Path held = dir.resolve("held.json");
        assertNotEquals(0, runApart("held", held), "the same run holding its trace does not fit " + HEAP);
    }

    /** Counts the trace's samples, checking that they are 0, 1, 2, … s; reads the file one value at a time. */
    private static long traceTimes(Path file) throws IOException {
        long n = 0;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader in = new JsonReader(r)) {
            in.setLenient(true);
            in.beginObject();
            while (in.hasNext()) {
                if (!in.nextName().equals("trace")) {
                    in.skipValue();
                    continue;
                }
                in.beginArray();
                while (in.hasNext()) {
                    in.beginObject();
                    assertEquals("atSeconds", in.nextName());
                    assertEquals(n, in.nextDouble(), 1e-9);
                    assertEquals("volts", in.nextName());
                    in.beginArray();
                    int cells = 0;
                    while (in.hasNext()) {
                        in.nextDouble();
                        cells++;
                    }
                    assertEquals(StreamedTraceMain.CELLS, cells);
                    in.endArray();
                    while (in.hasNext()) { // the open-circuit voltages and states of charge
                        in.nextName();
                        in.skipValue();
                    }
                    in.endObject();
                    n++;
                }
                in.endArray();
            }
        }
        return n;
    }

    private static int runApart(String mode, Path result) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", System.getProperty("java.class.path"), StreamedTraceMain.class.getName(), mode,
                result.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
