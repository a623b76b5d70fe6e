package io.cellgate.pack.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The gateway's tick watchdog: a thread of its own, apart from the tick clock's pool, that looks at every pack
 * every {@value #CHECK_MS} ms and runs a stalled pack's fail-safe action on a fresh thread.
 */
@Component(service = TickWatchdogComponent.class)
public final class TickWatchdogComponent {

    static final long CHECK_MS = 20;

    private final Logger log;
    private final ExecutorService actions;
    private final Thread checker;
    private final TickWatchdog watchdog;

    @Activate
    public TickWatchdogComponent(@Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.log = log;
        AtomicInteger n = new AtomicInteger();
        actions = Executors.newCachedThreadPool(r -> daemon(r, "cellgate-failsafe-" + n.incrementAndGet()));
        watchdog = new TickWatchdog(actions);
        checker = daemon(this::run, "cellgate-watchdog");
        checker.setPriority(Thread.MAX_PRIORITY); // it must get a core when the ticks do not
        checker.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        checker.interrupt();
        checker.join(1000);
        actions.shutdown();
    }

    TickWatchdog.Watch watch(TickWatchdog.Watched pack, long deadlineNanos) {
        return watchdog.watch(pack, deadlineNanos);
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                watchdog.check();
            } catch (RuntimeException e) {
                log.error("tick watchdog: a check failed; it goes on", e);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(CHECK_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
