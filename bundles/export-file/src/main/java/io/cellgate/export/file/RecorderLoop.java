package io.cellgate.export.file;

import io.cellgate.api.telemetry.PackView;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recorder's own thread: writes the rows the ticks hand over, flushes after each batch, and on stop writes
 * what is still queued, flushes and closes every file. A failing disk is logged once per failure, not per row.
 */
final class RecorderLoop implements Runnable {

    /** Rows waiting for the disk; beyond this the tick does not wait, the row is skipped and counted. */
    static final int QUEUE_ROWS = 4096;
    static final long POLL_MILLIS = 200;

    private record Row(PackView view) {
    }

    private final RecorderSettings settings;
    private final RecorderLog log;
    private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(QUEUE_ROWS);
    private final Map<String, PackFile> files = new HashMap<>();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean running = true;
    private boolean failing;
    private final AtomicLong failures = new AtomicLong();
    private boolean roundFailing;

    RecorderLoop(RecorderSettings settings, RecorderLog log) {
        this.settings = settings;
        this.log = log;
    }

    /** From a tick thread: never waits. */
    void offer(PackView view) {
        if (!queue.offer(new Row(view)) && skipped.getAndIncrement() == 0) {
            log.warn("recorder " + settings.directory() + ": the disk is behind; rows are skipped until it catches up");
        }
    }

    void stop() {
        running = false;
    }

    /** Rounds that failed since the recorder started. */
    long failures() {
        return failures.get();
    }

    @Override
    public void run() {
        try {
            while (running || !queue.isEmpty()) {
                try {
                    Row row = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    for (; row != null; row = queue.poll()) {
                        write(row);
                    }
                    flush();
                    roundFailing = false;
                } catch (RuntimeException | Error e) {
                    // The recorder's only thread must not end while its component shows active: say so once, go on.
                    failures.incrementAndGet();
                    if (!roundFailing) {
                        roundFailing = true;
                        log.warn("recorder " + settings.directory() + ": writing failed ("
                                + (e.getMessage() == null ? "an internal error" : e.getMessage())
                                + "); the recorder goes on with the next rows");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeAll();
        }
    }

    private void write(Row row) {
        String pack = row.view().pack().id();
        PackFile f = files.computeIfAbsent(pack, p -> new PackFile(settings, p));
        try {
            f.write(row.view());
            written.incrementAndGet();
            if (failing) {
                failing = false;
                log.info("recorder: writing again to " + f.path());
            }
        } catch (IOException e) {
            if (!failing) {
                failing = true;
                log.warn("recorder: cannot write " + pack + " to " + settings.directory() + ": " + e
                        + "; rows are dropped until it works again");
            }
            closeQuietly(f); // the next row opens a fresh file
        }
    }

    private void flush() {
        for (PackFile f : files.values()) {
            try {
                f.flush();
            } catch (IOException e) {
                closeQuietly(f);
            }
        }
    }

    private void closeAll() {
        for (PackFile f : files.values()) {
            closeQuietly(f);
        }
        if (skipped.get() > 0) {
            log.info("recorder: " + skipped.get() + " rows skipped while the disk was behind");
        }
    }

    private static void closeQuietly(PackFile f) {
        try {
            f.close();
        } catch (IOException e) {
            // nothing more to save
        }
    }

    long written() {
        return written.get();
    }

    long skipped() {
        return skipped.get();
    }
}
