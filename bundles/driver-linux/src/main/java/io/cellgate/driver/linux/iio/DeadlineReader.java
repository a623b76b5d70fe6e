package io.cellgate.driver.linux.iio;

import io.cellgate.driver.linux.sysfs.Sysfs;
import java.io.IOException;

/**
 * Reads a source's channels on a thread of its own, so that a read blocked in the kernel (a hung I2C transfer; a
 * FIFO in a test tree) never holds the tick: the tick waits for the reader at most the deadline, and a channel not
 * read by then has no fresh value. A reader blocked in one channel for most of a deadline is left there and
 * replaced by a fresh one that skips that channel until the blocked read returns, so the other channels go on being
 * read; at most {@link #MAX_STUCK} readers are left so, after which nothing is read until one returns.
 */
final class DeadlineReader implements AutoCloseable {

    static final int MAX_STUCK = 4;

    private final IioChannel[] channels;
    private final String threadName;
    private final long deadlineNanos;
    private final Object lock = new Object();
    // Everything below is guarded by lock.
    private final double[] volts;
    private final IOException[] failures;
    /** The request each channel's result belongs to. */
    private final long[] readFor;
    /** The reader blocked in a channel past a deadline, or null. */
    private final Thread[] stuckOn;
    private long requested;
    /** The last request the current reader went through. */
    private long finished;
    /** The current reader; null when closed or when too many are stuck. */
    private Thread reader;
    private int busyChannel = -1;
    private long busySince;
    private int stuck;
    private int started;
    private boolean closed;

    DeadlineReader(IioChannel[] channels, String threadName, long deadlineNanos) {
        this.channels = channels;
        this.threadName = threadName;
        this.deadlineNanos = deadlineNanos;
        volts = new double[channels.length];
        failures = new IOException[channels.length];
        readFor = new long[channels.length];
        stuckOn = new Thread[channels.length];
        synchronized (lock) {
            reader = startReader();
        }
    }

    /**
     * Reads every channel, waiting at most the deadline, and fills the arrays: {@code late[k]} when channel k was not
     * read in time, else {@code volts[k]} or, when the read failed, {@code failures[k]}.
     */
    void readAll(double[] intoVolts, IOException[] intoFailures, boolean[] late) {
        synchronized (lock) {
            long request = ++requested;
            lock.notifyAll();
            long deadline = System.nanoTime() + deadlineNanos;
            boolean interrupted = false;
            long left;
            while (finished != request && reader != null && (left = deadline - System.nanoTime()) > 0) {
                try {
                    lock.wait(left / 1_000_000, (int) (left % 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true; // the caller's business: answer with what there is, and say so
                    break;
                }
            }
            if (finished != request && reader != null && busyChannel >= 0
                    && System.nanoTime() - busySince >= deadlineNanos / 2) {
                // Blocked in one channel for most of the deadline (a slow ADC takes a fraction of it per channel):
                // leave the reader there, read the rest on a fresh thread.
                stuckOn[busyChannel] = reader;
                stuck++;
                busyChannel = -1;
                reader = stuck < MAX_STUCK ? startReader() : null;
            }
            for (int k = 0; k < channels.length; k++) {
                late[k] = readFor[k] != request;
                intoVolts[k] = late[k] ? Double.NaN : volts[k];
                intoFailures[k] = late[k] ? null : failures[k];
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The current reader thread, null when closed; for tests. */
    Thread reader() {
        synchronized (lock) {
            return reader;
        }
    }

    /** Stops the reader; one blocked in a channel ends when its read returns. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            reader = null;
            lock.notifyAll();
        }
    }

    private Thread startReader() {
        Sysfs sysfs = new Sysfs(); // its buffers are the reader thread's own
        Thread t = new Thread(() -> run(sysfs), threadName + (started == 0 ? "" : "-" + started));
        t.setDaemon(true); // a reader blocked in the kernel must not keep the JVM from exiting
        started++;
        t.start();
        return t;
    }

    private void run(Sysfs sysfs) {
        Thread me = Thread.currentThread();
        long done = 0;
        while (true) {
            long request;
            synchronized (lock) {
                while (reader == me && requested == done) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (reader != me) {
                    return;
                }
                request = requested;
            }
            for (int k = 0; k < channels.length; k++) {
                synchronized (lock) {
                    if (reader != me) {
                        return;
                    }
                    if (stuckOn[k] != null) {
                        continue;
                    }
                    busyChannel = k;
                    busySince = System.nanoTime();
                }
                double v = Double.NaN;
                IOException failure = null;
                try {
                    v = channels[k].readVolts(sysfs);
                } catch (IOException e) {
                    failure = e;
                }
                synchronized (lock) {
                    if (reader != me) {
                        if (stuckOn[k] == me) { // left here by a tick: the channel is free again
                            stuckOn[k] = null;
                            stuck--;
                            if (reader == null && !closed) {
                                reader = startReader();
                            }
                        }
                        return;
                    }
                    busyChannel = -1;
                    volts[k] = v;
                    failures[k] = failure;
                    readFor[k] = request;
                }
            }
            synchronized (lock) {
                finished = request;
                done = request;
                lock.notifyAll();
            }
        }
    }
}
