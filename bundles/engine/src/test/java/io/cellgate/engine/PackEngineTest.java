package io.cellgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.balancer.Topology;
import io.cellgate.api.driver.BalanceOutput;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.driver.IndicatorOutput;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.runtime.TickSummary;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.api.testing.LogLines;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PackEngineTest {

    private static final class Events extends LogLines implements PackEvents {
    }

    private static final PackDescription PACK = new PackDescription("p", 4, Chemistry.NCM);

    private final AtomicLong now = new AtomicLong();
    private final AtomicLong wallMillis = new AtomicLong(1_767_225_600_000L);
    private final Events log = new Events();
    private final PackEngine engine = new PackEngine(PACK, now::get, wallMillis::get, 5, log);
    private final RecordingOutput outputs = new RecordingOutput();
    private final double[] volts = {3.70, 3.90, 3.70, 3.70};
    private final CellVoltageSource source = CellVoltageSource.of(4, into -> {
        for (int c = 0; c < volts.length; c++) {
            into.set(c, volts[c], CellStatus.OK);
        }
    });

    /** A TEST model of 2 to 8 NCM cells whose every balancer is {@code balancer}. */
    static BalancerModel model(String variant, Balancer balancer) {
        return model(new ModelDescriptor("TEST", variant, "test", 2, 8, EnumSet.of(Chemistry.NCM), Topology.ADJACENT,
                1.0, Map.of()), pack -> balancer);
    }

    /** A model that answers {@code descriptor} and creates its balancers with {@code creator}, checking nothing. */
    private record Model(ModelDescriptor descriptor, Function<PackDescription, Balancer> creator)
            implements BalancerModel {
        @Override
        public Balancer create(PackDescription pack) {
            return creator.apply(pack);
        }
    }

    private static BalancerModel model(ModelDescriptor descriptor, Function<PackDescription, Balancer> creator) {
        return new Model(descriptor, creator);
    }

    static final Balancer PAIR0 = (r, d) -> {
        d.setPair(0, PairDirection.UPPER_TO_LOWER, 0.5);
        d.setBoardState(BoardState.ACTIVE);
    };

    private void tick(BalancerModel model, PackListener... listeners) {
        now.addAndGet(100_000_000);
        engine.tick(now.get(), source, model, outputs, outputs, List.of(listeners));
    }

    @Test
    void aSourceMissingAtStartUpIsStartingWithOutputsOffUntilTheGracePeriodEnds() {
        engine.setStartupGraceNanos(3_000_000_000L);
        BalancerModel model = model("a", PAIR0);
        for (int i = 0; i < 30; i++) { // ticks at 0.1 s to 2.9 s after the first: within the grace period
            engine.tick(now.get(), null, model, outputs, outputs, List.of());
            assertEquals(PackHealth.STARTING, engine.state().health(), "tick " + engine.state().tick());
            now.addAndGet(100_000_000);
        }
        assertEquals(30, outputs.allOff, "fail-safe while starting: every tick turns the outputs off");
        assertEquals(0, outputs.driven);
        assertEquals(0, engine.state().decision().balancingPairs());
        assertEquals(Indicator.OFF, engine.state().decision().indicator(0), "a pack starting shows no fault");
        assertTrue(engine.faults().isEmpty());
        assertEquals(0, log.count("WARN"), "no fault logged while starting: " + log);

        engine.tick(now.get(), null, model, outputs, outputs, List.of()); // 3.0 s: the grace period is over
        assertEquals(PackHealth.NO_SOURCE, engine.state().health());
        assertEquals(Indicator.FLASHING, engine.state().decision().indicator(0));
        assertEquals(List.of("WARN p: fault: no voltage source matches source.target"), log.startingWith("WARN"));
    }

    @Test
    void aSourceThatArrivesWithinTheGracePeriodStartsThePackWithoutAFault() {
        engine.setStartupGraceNanos(3_000_000_000L);
        BalancerModel model = model("a", PAIR0);
        engine.tick(now.get(), null, model, outputs, outputs, List.of());
        now.addAndGet(100_000_000);
        engine.tick(now.get(), source, model, outputs, outputs, List.of());

        assertEquals(PackHealth.OK, engine.state().health());
        assertEquals(1, outputs.driven);
        assertEquals(0, log.count("WARN"), "no fault at start-up: " + log);

        // Once seen, a source that goes away is a fault at once, grace period or not.
        now.addAndGet(100_000_000);
        engine.tick(now.get(), null, model, outputs, outputs, List.of());
        assertEquals(PackHealth.NO_SOURCE, engine.state().health());
        assertEquals(1, log.count("WARN"), log.toString());
    }

    @Test
    void aPackCurrentIsTheSourcesOfThisReadingAndNoneWhenTheSourceFails() {
        boolean[] fails = {false};
        CellVoltageSource withShunt = CellVoltageSource.of(4, into -> {
            if (fails[0]) {
                throw new IllegalStateException("the ADC is gone");
            }
            for (int c = 0; c < volts.length; c++) {
                into.set(c, volts[c], CellStatus.OK);
            }
            into.setPackAmps(3.5);
        });
        BalancerModel model = model("a", PAIR0);
        now.addAndGet(100_000_000);
        engine.tick(now.get(), withShunt, model, outputs, outputs, List.of());
        assertEquals(3.5, engine.state().reading().packAmps());

        fails[0] = true;
        now.addAndGet(100_000_000);
        engine.tick(now.get(), withShunt, model, outputs, outputs, List.of());
        assertFalse(engine.state().reading().hasPackAmps(), "a failed read shows no current, not the last one");

        now.addAndGet(100_000_000);
        engine.tick(now.get(), source, model, outputs, outputs, List.of());
        assertFalse(engine.state().reading().hasPackAmps(), "a source without a shunt measures no current");
    }

    @Test
    void withoutSourceThePackIsFailSafeAndKeepsTicking() {
        for (int i = 0; i < 3; i++) {
            now.addAndGet(100_000_000);
            engine.tick(now.get(), null, model("a", PAIR0), outputs, outputs, List.of());
        }
        assertEquals(3, engine.stats().ticks());
        assertEquals(PackHealth.NO_SOURCE, engine.state().health());
        assertEquals(0, engine.state().decision().balancingPairs());
        assertEquals(Indicator.FLASHING, engine.state().decision().indicator(2));
        assertEquals(CellStatus.STALE, engine.state().reading().status(0));
        assertEquals(3, outputs.allOff);
        assertEquals(0, outputs.driven);
        assertEquals(1, log.count("WARN"), "a fault is logged once: " + log);
    }

    @Test
    void withoutBalancerNothingBalancesAndReadingsGoOn() {
        tick(null);
        assertEquals(PackHealth.NO_BALANCER, engine.state().health());
        assertEquals(3.90, engine.state().reading().volts(1));
        assertEquals(BoardState.FAULT, engine.state().decision().boardState());
        assertTrue(engine.state().decision().faults().get(0).startsWith("no balancer"));
    }

    @Test
    void aHealthyTickDrivesTheDecision() {
        tick(model("a", PAIR0));
        assertEquals(PackHealth.OK, engine.state().health());
        assertEquals(1, outputs.driven);
        assertEquals(0.5, engine.state().decision().amps(0));
        assertEquals("TEST/a", engine.state().model());
    }

    @Test
    void aBoardInFaultShowsInTheHealthAndStillDrivesTheOutputs() {
        Balancer flashing = (r, d) -> {
            d.setPair(0, PairDirection.UPPER_TO_LOWER, 0.5);
            d.setIndicator(3, Indicator.FLASHING);
            d.setBoardState(BoardState.FAULT);
            d.addFault("cell 4 flashes");
        };
        tick(model("a", flashing));
        assertEquals(PackHealth.BOARD_FAULT, engine.state().health());
        assertEquals(PackHealth.BOARD_FAULT, engine.latest().health());
        assertEquals(1, outputs.driven, "pairs untouched by the fault still balance");
        assertEquals(0, outputs.allOff);
        assertEquals(0.5, engine.state().decision().amps(0));
        assertEquals(PackHealth.BOARD_FAULT, engine.history(1).get(0).health());
    }

    @Test
    void aModelThatFitsOnlyWithWarningsRunsAndShowsThemInTheView() {
        BalancerModel twoStrings = model(new ModelDescriptor("TEST", "3s", "test", 2, 8, EnumSet.of(Chemistry.NCM),
                Topology.ADJACENT, 1.0, Map.of(ModelDescriptor.STRINGS, 3.0)), pack -> PAIR0);
        tick(twoStrings);
        assertEquals(PackHealth.OK, engine.state().health());
        assertEquals(twoStrings.descriptor().fit(PACK).warnings(), engine.latest().fitWarnings());
        assertEquals(2, engine.latest().fitWarnings().size(), "a 3S board on 4 cells: low strings and a cascade");

        tick(model("a", PAIR0));
        assertEquals(List.of(), engine.latest().fitWarnings(), "a model that fits clears them");
    }

    @Test
    void aSwappedModelDecidesInTheTickThatSeesIt() {
        Balancer idle = (r, d) -> d.setBoardState(BoardState.SLEEP);
        tick(model("a", PAIR0));
        tick(model("b", idle));
        assertEquals("TEST/b", engine.state().model());
        assertEquals(BoardState.SLEEP, engine.state().decision().boardState());
        assertEquals(1, engine.stats().balancerSwaps());
        assertEquals(2, engine.stats().ticks());
        assertTrue(log.lines().stream().anyMatch(l -> l.contains("balancer TEST/a -> TEST/b at tick 2")), log::toString);
    }

    @Test
    void aFailedBalanceWriteShowsTheFailSafeIndicatorsOnTheLedsToo() {
        List<Indicator> shown = new ArrayList<>();
        IndicatorOutput leds = d -> {
            shown.clear();
            for (int c = 0; c < d.cells(); c++) {
                shown.add(d.indicator(c));
            }
        };
        BalanceOutput failing = new BalanceOutput() {
            @Override
            public void drive(Decision decision) throws Exception {
                throw new java.io.IOException("pwm1/duty_cycle: EIO");
            }

            @Override
            public void allOff() {
                outputs.allOff();
            }
        };
        Balancer lit = (r, d) -> {
            d.setPair(0, PairDirection.UPPER_TO_LOWER, 0.5);
            d.setIndicator(0, Indicator.ON);
            d.setIndicator(1, Indicator.ON);
        };
        BalancerModel m = model("a", lit);
        engine.tick(now.get(), source, m, outputs, leds, List.of());
        assertEquals(List.of(Indicator.ON, Indicator.ON, Indicator.OFF, Indicator.OFF), shown);

        engine.tick(now.get(), source, m, failing, leds, List.of());
        assertEquals(PackHealth.OUTPUT_FAILED, engine.state().health());
        assertEquals(1, outputs.allOff);
        assertEquals(List.of(Indicator.FLASHING, Indicator.FLASHING, Indicator.FLASHING, Indicator.FLASHING), shown,
                "the LEDs flash as the decision says, none steadily on");
        assertEquals(Indicator.FLASHING, engine.state().decision().indicator(0));
    }

    @Test
    void aThrowingBalancerIsFailSafeAndLoggedOnce() {
        BalancerModel m = model("x", (r, d) -> {
            throw new IllegalStateException("bug");
        });
        for (int i = 0; i < 10; i++) {
            tick(m);
        }
        assertEquals(PackHealth.BALANCER_FAILED, engine.state().health());
        assertEquals(10, engine.stats().ticks());
        assertEquals(1, log.count("ERROR"));
        assertEquals(10, outputs.allOff);
    }

    @Test
    void aDecisionThatBalancesAnInvalidCellIsRefused() {
        volts[0] = Double.NaN;
        tick(model("a", PAIR0));
        assertEquals(CellStatus.OUT_OF_RANGE, engine.state().reading().status(0));
        assertEquals(PackHealth.BALANCER_FAILED, engine.state().health());
        assertEquals(0, engine.state().decision().balancingPairs());
    }

    @Test
    void aDecisionAboveTheDeclaredCurrentIsRefused() {
        tick(model("a", (r, d) -> d.setPair(1, PairDirection.LOWER_TO_UPPER, 1.5)));
        assertEquals(PackHealth.BALANCER_FAILED, engine.state().health());
    }

    @Test
    void anImplausibleVoltageIsOutOfRange() {
        volts[3] = 7.0;
        tick(model("a", (r, d) -> { }));
        assertEquals(CellStatus.OUT_OF_RANGE, engine.state().reading().status(3));
        assertEquals(CellStatus.OK, engine.state().reading().status(2));
    }

    @Test
    void aModelThatDoesNotSupportThePackIsFailSafeWithTheReason() {
        BalancerModel small = model(new ModelDescriptor("SMALL", "2s", "test", 2, 2, EnumSet.of(Chemistry.NCM),
                Topology.ADJACENT, 1.0, Map.of()), pack -> {
                    throw new AssertionError("must not be asked");
                });
        tick(small);
        assertEquals(PackHealth.BALANCER_FAILED, engine.state().health());
        assertTrue(engine.state().decision().faults().get(0).contains("does not support pack p of 4 NCM cells"));
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthers() {
        List<Long> heard = new ArrayList<>();
        PackListener bad = s -> {
            throw new IllegalStateException("listener bug");
        };
        PackListener good = s -> heard.add(s.tick());
        tick(model("a", PAIR0), bad, good);
        tick(model("a", PAIR0), bad, good);
        assertEquals(List.of(1L, 2L), heard);
        assertEquals(PackHealth.OK, engine.state().health());
    }

    @Test
    void historyKeepsTheLastTicksOldestFirst() {
        BalancerModel m = model("a", PAIR0);
        for (int i = 0; i < 7; i++) {
            tick(m);
        }
        List<TickSummary> h = engine.history(3);
        assertEquals(List.of(5L, 6L, 7L), h.stream().map(TickSummary::tick).toList());
        assertEquals(5, engine.history(100).size(), "the ring holds 5");
        assertEquals(0.2, h.get(2).maxAdjacentDeltaVolts(), 1e-12);
        assertEquals(0.2, h.get(2).spreadVolts(), 1e-12, "3.90 - 3.70");
        assertEquals(wallMillis.get(), h.get(2).timeMillis());
        assertEquals(1, h.get(2).balancingPairs());
    }

    @Test
    void latestIsAFrozenViewMadeOncePerTick() {
        assertNull(engine.latest());
        tick(model("a", PAIR0));
        var snap = engine.latest();
        assertNotNull(snap);
        assertSame(snap, engine.latest(), "one view per tick, made when asked");
        volts[1] = 4.0;
        tick(model("a", PAIR0));
        assertEquals(3.90, snap.volts(1));
        assertSame(PACK, snap.pack());
        assertEquals(4.0, engine.latest().volts(1));
    }

    @Test
    void aFaultShowsTheTickAndTheWallClockTimeItAppearedAt() {
        tick(model("a", PAIR0));
        wallMillis.addAndGet(1000);
        tick(null);
        wallMillis.addAndGet(1000);
        tick(null);
        var fault = engine.faults().get(0);
        assertEquals(2, fault.sinceTick());
        assertEquals(wallMillis.get() - 1000, fault.sinceMillis());
    }

    @Test
    void aFaultIsLoggedWhenItAppearsAndWhenItClears() {
        tick(null);
        tick(null);
        tick(model("a", PAIR0));
        assertEquals(1, log.count("WARN p: fault: no balancer"));
        assertEquals(1, log.count("INFO p: cleared: no balancer"));
        assertTrue(engine.faults().isEmpty());
    }

    static final class RecordingOutput implements BalanceOutput, IndicatorOutput {
        int driven;
        int allOff;
        int shown;

        @Override
        public void drive(Decision decision) {
            driven++;
        }

        @Override
        public void allOff() {
            allOff++;
        }

        @Override
        public void show(Decision decision) {
            shown++;
        }
    }
}
