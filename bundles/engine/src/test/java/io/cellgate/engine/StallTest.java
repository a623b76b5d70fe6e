package io.cellgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.runtime.Pack.ActiveFault;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.api.telemetry.PackState;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A tick that hangs: the pack stays readable, the stall is published without the tick, and the next tick clears it. */
@Timeout(20)
class StallTest {

    private static final PackDescription PACK = new PackDescription("p", 4, Chemistry.NCM);

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final PackEngine engine = new PackEngine(PACK, System::nanoTime, System::currentTimeMillis, 10,
            new PackEvents() {
                @Override
                public void info(String message) {
                    events.add("INFO " + message);
                }

                @Override
                public void warn(String message) {
                    events.add("WARN " + message);
                }

                @Override
                public void error(String message, Throwable cause) {
                    events.add("ERROR " + message);
                }
            });
    private final CountDownLatch inRead = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean block;
    /** A source whose read blocks while {@link #block} is set, as a FIFO in place of a sysfs file does. */
    private final CellVoltageSource source = new CellVoltageSource() {
        @Override
        public int cells() {
            return 4;
        }

        @Override
        public void read(PackReading into) throws InterruptedException {
            if (block) {
                inRead.countDown();
                release.await();
            }
            for (int c = 0; c < 4; c++) {
                into.set(c, 3.7, CellStatus.OK);
            }
        }
    };
    private final PackEngineTest.RecordingOutput outputs = new PackEngineTest.RecordingOutput();
    private final List<PackHealth> heard = new CopyOnWriteArrayList<>();
    private final PackListener listener = s -> heard.add(s.health());

    private final BalancerModel model = PackEngineTest.model("a", PackEngineTest.PAIR0);

    private void tick() {
        engine.tick(System.nanoTime(), source, model, outputs, outputs, List.of(listener));
    }

    @Test
    void aHungTickLeavesThePackReadableAndTheWatchdogPublishesTheStallWithoutWaitingForIt() throws Exception {
        tick();
        tick();
        block = true;
        CompletableFuture<Void> hung = CompletableFuture.runAsync(this::tick);
        assertTrue(inRead.await(5, TimeUnit.SECONDS));

        // Every reader answers while the tick holds its lock: none of them takes it.
        CompletableFuture<Void> readers = CompletableFuture.runAsync(() -> {
            assertEquals(2, engine.latest().tick());
            assertEquals(2, engine.history(10).size());
            assertEquals(2, engine.stats().ticks());
            assertEquals(2, engine.completedTicks());
            engine.faults();
        });
        readers.get(2, TimeUnit.SECONDS);

        PackState stalled = CompletableFuture.supplyAsync(
                () -> engine.markStalled(2, "no tick completed for 1000 ms", List.of(listener)))
                .get(2, TimeUnit.SECONDS);
        assertEquals(PackHealth.STALLED, stalled.health());
        assertEquals(PackHealth.STALLED, engine.latest().health());
        assertEquals(0, engine.latest().balancingPairs(), "the published decision is the fail-safe one");
        assertEquals(Indicator.FLASHING, engine.latest().indicator(0));
        assertEquals(List.of("no tick completed for 1000 ms"),
                engine.faults().stream().map(ActiveFault::message).toList());
        assertEquals(PackHealth.STALLED, heard.get(heard.size() - 1), "listeners hear of the stall");
        assertTrue(events.contains("WARN p: STALLED: no tick completed for 1000 ms"), events.toString());
        assertNull(engine.markStalled(2, "again", List.of(listener)), "one stall is published once");

        block = false;
        release.countDown();
        hung.get(5, TimeUnit.SECONDS);
        assertEquals(PackHealth.OK, engine.latest().health(), "the tick that returns clears the stall");
        assertEquals(1, engine.latest().balancingPairs());
        assertTrue(engine.faults().stream().noneMatch(f -> f.message().startsWith("no tick completed")));
        assertTrue(events.stream().anyMatch(e -> e.startsWith("INFO p: ticking again at tick 3")), events.toString());
    }

    @Test
    void aStallNoticeForATickThatHasSinceCompletedIsDropped() {
        tick();
        long seen = engine.completedTicks();
        tick();
        assertNull(engine.markStalled(seen, "late notice", List.of(listener)));
        assertTrue(engine.latest().health() != PackHealth.STALLED);
        assertTrue(engine.faults().stream().noneMatch(f -> f.message().equals("late notice")));
    }

    @Test
    void aStallBeforeTheFirstTickIsShownToo() throws Exception {
        block = true;
        CompletableFuture<Void> hung = CompletableFuture.runAsync(this::tick);
        assertTrue(inRead.await(5, TimeUnit.SECONDS));
        engine.markStalled(0, "no tick completed for 1000 ms", List.of());
        assertEquals(PackHealth.STALLED, engine.latest().health());
        block = false;
        release.countDown();
        hung.get(5, TimeUnit.SECONDS);
    }
}
