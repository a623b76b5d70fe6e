package io.cellgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.testing.LogLines;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The wall clock set forward or back by hours (NTP after a long power cut, an operator's {@code date -s}): the pack
 * keeps time on the tick clock, which is monotonic, so nothing it decides or measures moves; only the times it shows
 * people follow the wall clock.
 */
class ClockJumpTest {

    private static final long PERIOD = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long HOUR_MS = TimeUnit.HOURS.toMillis(1);

    private static final class Events extends LogLines implements PackEvents {
    }

    private final Events events = new Events();
    private long monotonic = 1_000_000_000L;
    private long wall = 1_795_651_200_000L;
    private final PackEngine engine = new PackEngine(new PackDescription("p", 4, Chemistry.NCM), () -> monotonic,
            () -> wall, 10, events);
    private final CellVoltageSource source = CellVoltageSource.of(4, into -> {
        for (int c = 0; c < 4; c++) {
            into.set(c, 3.7, CellStatus.OK);
        }
    });
    private final PackEngineTest.RecordingOutput outputs = new PackEngineTest.RecordingOutput();
    private final BalancerModel model = PackEngineTest.model("a", PackEngineTest.PAIR0);

    /** One tick due now, starting 1 ms late; then the tick clock moves on to the next. */
    private void tick() {
        long due = monotonic;
        monotonic += TimeUnit.MILLISECONDS.toNanos(1);
        engine.tick(due, source, model, outputs, outputs, List.of());
        monotonic = due + PERIOD;
    }

    @Test
    void aWallClockSetForwardOrBackChangesNeitherHealthNorTimingOnlyTheTimesShown() {
        for (int i = 0; i < 5; i++) {
            tick();
        }
        wall += 2 * HOUR_MS; // forward by two hours between two ticks
        tick();
        assertEquals(wall, engine.latest().timeMillis(), "the time shown follows the wall clock");
        wall -= 4 * HOUR_MS; // and back by four
        for (int i = 0; i < 5; i++) {
            tick();
        }
        assertEquals(11, engine.stats().ticks(), "one tick per period, none added, none lost");
        assertEquals(PackHealth.OK, engine.latest().health());
        assertEquals(TimeUnit.MILLISECONDS.toNanos(1), engine.stats().maxLatenessNanos(), "no tick reads as later "
                + "than it was, by hours or at all");
        assertTrue(engine.faults().isEmpty(), engine.faults().toString());
    }

    @Test
    void howLongAStallLastedIsMeasuredOnTheTickClockWhateverTheWallClockDid() {
        tick();
        engine.markStalled(engine.completedTicks(), "no tick completed for 1000 ms", List.of());
        monotonic += TimeUnit.MILLISECONDS.toNanos(1500);
        wall -= 2 * HOUR_MS; // set back while the pack was stalled
        tick();
        assertEquals(1, events.count("INFO p: ticking again at tick 2, 1501 ms after it stalled"), events.toString());
    }
}
