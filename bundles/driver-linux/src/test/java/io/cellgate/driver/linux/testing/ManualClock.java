package io.cellgate.driver.linux.testing;

import io.cellgate.api.time.TickClock;
import java.util.ArrayList;
import java.util.List;

/** A clock whose scheduled tasks run only when the test says so. */
public final class ManualClock implements TickClock {

    public record Task(Runnable run, long periodNanos, boolean[] cancelled) {
    }

    private final List<Task> tasks = new ArrayList<>();

    @Override
    public long nanoTime() {
        return 0;
    }

    @Override
    public Cancellable schedule(Runnable tick, long periodNanos) {
        Task t = new Task(tick, periodNanos, new boolean[1]);
        tasks.add(t);
        return () -> t.cancelled()[0] = true;
    }

    public List<Task> tasks() {
        return tasks;
    }

    /** Runs every task not cancelled once. */
    public void step() {
        for (Task t : tasks) {
            if (!t.cancelled()[0]) {
                t.run().run();
            }
        }
    }
}
