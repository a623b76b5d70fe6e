package io.cellgate.pack.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickWatchdogTest {

    private static final long DEADLINE = 1_000_000_000L;

    /** A pack as the watchdog sees it: how long since its last tick, how many ticks, which stalls it was told of. */
    private static final class Pack implements TickWatchdog.Watched {
        long since;
        long ticks;
        final List<String> told = new ArrayList<>();

        @Override
        public long nanosSinceProgress() {
            return since;
        }

        @Override
        public long completedTicks() {
            return ticks;
        }

        @Override
        public void stalled(long seenTicks, long stalledNanos) {
            told.add(seenTicks + "@" + stalledNanos / 1_000_000 + "ms");
        }
    }

    private final List<Runnable> pending = new ArrayList<>();
    private final TickWatchdog watchdog = new TickWatchdog(pending::add);

    private void checkAndRunActions() {
        watchdog.check();
        pending.forEach(Runnable::run);
        pending.clear();
    }

    @Test
    void aPackPastItsDeadlineIsToldOncePerStallAndAgainAfterItTickedAndStalledAnew() {
        Pack pack = new Pack();
        watchdog.watch(pack, DEADLINE);
        pack.since = DEADLINE; // at the deadline: not yet
        checkAndRunActions();
        assertEquals(List.of(), pack.told);

        pack.ticks = 7;
        pack.since = DEADLINE + 20_000_000;
        checkAndRunActions();
        pack.since += 20_000_000;
        checkAndRunActions();
        assertEquals(List.of("7@1020ms"), pack.told, "one stall, one action, however long it lasts");

        pack.ticks = 8; // the tick returned
        pack.since = 0;
        checkAndRunActions();
        pack.since = DEADLINE + 1;
        checkAndRunActions();
        assertEquals(List.of("7@1020ms", "8@1000ms"), pack.told);
    }

    @Test
    void anActionStillRunningIsNotStartedTwiceAndOnePackDoesNotDelayAnother() {
        Pack stuck = new Pack();
        Pack other = new Pack();
        watchdog.watch(stuck, DEADLINE);
        TickWatchdog.Watch otherWatch = watchdog.watch(other, DEADLINE);
        stuck.since = 2 * DEADLINE;
        watchdog.check(); // the stuck pack's action is handed to its own thread, which has not run yet
        stuck.ticks = 1; // a new count would be a new stall, but the first action is still running
        watchdog.check();
        assertEquals(1, pending.size(), "an action in flight is not started again");

        other.since = 2 * DEADLINE;
        watchdog.check();
        assertEquals(2, pending.size(), "the other pack's stall is acted on while the first action hangs");
        pending.forEach(Runnable::run);
        assertEquals(List.of("0@2000ms"), stuck.told);
        assertEquals(List.of("0@2000ms"), other.told);

        otherWatch.close();
        assertEquals(1, watchdog.watched());
    }
}
