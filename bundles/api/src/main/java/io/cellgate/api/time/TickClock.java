package io.cellgate.api.time;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The source of time and ticks for pack controllers. The gateway's default runs on the system's monotonic clock;
 * another implementation can pace ticks in simulated time.
 */
@ConsumerType
public interface TickClock {

    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /**
     * Runs {@code tick} every {@code periodNanos}, at a fixed rate: a late tick is run late, never skipped. Ticks of
     * one task never overlap.
     *
     * @return a handle whose {@link AutoCloseable#close()} cancels the task
     */
    Cancellable schedule(Runnable tick, long periodNanos);

    /** How many tasks are scheduled now, or -1 when the clock cannot tell; a leak shows here first. */
    default int scheduledTasks() {
        return -1;
    }

    /** A scheduled task, cancelled by {@link #close()}. */
    interface Cancellable extends AutoCloseable {
        @Override
        void close();
    }
}
