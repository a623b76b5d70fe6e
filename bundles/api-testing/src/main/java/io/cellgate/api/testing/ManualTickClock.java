package io.cellgate.api.testing;

import io.cellgate.api.time.TickClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link TickClock} the test drives by hand: its time moves only by {@link #advance(long)}, and the tasks scheduled
 * on it run only at {@link #step()}, so that a component that keeps time or blinks is tested without waiting.
 *
 * @since 3.2
 */
public final class ManualTickClock implements TickClock {

    /** A task as it was scheduled, and whether it has been cancelled since. */
    public record Task(Runnable run, long periodNanos, AtomicBoolean cancelledFlag) {
        public boolean cancelled() {
            return cancelledFlag.get();
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private long nanos;

    @Override
    public long nanoTime() {
        return nanos;
    }

    /** Moves the time on by {@code nanos}; no task runs. */
    public void advance(long nanos) {
        this.nanos += nanos;
    }

    @Override
    public Cancellable schedule(Runnable tick, long periodNanos) {
        Task t = new Task(tick, periodNanos, new AtomicBoolean());
        tasks.add(t);
        return () -> t.cancelledFlag().set(true);
    }

    /** Every task ever scheduled, cancelled ones included, oldest first. */
    public List<Task> tasks() {
        return tasks;
    }

    /** Runs every task not cancelled once. */
    public void step() {
        for (Task t : tasks) {
            if (!t.cancelled()) {
                t.run().run();
            }
        }
    }
}
