package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.driver.BalanceOutput;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.driver.IndicatorOutput;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.telemetry.PackListener;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * A read that blocks hangs a pack's tick in the running gateway: the watchdog turns its outputs off and shows the
 * fail-safe LEDs without waiting for the tick, the pack reads STALLED to every reader and listener, another pack
 * ticks on, and the pack recovers by itself when the read returns.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StallIT extends GatewaySupport {

    private static final long TICK_MS = 20;
    private static final int CELLS = 20;

    @Configuration
    public Option[] config() {
        return GatewayOptions.gateway();
    }

    /** Twenty cells, one high so the board balances; its read blocks while {@link #block} is set. */
    private static final class BlockingSource implements CellVoltageSource {
        volatile boolean block;
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public int cells() {
            return CELLS;
        }

        @Override
        public void read(PackReading into) throws InterruptedException {
            if (block) {
                blocked.countDown();
                release.await();
            }
            for (int c = 0; c < CELLS; c++) {
                into.set(c, c == 3 ? 3.95 : 3.70, CellStatus.OK);
            }
        }
    }

    /** Remembers when it was last turned off and what the LEDs were last told. */
    private static final class Outputs implements BalanceOutput, IndicatorOutput {
        final AtomicLong lastOffNanos = new AtomicLong();
        final AtomicReference<Indicator> led3 = new AtomicReference<>();

        @Override
        public void drive(Decision decision) {
        }

        @Override
        public void allOff() {
            lastOffNanos.set(System.nanoTime());
        }

        @Override
        public void show(Decision decision) {
            led3.set(decision.indicator(3));
        }
    }

    @Test
    public void aHungReadTurnsThePacksOutputsOffWithinItsDeadlineAndTheOtherPackTicksOn() throws Exception {
        BlockingSource source = new BlockingSource();
        Outputs outputs = new Outputs();
        AtomicReference<PackHealth> heard = new AtomicReference<>();
        Dictionary<String, Object> props = new Hashtable<>(Map.of(CellVoltageSource.PACK, "stall-a"));
        ServiceRegistration<?>[] drivers = {
            context().registerService(CellVoltageSource.class, source, props),
            context().registerService(new String[] {BalanceOutput.class.getName(), IndicatorOutput.class.getName()},
                    outputs, props),
            context().registerService(PackListener.class, s -> {
                if (s.pack().id().equals("stall-a")) {
                    heard.set(s.health());
                }
            }, null)};
        org.osgi.service.cm.Configuration stalling = pack("stall-a", CELLS, "NCM", "(cellgate.model=EK-L20S1A)", TICK_MS);
        org.osgi.service.cm.Configuration[] other = simulatedPack("stall-b", 16, "LFP", "(cellgate.model=EK-L20S1A)",
                TICK_MS);
        Pack pack = awaitPack("stall-a");
        Pack bystander = awaitPack("stall-b");
        await("stall-a to balance", () -> pack.latest() != null && pack.latest().health() == PackHealth.OK
                && pack.latest().balancingPairs() > 0, () -> String.valueOf(pack.latest()));
        await("stall-b to tick", () -> bystander.stats().ticks() > 10);

        source.block = true;
        assertTrue(source.blocked.await(5, TimeUnit.SECONDS));
        long blockedAt = System.nanoTime();
        long bystanderTicksAt = bystander.stats().ticks();
        await("the watchdog to mark stall-a STALLED", () -> pack.latest().health() == PackHealth.STALLED,
                () -> String.valueOf(pack.latest()));
        long offMs = TimeUnit.NANOSECONDS.toMillis(outputs.lastOffNanos.get() - blockedAt);
        long stalledMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - blockedAt);
        assertTrue("outputs off " + offMs + " ms after the read hung (deadline 1000 ms)", offMs >= 900
                && offMs < 3000);
        assertEquals(Indicator.FLASHING, outputs.led3.get());
        assertEquals(0, pack.latest().balancingPairs());
        assertEquals(PackHealth.STALLED, heard.get());
        assertTrue(String.valueOf(pack.faults()), pack.faults().stream()
                .anyMatch(f -> f.message().startsWith("no tick completed for")));
        // Every reader answers while the tick hangs.
        CompletableFuture.runAsync(() -> {
            pack.stats();
            pack.history(10);
            pack.faults();
        }).get(2, TimeUnit.SECONDS);
        assertTrue(logged("stall-a: STALLED: no tick completed for"));

        Thread.sleep(1000); // the stall goes on; the other pack must not notice
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - blockedAt);
        long bystanderTicks = bystander.stats().ticks() - bystanderTicksAt;
        long expected = elapsedMs / TICK_MS;
        System.out.printf("STALL FIGURES: outputs off %d ms after the read hung (STALLED seen after %d ms); "
                + "stall-b ticked %d times in %d ms (%d due)%n", offMs, stalledMs, bystanderTicks, elapsedMs,
                expected);
        assertTrue("stall-b ticked " + bystanderTicks + " of " + expected, bystanderTicks >= expected * 8 / 10);

        source.block = false;
        source.release.countDown();
        await("stall-a to tick again", () -> pack.latest().health() == PackHealth.OK,
                () -> String.valueOf(pack.latest()));
        await("the log to say so", () -> logged("stall-a: ticking again"));
        assertEquals(PackHealth.OK, heard.get());

        stalling.delete();
        for (org.osgi.service.cm.Configuration c : other) {
            c.delete();
        }
        for (ServiceRegistration<?> r : drivers) {
            r.unregister();
        }
    }
}
