package io.cellgate.pack.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.time.TickClock;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.service.log.Logger;

@Timeout(30)
class SystemTickClockTest {

    private static final Logger QUIET = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> null);

    private static SystemTickClock.Config threads(int n) {
        return new SystemTickClock.Config() {
            @Override
            public int threads() {
                return n;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return SystemTickClock.Config.class;
            }
        };
    }

    @Test
    void ticksThatHangDoNotStarveTheOthersAndTheirThreadsAreGivenBack() throws Exception {
        SystemTickClock clock = new SystemTickClock(threads(1), QUIET);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger hung = new AtomicInteger();
        AtomicInteger others = new AtomicInteger();
        long period = TimeUnit.MILLISECONDS.toNanos(10);
        try {
            // Two packs whose ticks hang, as on a read that blocks, on a clock of one thread.
            TickClock.Cancellable a = clock.schedule(() -> hang(hung, release), period);
            TickClock.Cancellable b = clock.schedule(() -> hang(hung, release), period);
            clock.schedule(others::incrementAndGet, period);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (others.get() < 20 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertTrue(others.get() >= 20, "the third pack ticks on: " + others.get() + " ticks");
            assertEquals(2, hung.get());
            assertEquals(3, clock.threads(), "one thread more for each hung tick");

            release.countDown();
            a.close();
            b.close();
            until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (clock.threads() != 1 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertEquals(1, clock.threads(), "the threads are given back when the ticks return");
        } finally {
            release.countDown();
            clock.deactivate();
        }
    }

    private static void hang(AtomicInteger hung, CountDownLatch release) {
        hung.incrementAndGet();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
