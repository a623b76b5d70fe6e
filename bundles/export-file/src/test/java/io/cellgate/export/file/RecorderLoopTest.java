package io.cellgate.export.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderLoopTest {

    @TempDir
    Path dir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final RecorderLog sink = new RecorderLog() {
        @Override
        public void info(String m) {
            log.add("INFO " + m);
        }

        @Override
        public void warn(String m) {
            log.add("WARN " + m);
        }
    };

    @Test
    void writesOnItsOwnThreadAndFlushesAndClosesEverythingOnStop() throws Exception {
        RecorderLoop loop = new RecorderLoop(new RecorderSettings(dir, 0, RecorderSettings.Rotation.DAILY,
                Long.MAX_VALUE, 0), sink);
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
        RecorderLog failingOnce = new RecorderLog() { // as a log that runs out of memory once would
            @Override
            public void info(String m) {
                sink.info(m);
            }

            @Override
            public void warn(String m) {
                if (thrown.compareAndSet(false, true)) {
                    throw new OutOfMemoryError("Java heap space");
                }
                sink.warn(m);
            }
        };
        RecorderLoop loop = new RecorderLoop(new RecorderSettings(notADir.resolve("sub"), 0,
                RecorderSettings.Rotation.DAILY, Long.MAX_VALUE, 0), failingOnce);
        Thread t = new Thread(loop);
        t.start();
        loop.offer(TestPacks.snapshot("a", 3, 1, 0));
        long until = System.nanoTime() + 5_000_000_000L;
        while (loop.failures() == 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(1, loop.failures());
        Thread.sleep(300);
        assertTrue(t.isAlive(), "the recorder's thread goes on");
        loop.stop();
        t.join(5000);
        assertTrue(log.contains("WARN recorder " + notADir.resolve("sub") + ": writing failed (Java heap space); the "
                + "recorder goes on with the next rows"), log.toString());
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsReportedOnce() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        RecorderLoop loop = new RecorderLoop(new RecorderSettings(notADir.resolve("sub"), 0,
                RecorderSettings.Rotation.DAILY, Long.MAX_VALUE, 0), sink);
        Thread t = new Thread(loop);
        t.start();
        for (int i = 1; i <= 50; i++) {
            loop.offer(TestPacks.snapshot("a", 3, i, 0));
        }
        loop.stop();
        t.join(5000);
        assertEquals(0, loop.written());
        assertEquals(1, log.stream().filter(l -> l.startsWith("WARN recorder: cannot write a to")).count(),
                log.toString());
    }

    @Test
    void theTickNeverWaitsForTheDisk() throws IOException {
        RecorderLoop loop = new RecorderLoop(new RecorderSettings(dir, 0, RecorderSettings.Rotation.DAILY,
                Long.MAX_VALUE, 0), sink); // no thread: nothing drains the queue
        for (int i = 0; i < RecorderLoop.QUEUE_ROWS + 10; i++) {
            loop.offer(TestPacks.snapshot("a", 3, i, 0));
        }
        assertEquals(10, loop.skipped());
        assertEquals(1, log.stream().filter(l -> l.startsWith("WARN")).count());
    }
}
