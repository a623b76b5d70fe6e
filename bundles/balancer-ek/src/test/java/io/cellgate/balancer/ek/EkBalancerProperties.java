package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.Microvolts;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackReading;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;

/** Properties of the EK balancer over random packs (2..48 cells, 2.5–4.7 V, some cells invalid) and tick sequences. */
class EkBalancerProperties {

    /** What one cell of a random reading is. */
    enum Kind { NEAR, WIDE, NAN, INFINITE, NEGATIVE, OPEN_WIRE, STALE, OUT_OF_RANGE }

    record Tick(double[] volts, CellStatus[] status, double celsius) {
        void applyTo(PackReading reading) {
            for (int cell = 0; cell < volts.length; cell++) {
                reading.set(cell, volts[cell], status[cell]);
            }
            reading.setTemperatureCelsius(celsius);
        }
    }

    record Scenario(EkProfile profile, int cells, List<Tick> ticks) {
        /** Runs every tick on a fresh balancer, handing each tick's reading and decision to {@code check}. */
        List<DecisionSnapshot> run(TickCheck check) {
            EkBalancer balancer = new EkBalancer(profile, cells);
            PackReading reading = new PackReading(cells);
            Decision decision = new Decision(cells);
            List<DecisionSnapshot> snapshots = new ArrayList<>();
            for (Tick tick : ticks) {
                tick.applyTo(reading);
                decision.reset();
                balancer.decide(reading, decision);
                check.accept(reading, decision);
                snapshots.add(DecisionSnapshot.of(decision));
            }
            return snapshots;
        }
    }

    interface TickCheck {
        void accept(PackReading reading, Decision decision);
    }

