package io.cellgate.export.file;

import io.cellgate.api.telemetry.PackView;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

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
    /** Where what the operator should read goes: the component's logger, or a test's lines. */
    private final Consumer<String> info;
    private final Consumer<String> warn;
    private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(QUEUE_ROWS);
    private final Map<String, PackFile> files = new HashMap<>();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean running = true;
    private boolean failing;
    private final AtomicLong failures = new AtomicLong();
    private boolean roundFailing;
    private volatile String problem;

    RecorderLoop(RecorderSettings settings, Consumer<String> info, Consumer<String> warn) {
        this.settings = settings;
        this.info = info;
        this.warn = warn;
    }

    /** From a tick thread: never waits. */
    void offer(PackView view) {
        if (!queue.offer(new Row(view)) && skipped.getAndIncrement() == 0) {
            warn.accept("recorder " + settings.directory() + ": the disk is behind; rows are skipped until it catches up");
        }
    }

    void stop() {
        running = false;
    }

    /** Rows that could not be written and rounds that failed, since the recorder started. */
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
                } catch (InterruptedException e) {
                    throw e;
                } catch (Throwable e) {
                    // The recorder's only thread must not end while its component shows active: say so once, go on.
                    problem = ROUND_FAILED;
                    failures.incrementAndGet();
                    try {
                        roundFailed(e);
                    } catch (Throwable whileSaying) {
                        // out of memory even for the message: counted, and the health says it
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeAll();
        }
    }

    private static final String ROUND_FAILED = "writing failed; the recorder goes on with the next rows";

    private void roundFailed(Throwable e) {
        if (!roundFailing) {
            roundFailing = true;
            warn.accept("recorder " + settings.directory() + ": writing failed ("
                    + (e.getMessage() == null ? "an internal error" : e.getMessage())
                    + "); the recorder goes on with the next rows");
        }
    }

    /** What is wrong now, or null while rows are written. */
    String problem() {
        return problem;
    }

    private void write(Row row) {
        String pack = row.view().pack().id();
        PackFile f = files.computeIfAbsent(pack, p -> new PackFile(settings, p));
        try {
            f.write(row.view());
            written.incrementAndGet();
        } catch (IOException e) {
            cannotWrite(pack, f, e);
        }
    }

    /** Said once until a write works again; the rows still buffered in {@code f} are lost with it. */
    private void cannotWrite(String pack, PackFile f, IOException e) {
        // a FileSystemException's message is "file: reason"; an AccessDeniedException's, the file alone
        problem = "cannot write " + pack + " to " + settings.directory() + ": " + (e instanceof AccessDeniedException a
                ? a.getFile() + ": Permission denied" : e.getMessage());
        failures.incrementAndGet(); // after the problem: whoever sees a failure counted reads what it was
        if (!failing) {
            failing = true;
            warn.accept("recorder: " + problem + "; rows are dropped until it works again");
        }
        f.abandon();
    }

    private void flush() {
        for (Map.Entry<String, PackFile> f : files.entrySet()) {
            try {
                // only a flush shows the rows reached the disk: a full disk takes them into the buffer all the same
                if (f.getValue().flush()) {
                    if (failing) {
                        failing = false;
                        info.accept("recorder: writing again to " + f.getValue().path());
                    }
                    problem = null;
                }
            } catch (IOException e) {
                cannotWrite(f.getKey(), f.getValue(), e); // a full disk shows here: rows wait in a buffer
            }
        }
    }

    private void closeAll() {
        for (PackFile f : files.values()) {
            closeQuietly(f);
        }
        if (skipped.get() > 0) {
            info.accept("recorder: " + skipped.get() + " rows skipped while the disk was behind");
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
