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
    void anErrorInARoundIsLoggedAndTheThreadGoesOn() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        java.util.concurrent.atomic.AtomicBoolean thrown = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.function.Consumer<String> failingOnce = m -> { // as a log that runs out of memory once would
            if (thrown.compareAndSet(false, true)) {
                throw new OutOfMemoryError("Java heap space");
            }
            log.warn(m);
        };
        RecorderLoop loop = new RecorderLoop(new RecorderSettings(notADir.resolve("sub"), 0,
                RecorderSettings.Rotation.DAILY, Long.MAX_VALUE, 0), log::info, failingOnce);
        Thread t = new Thread(loop);
        t.start();
        loop.offer(TestPacks.snapshot("a", 3, 1, 0));
        long until = System.nanoTime() + 5_000_000_000L;
        while (loop.failures() < 2 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(2, loop.failures(), "the row that could not be written, and the round that failed with it");
        Thread.sleep(300);
        assertTrue(t.isAlive(), "the recorder's thread goes on");
        loop.stop();
        t.join(5000);
        assertTrue(log.lines().contains("WARN recorder " + notADir.resolve("sub") + ": writing failed (Java heap "
                + "space); the recorder goes on with the next rows"), log.toString());
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
    void aDirectoryThatCannotBeWrittenShowsInTheHealthUntilItCanAndThenRowsAreWrittenAgain() throws Exception {
        Path blocked = dir.resolve("recordings");
        Files.writeString(blocked, "a file where the folder should be");
        RecorderLoop loop = new RecorderLoop(new RecorderSettings(blocked, 0, RecorderSettings.Rotation.DAILY,
                Long.MAX_VALUE, 0), log::info, log::warn);
        Thread t = new Thread(loop);
        t.start();
        loop.offer(TestPacks.snapshot("a", 3, 1, 0));
        await(() -> loop.failures() > 0);
        assertTrue(loop.problem().startsWith("cannot write a to " + blocked + ": "), loop.problem());

        Files.delete(blocked);
        loop.offer(TestPacks.snapshot("a", 3, 2, 0));
        // the row is counted when written and the problem cleared once a flush reached the disk, just after
        await(() -> loop.problem() == null);
        assertEquals(1, loop.written());
        assertEquals(1, log.count("INFO recorder: writing again to"), log.toString());
        loop.stop();
        t.join(5000);
    }

    private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + 5_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(done.getAsBoolean(), "in time");
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