    private static final EkProfile LFP = new EkProfile(0.040, 0.010, 10, 1.0, 3.0, 4.5, -20, 60, 10e-6, 0.005, 16);

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<EkProfile> profiles = Combinators.combine(Arbitraries.integers().between(2, 24),
                Arbitraries.of(EkProfile.DATASHEET, LFP)).as((strings, p) -> Bench.withStrings(p, strings));
        return Combinators.combine(Arbitraries.integers().between(2, 48), profiles)
                .flatAs((cells, profile) -> ticks(cells).list().ofMinSize(1).ofMaxSize(30)
                        .map(ticks -> new Scenario(profile, cells, ticks)));
    }

    private static Arbitrary<Tick> ticks(int cells) {
        Arbitrary<Double> base = Arbitraries.doubles().between(3.0, 4.5).ofScale(3);
        Arbitrary<Double> spread = Arbitraries.of(0.01, 0.04, 0.15);
        Arbitrary<double[]> units = Arbitraries.doubles().between(-1, 1).ofScale(4).array(double[].class)
                .ofSize(cells);
        Arbitrary<double[]> wide = Arbitraries.doubles().between(2.5, 4.7).ofScale(4).array(double[].class)
                .ofSize(cells);
        Arbitrary<List<Kind>> kinds = Arbitraries.frequencyOf(
                Tuple.of(90, Arbitraries.just(Kind.NEAR)),
                Tuple.of(5, Arbitraries.just(Kind.WIDE)),
                Tuple.of(5, Arbitraries.of(Kind.NAN, Kind.INFINITE, Kind.NEGATIVE, Kind.OPEN_WIRE, Kind.STALE,
                        Kind.OUT_OF_RANGE)))
                .list().ofSize(cells);
        Arbitrary<Double> usual = Arbitraries.doubles().between(-10, 50);
        Arbitrary<Double> celsius = Arbitraries.frequencyOf(
                Tuple.of(60, Arbitraries.just(Double.NaN)),
                Tuple.of(35, usual),
                Tuple.of(5, Arbitraries.of(-20.1, -20.0, 60.0, 60.1, -40.0, Double.POSITIVE_INFINITY)));
        return Combinators.combine(base, spread, units, wide, kinds, celsius).as(EkBalancerProperties::tick);
    }

    private static Tick tick(double base, double spread, double[] units, double[] wide, List<Kind> kinds,
            double celsius) {
        int cells = units.length;
        double[] volts = new double[cells];
        CellStatus[] status = new CellStatus[cells];
        for (int cell = 0; cell < cells; cell++) {
            Kind kind = kinds.get(cell);
            volts[cell] = switch (kind) {
                case WIDE -> wide[cell];
                case NAN -> Double.NaN;
                case INFINITE -> Double.POSITIVE_INFINITY;
                case NEGATIVE -> -base;
                default -> base + spread * units[cell];
            };
            status[cell] = switch (kind) {
                case OPEN_WIRE -> CellStatus.OPEN_WIRE;
                case STALE -> CellStatus.STALE;
                case OUT_OF_RANGE -> CellStatus.OUT_OF_RANGE;
                default -> CellStatus.OK;
            };
        }
        return new Tick(volts, status, celsius);
    }

    private static long deltaMicrovolts(PackReading r, int pair) {
        return Microvolts.of(r.volts(pair + 1) - r.volts(pair));
    }

    private static boolean sound(EkProfile p, PackReading r, int cell) {
        return r.isValid(cell) && r.volts(cell) >= p.minCellVolts() && r.volts(cell) <= p.maxCellVolts();
    }

    @Property
    void neverBalancesAPairTouchingAFlashingCell(@ForAll("scenarios") Scenario s) {
        s.run((r, d) -> {
            for (int cell = 0; cell < s.cells(); cell++) {
                if (!sound(s.profile(), r, cell)) {
                    assertEquals(Indicator.FLASHING, d.indicator(cell));
                }
            }
            for (int pair = 0; pair < d.pairs(); pair++) {
                if (d.isBalancing(pair)) {
                    assertTrue(sound(s.profile(), r, pair) && sound(s.profile(), r, pair + 1));
                    assertEquals(Indicator.ON, d.indicator(pair));
                    assertEquals(Indicator.ON, d.indicator(pair + 1));
                }
            }
        });
    }

    @Property
    void currentFollowsTheCurveAndNeverExceedsTheMaximum(@ForAll("scenarios") Scenario s) {
        s.run((r, d) -> {
            for (int pair = 0; pair < d.pairs(); pair++) {
                assertTrue(d.amps(pair) <= s.profile().maxAmps() && d.amps(pair) <= 1.0);
                if (d.isBalancing(pair)) {
                    double deltaVolts = Math.abs(deltaMicrovolts(r, pair)) / 1e6;
                    assertEquals(s.profile().currentAmps(deltaVolts), d.amps(pair), 0);
                }
            }
        });
    }

    @Property
    void currentIsNonDecreasingInTheDifference(@ForAll @DoubleRange(min = 0, max = 2) double a,
            @ForAll @DoubleRange(min = 0, max = 2) double b) {
        double low = Math.min(a, b);
        double high = Math.max(a, b);
        EkProfile p = EkProfile.DATASHEET;
        assertTrue(p.currentAmps(low) <= p.currentAmps(high));
        assertTrue(p.currentAmps(high) <= p.maxAmps());
        assertEquals(p.currentAmps(high), p.currentAmps(-high));
    }

    @Property
    void energyAlwaysFlowsFromTheHigherCellToTheLowerOne(@ForAll("scenarios") Scenario s) {
        s.run((r, d) -> {
            for (int pair = 0; pair < d.pairs(); pair++) {
                PairDirection dir = d.direction(pair);
                if (dir != PairDirection.IDLE) {
                    assertTrue(r.volts(dir.donor(pair)) > r.volts(dir.receiver(pair)));
                }
            }
        });
    }

    @Property
    void twoBalancersFedTheSameSequenceDecideTheSame(@ForAll("scenarios") Scenario s) {
        assertEquals(s.run((r, d) -> { }), s.run((r, d) -> { }));
    }

    @Property
    void aSteadyReadingGivesTheSameDecisionOnTheSecondTick(@ForAll("scenarios") Scenario s) {
        List<Tick> ticks = new ArrayList<>(s.ticks());
        ticks.add(ticks.get(ticks.size() - 1));
        List<DecisionSnapshot> decisions = new Scenario(s.profile(), s.cells(), ticks).run((r, d) -> { });
        assertEquals(decisions.get(decisions.size() - 2), decisions.get(decisions.size() - 1));
    }

    @Property
    void hysteresisHoldsOverAnySequence(@ForAll("scenarios") Scenario s) {
        boolean[] wasBalancing = new boolean[s.cells() - 1];
        s.run((r, d) -> {
            for (int pair = 0; pair < d.pairs(); pair++) {
                if (d.isBalancing(pair)) {
                    long abs = Math.abs(deltaMicrovolts(r, pair));
                    assertTrue(abs > Microvolts.of(s.profile().stopVolts()), "a balancing pair never continues at <= stop");
                    if (!wasBalancing[pair]) {
                        assertTrue(abs > Microvolts.of(s.profile().triggerVolts()), "an idle pair never starts at <= trigger");
                    }
                }
                wasBalancing[pair] = d.isBalancing(pair);
            }
        });
    }

    @Property
    void aSleepingBoardBalancesNothingAndDrawsOnlyQuiescentCurrent(@ForAll("scenarios") Scenario s) {
        int boards = (s.cells() + s.profile().strings() - 1) / s.profile().strings();
        s.run((r, d) -> {
            if (d.boardState() == BoardState.SLEEP) {
                assertEquals(0, d.balancingPairs());
                assertEquals(boards * s.profile().quiescentAmps(), d.boardDrawAmps(), 1e-12);
            }
        });
    }

    @Property
    void thePairBetweenCascadedBoardsNeverBalances(@ForAll("scenarios") Scenario s) {
        int strings = s.profile().strings();
        s.run((r, d) -> {
            for (int pair = strings - 1; pair < d.pairs(); pair += strings) {
                assertFalse(d.isBalancing(pair));
            }
        });
    }

    @Property
    void decideNeverThrowsForAnyValues(@ForAll("anyValues") double[] volts, @ForAll("anyValues") double[] more,
            @ForAll double celsius) {
        int cells = Math.max(2, Math.min(48, volts.length));
        EkBalancer balancer = new EkBalancer(EkProfile.DATASHEET, cells);
        Decision decision = new Decision(cells);
        for (double[] tick : List.of(volts, more)) {
            PackReading reading = new PackReading(cells);
            for (int cell = 0; cell < Math.min(cells, tick.length); cell++) {
                reading.set(cell, tick[cell], CellStatus.OK);
            }
            reading.setTemperatureCelsius(celsius);
            decision.reset();
            balancer.decide(reading, decision);
        }
    }

    @Provide
    Arbitrary<double[]> anyValues() {
        return Arbitraries.doubles()
                .withSpecialValue(Double.NaN)
                .withSpecialValue(Double.POSITIVE_INFINITY)
                .withSpecialValue(Double.NEGATIVE_INFINITY)
                .withSpecialValue(Double.MAX_VALUE)
                .withSpecialValue(-Double.MAX_VALUE)
                .withSpecialValue(3.0)
                .withSpecialValue(4.5)
                .array(double[].class).ofMinSize(2).ofMaxSize(48);
    }
}
