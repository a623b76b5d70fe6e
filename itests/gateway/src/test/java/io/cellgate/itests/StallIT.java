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
 * Faults inside a pack's tick in the running gateway. A read that blocks or a plugin that loops hangs the tick: the
 * watchdog turns its outputs off and shows the fail-safe LEDs without waiting for the tick, the pack reads STALLED to
 * every reader and listener, another pack ticks on, and the pack recovers by itself when the tick returns. A source
 * that throws makes every tick fail-safe at once.
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

    /** Twenty cells, one high so the board balances; its read blocks while {@link #block} is set, throws while
     * {@link #fail} is. */
    private static final class BlockingSource implements CellVoltageSource {
        volatile boolean block;
        volatile boolean fail;
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public int cells() {
            return CELLS;
        }

        @Override
        public void read(PackReading into) throws Exception {
            if (block) {
                blocked.countDown();
                release.await();
            }
            if (fail) {
                throw new java.io.IOException("in_voltage3_raw: Input/output error");
            }
            for (int c = 0; c < CELLS; c++) {
                into.set(c, c == 3 ? 3.95 : 3.70, CellStatus.OK);
            }
        }
    }

    /** Remembers when it was last turned off and what the LEDs were last told. */
    private static final class Outputs implements BalanceOutput, IndicatorOutput {
        final AtomicLong lastOffNanos = new AtomicLong();
        final AtomicLong offs = new AtomicLong();
        final AtomicReference<Indicator> led3 = new AtomicReference<>();

        @Override
        public void drive(Decision decision) {
        }

        @Override
        public void allOff() {
            offs.incrementAndGet();
            lastOffNanos.set(System.nanoTime());
        }

        @Override
        public void show(Decision decision) {
            led3.set(decision.indicator(3));
        }
    }

    /** Registers the test's drivers for {@code pack}: the source, the outputs and the LEDs. */
    private ServiceRegistration<?>[] drivers(String pack, BlockingSource source, Outputs outputs) {
        Dictionary<String, Object> props = new Hashtable<>(Map.of(CellVoltageSource.PACK, pack));
        return new ServiceRegistration<?>[] {context().registerService(CellVoltageSource.class, source, props),
            context().registerService(new String[] {BalanceOutput.class.getName(), IndicatorOutput.class.getName()},
                    outputs, props)};
    }

    @Test
    public void aPluginThatLoopsForeverStallsOnlyItsPackAndItsOutputsGoOff() throws Exception {
        BlockingSource source = new BlockingSource();
        Outputs outputs = new Outputs();
        ServiceRegistration<?>[] drivers = drivers("loop-a", source, outputs);
        AtomicReference<Boolean> looping = new AtomicReference<>(true);
        CountDownLatch inLoop = new CountDownLatch(1);
        ServiceRegistration<?> model = registerModel("LOOP", "forever", (reading, decision) -> {
            inLoop.countDown();
            while (looping.get()) { // a bug that never returns, and keeps a core busy
                Thread.onSpinWait();
            }
        });
        org.osgi.service.cm.Configuration loop = pack("loop-a", CELLS, "NCM", "(cellgate.model=LOOP)", TICK_MS);
        Pack pack = awaitPack("loop-a");
        assertTrue(inLoop.await(10, TimeUnit.SECONDS));
        long loopingAt = System.nanoTime();
        await("loop-a STALLED", () -> pack.latest() != null && pack.latest().health() == PackHealth.STALLED,
                () -> String.valueOf(pack.latest()));
        long offMs = TimeUnit.NANOSECONDS.toMillis(outputs.lastOffNanos.get() - loopingAt);
        System.out.printf("STALL FIGURES: a looping plugin: outputs off %d ms after it began to loop%n", offMs);
        assertTrue("outputs off " + offMs + " ms after the plugin began to loop", offMs < 3000);
        assertEquals(Indicator.FLASHING, outputs.led3.get());
        assertTrue(pack("pack1") == null || pack("pack1").stats().ticks() > 0);

        looping.set(false);
        await("loop-a to tick again", () -> pack.stats().ticks() > 1 && pack.latest().health() != PackHealth.STALLED,
                () -> String.valueOf(pack.latest()));
        loop.delete();
        unregister(drivers);
        model.unregister();
    }

    @Test
    public void aSourceThatThrowsMakesEveryTickFailSafeAndIsLoggedOnce() throws Exception {
        BlockingSource source = new BlockingSource();
        Outputs outputs = new Outputs();
        ServiceRegistration<?>[] drivers = drivers("throw-a", source, outputs);
        org.osgi.service.cm.Configuration c = pack("throw-a", CELLS, "NCM", "(cellgate.model=EK-L20S1A)", TICK_MS);
        Pack pack = awaitPack("throw-a");
        await("throw-a to balance", () -> pack.latest() != null && pack.latest().balancingPairs() > 0,
                () -> String.valueOf(pack.latest()));
        source.fail = true;
        await("throw-a READING_FAILED", () -> pack.latest().health() == PackHealth.READING_FAILED,
                () -> String.valueOf(pack.latest()));
        long offs = outputs.offs.get();
        Thread.sleep(10 * TICK_MS);
        assertTrue("every failing tick turns the outputs off", outputs.offs.get() >= offs + 5);
        assertEquals(0, pack.latest().balancingPairs());
        assertEquals(Indicator.FLASHING, outputs.led3.get());
        assertTrue(logged("throw-a: the voltage source threw"));
        assertEquals("one log entry for the whole failure, not one per tick", 1,
                countLogged("throw-a: the voltage source threw"));

        source.fail = false;
        await("throw-a to recover", () -> pack.latest().health() == PackHealth.OK,
                () -> String.valueOf(pack.latest()));
        c.delete();
        unregister(drivers);
    }

    @Test
    public void aHungReadTurnsThePacksOutputsOffWithinItsDeadlineAndTheOtherPackTicksOn() throws Exception {
        BlockingSource source = new BlockingSource();
        Outputs outputs = new Outputs();
        AtomicReference<PackHealth> heard = new AtomicReference<>();
        ServiceRegistration<?>[] drivers = drivers("stall-a", source, outputs);
        ServiceRegistration<?> listener = context().registerService(PackListener.class, s -> {
            if (s.pack().id().equals("stall-a")) {
                heard.set(s.health());
            }
        }, null);
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
        listener.unregister();
        unregister(drivers);
    }
}
