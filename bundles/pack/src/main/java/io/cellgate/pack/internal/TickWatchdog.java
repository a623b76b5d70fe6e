package io.cellgate.pack.internal;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches the packs' ticks from outside the tick clock: a pack whose last tick completed longer ago than its
 * deadline is stalled (a read, a plugin or an output that blocks, or no tick thread free), and its stall action runs
 * once, on a thread of its own, so one pack's action that blocks in turn never delays another pack's. Framework-free:
 * {@link TickWatchdogComponent} calls {@link #check} from its thread.
 */
final class TickWatchdog {

    /** What the watchdog asks of a pack. */
    interface Watched {
        /** How long ago its last tick completed (or its watch began, before the first), on the pack's clock. */
        long nanosSinceProgress();

        /** Ticks completed so far: a stall notice names the tick it saw last, so a late notice is dropped. */
        long completedTicks();

        /** Turns the outputs off and publishes the stall; called once per stall, not on the watchdog's thread. */
        void stalled(long seenTicks, long stalledNanos);
    }

    /** One pack's watch; closing it ends the watch. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private final Executor actions;
    private final Set<Entry> entries = new CopyOnWriteArraySet<>();

    /** @param actions runs the stall actions; each must get a thread of its own (a cached pool) */
    TickWatchdog(Executor actions) {
        this.actions = actions;
    }

    Watch watch(Watched pack, long deadlineNanos) {
        Entry e = new Entry(pack, deadlineNanos);
        entries.add(e);
        return () -> entries.remove(e);
    }

    /** Looks at every pack once; runs the action of each that has just stalled. */
    void check() {
        for (Entry e : entries) {
            long seen = e.pack.completedTicks();
            long since = e.pack.nanosSinceProgress();
            if (since <= e.deadlineNanos) {
                e.reported = -1; // ticking: the next stall is a new one
                continue;
            }
            if (e.reported == seen || !e.acting.compareAndSet(false, true)) {
                continue; // this stall is reported, or its action is still running
            }
            e.reported = seen;
            actions.execute(() -> {
                try {
                    e.pack.stalled(seen, since);
                } finally {
                    e.acting.set(false);
                }
            });
        }
    }

    int watched() {
        return entries.size();
    }

    private static final class Entry {
        final Watched pack;
        final long deadlineNanos;
        final AtomicBoolean acting = new AtomicBoolean();
        /** The completed-tick count a stall was reported at; -1 while ticking. Written by the check thread only. */
        long reported = -1;

        Entry(Watched pack, long deadlineNanos) {
            this.pack = pack;
            this.deadlineNanos = deadlineNanos;
        }
    }
}
