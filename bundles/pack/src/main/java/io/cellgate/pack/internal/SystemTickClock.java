package io.cellgate.pack.internal;

import io.cellgate.api.time.TickClock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The gateway's real-time clock: one small shared pool runs the ticks of every pack, instead of a thread per pack.
 *
 * <p>A tick that hangs (a read that blocks, a plugin that loops) keeps its thread; so that it cannot starve the other
 * packs, a monitor thread adds one thread to the pool for every tick running longer than {@value #STUCK_MS} ms (up
 * to {@value #MAX_EXTRA_THREADS} more) and gives them back when those ticks return.
 */
@Component(configurationPid = "io.cellgate.clock", property = "cellgate.clock=system")
@Designate(ocd = SystemTickClock.Config.class)
public final class SystemTickClock implements TickClock {

    @ObjectClassDefinition(name = "Cellgate tick clock")
    @interface Config {
        @AttributeDefinition(name = "Tick threads", description = "Threads shared by all packs' ticks, 1 to 16.",
                min = "1", max = "16")
        int threads() default 2;
    }

    static final long STUCK_MS = 200;
    static final int MAX_EXTRA_THREADS = 64;

    private final ScheduledThreadPoolExecutor pool;
    private final Logger log;
    private final int threads;
    private final Set<Task> tasks = ConcurrentHashMap.newKeySet();
    private final Thread monitor;

    @Activate
    public SystemTickClock(Config config, @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.log = log;
        threads = Math.max(1, Math.min(16, config.threads()));
        AtomicInteger n = new AtomicInteger();
        pool = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "cellgate-tick-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        monitor = new Thread(this::monitor, "cellgate-tick-monitor");
        monitor.setDaemon(true);
        monitor.start();
    }

    @Deactivate
    void deactivate() {
        monitor.interrupt();
        pool.shutdownNow();
    }

    private void monitor() {
        long stuckNanos = TimeUnit.MILLISECONDS.toNanos(STUCK_MS);
        while (!Thread.currentThread().isInterrupted()) {
            long now = System.nanoTime();
            int stuck = 0;
            for (Task t : tasks) {
                long since = t.runningSince;
                if (since != 0 && now - since > stuckNanos) {
                    stuck++;
                }
            }
            int size = threads + Math.min(stuck, MAX_EXTRA_THREADS);
            if (size != pool.getCorePoolSize()) {
                log.info("tick clock: {} tick(s) running longer than {} ms, {} tick threads", stuck, STUCK_MS, size);
                pool.setCorePoolSize(size); // a larger pool starts threads for the ticks waiting in the queue
            }
            try {
                TimeUnit.MILLISECONDS.sleep(STUCK_MS / 4);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Tick threads now: the configured ones and those added for ticks that hang. */
    int threads() {
        return pool.getCorePoolSize();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Runnable tick, long periodNanos) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("tick period must be positive, got " + periodNanos + " ns");
        }
        Task task = new Task(tick);
        ScheduledFuture<?> f = pool.scheduleAtFixedRate(task, 0, periodNanos, TimeUnit.NANOSECONDS);
        tasks.add(task);
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.getAndSet(false)) {
                f.cancel(false);
                tasks.remove(task);
            }
        };
    }

    /** Tasks scheduled and not cancelled: the executor's queue would miss the one running at the moment. */
    @Override
    public int scheduledTasks() {
        return tasks.size();
    }

    /** A scheduled tick that says since when it runs, for the monitor. */
    private final class Task implements Runnable {
        private final Runnable tick;
        volatile long runningSince;

        Task(Runnable tick) {
            this.tick = tick;
        }

        @Override
        public void run() {
            runningSince = System.nanoTime() | 1; // never 0, which means idle
            try {
                tick.run();
            } catch (Throwable e) {
                // A task that throws would be cancelled silently by the executor: keep it ticking and say so.
                log.error("tick task threw; it keeps its schedule", e);
            } finally {
                runningSince = 0;
            }
        }
    }
}
