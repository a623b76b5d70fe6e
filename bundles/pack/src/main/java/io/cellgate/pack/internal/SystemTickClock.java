package io.cellgate.pack.internal;

import io.cellgate.api.time.TickClock;
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

    private final ScheduledThreadPoolExecutor pool;
    private final Logger log;
    private final AtomicInteger scheduled = new AtomicInteger();

    @Activate
    public SystemTickClock(Config config, @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.log = log;
        int threads = Math.max(1, Math.min(16, config.threads()));
        AtomicInteger n = new AtomicInteger();
        pool = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "cellgate-tick-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Deactivate
    void deactivate() {
        pool.shutdownNow();
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
        // A task that throws would be cancelled silently by the executor: keep it ticking and say so.
        Runnable guarded = () -> {
            try {
                tick.run();
            } catch (Throwable e) {
                log.error("tick task threw; it keeps its schedule", e);
            }
        };
        ScheduledFuture<?> f = pool.scheduleAtFixedRate(guarded, 0, periodNanos, TimeUnit.NANOSECONDS);
        scheduled.incrementAndGet();
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.getAndSet(false)) {
                f.cancel(false);
                scheduled.decrementAndGet();
            }
        };
    }

    /** Tasks scheduled and not cancelled: the executor's queue would miss the one running at the moment. */
    @Override
    public int scheduledTasks() {
        return scheduled.get();
    }
}
