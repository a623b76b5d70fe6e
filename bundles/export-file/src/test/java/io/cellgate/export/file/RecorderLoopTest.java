package io.cellgate.export.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.testing.LogLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderLoopTest {

    @TempDir
    Path dir;

    private final LogLines log = new LogLines();

    @Test
    void writesOnItsOwnThreadAndFlushesAndClosesEverythingOnStop() throws Exception {
        RecorderLoop loop = new RecorderLoop(new RecorderSettings(dir, 0, RecorderSettings.Rotation.DAILY,
                Long.MAX_VALUE, 0), log::info, log::warn);
        Thread t = new Thread(loop);
        t.start();
        for (int i = 1; i <= 500; i++) {
            loop.offer(TestPacks.snapshot("a", 3, i, 1_795_651_000_000L + i));
            loop.offer(TestPacks.snapshot("b", 4, i, 1_795_651_000_000L + i));
        }
        loop.stop();
        t.join(5000);
        assertFalse(t.isAlive(), "the writer ends");
        assertEquals(1000, loop.written());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                List<String> lines = Files.readAllLines(p);
                assertEquals(502, lines.size(), p + ": the two header lines and every row, flushed");
                assertTrue(lines.get(501).contains(",500,"));
            }
        }
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsReportedOnce() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        RecorderLoop loop = new RecorderLoop(new RecorderSettings(notADir.resolve("sub"), 0,
                RecorderSettings.Rotation.DAILY, Long.MAX_VALUE, 0), log::info, log::warn);
        Thread t = new Thread(loop);
        t.start();
        for (int i = 1; i <= 50; i++) {
            loop.offer(TestPacks.snapshot("a", 3, i, 0));
        }
        loop.stop();
        t.join(5000);
        assertEquals(0, loop.written());
        assertEquals(1, log.count("WARN recorder: cannot write a to"),
                log.toString());
    }

    @Test
    void theTickNeverWaitsForTheDisk() throws IOException {
        RecorderLoop loop = new RecorderLoop(new RecorderSettings(dir, 0, RecorderSettings.Rotation.DAILY,
                Long.MAX_VALUE, 0), log::info, log::warn); // no thread: nothing drains the queue
        for (int i = 0; i < RecorderLoop.QUEUE_ROWS + 10; i++) {
            loop.offer(TestPacks.snapshot("a", 3, i, 0));
        }
        assertEquals(10, loop.skipped());
        assertEquals(1, log.count("WARN"));
    }
}
