package io.cellgate.balancer.aeq12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackReading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One nested class per sentence of the listing (and of the class's published start and stop). */
class Aeq12BalancerTest {

    private final Balancer balancer = new Aeq12Model().create(new PackDescription("t", 4, Chemistry.NCM));
    private final Decision decision = new Decision(4);

    private Decision tick(double... volts) {
        return tick(PackReading.of(volts));
    }

    private Decision tick(PackReading reading) {
        decision.reset();
        balancer.decide(reading, decision);
        return decision;
    }

    @Nested
    @DisplayName("\"reaches 0.1V or more ... until ... within 0.03V\"")
    class StartAndStop {

        @Test
        void exactly100mVStarts_inclusive() {
            assertTrue(tick(3.6, 3.7, 3.6, 3.6).isBalancing(0), "3.7 - 3.6 is 0.0999999... in double");
        }

        @Test
        void justBelow100mVStaysIdle() {
            assertFalse(tick(3.6, 3.6999, 3.6, 3.6).isBalancing(0));
            assertEquals(BoardState.SLEEP, decision.boardState());
        }

        @Test
        void goesOnAbove30mVAndStopsAt30mV() {
            tick(3.6, 3.75, 3.6, 3.6);
            assertTrue(tick(3.6, 3.631, 3.6, 3.6).isBalancing(0));
            assertFalse(tick(3.6, 3.630, 3.6, 3.6).isBalancing(0));
            assertFalse(tick(3.6, 3.66, 3.6, 3.6).isBalancing(0), "stopped: needs 0.1 V again");
        }
    }

    @Nested
    @DisplayName("\"above 0.1V (about 0.5-0.7A); above 0.2V (1.2A). The smaller the difference, the smaller the current\"")
    class Current {

        @Test
        void curvePassesTheListedPoints() {
            Aeq12Profile p = Aeq12Profile.LISTING;
            assertEquals(0.6, p.currentAmps(0.1), 1e-12);
            assertTrue(p.currentAmps(0.1) >= 0.5 && p.currentAmps(0.1) <= 0.7);
            assertEquals(1.2, p.currentAmps(0.2), 1e-12);
            assertEquals(1.2, p.currentAmps(0.9), 1e-12);
            assertEquals(0.18, p.currentAmps(-0.03), 1e-12);
        }

        @Test
        void aPairRunsOnTheCurveFromTheHigherCellToTheLowerOne() {
            tick(3.6, 3.75, 3.6, 3.6);
            assertEquals(PairDirection.UPPER_TO_LOWER, decision.direction(0));
            assertEquals(0.9, decision.amps(0), 1e-9);
            assertEquals(PairDirection.LOWER_TO_UPPER, decision.direction(1));
            assertEquals(0.9, decision.amps(1), 1e-9);
            assertFalse(decision.isBalancing(2));
        }
    }

    @Nested
    @DisplayName("\"The working voltage is 2.0V-4.5V\"; \"flashes, the string is dropped, or the circuit is faulty\"")
    class WorkingVoltage {

        @Test
        void limitsAreInside() {
            tick(2.0, 2.2, 4.5, 4.5);
            assertTrue(decision.isBalancing(0) && decision.isBalancing(1));
            assertEquals(BoardState.ACTIVE, decision.boardState());
        }

        @Test
        void aCellOutsideFlashesItsPairsStopTheOthersGoOn() {
            tick(3.6, 3.6, 4.501, 3.3);
            assertEquals(Indicator.FLASHING, decision.indicator(2));
            assertFalse(decision.isBalancing(1));
            assertFalse(decision.isBalancing(2));
            assertEquals(BoardState.FAULT, decision.boardState());
            tick(1.999, 3.6, 3.8, 3.6);
            assertEquals(Indicator.FLASHING, decision.indicator(0));
            assertFalse(decision.isBalancing(0));
            assertTrue(decision.isBalancing(1), "pair 2 goes on");
        }

        @Test
        void anOpenWireFlashes() {
            PackReading r = PackReading.of(3.6, 3.9, 3.6, 3.6);
            r.setStatus(1, CellStatus.OPEN_WIRE);
            tick(r);
            assertEquals(Indicator.FLASHING, decision.indicator(1));
            assertEquals(0, decision.balancingPairs());
            assertTrue(decision.faults().get(0).startsWith("cell 2: no valid reading"));
        }
    }

    @Nested
    @DisplayName("\"When the equalization light is on, the equalization work is turned on\"; \"goes out ... dormant\"")
    class Indicators {

        @Test
        void onForBothCellsOfABalancingPairOffOtherwise() {
            tick(3.6, 3.6, 3.6, 3.75);
            assertEquals(Indicator.OFF, decision.indicator(0));
            assertEquals(Indicator.OFF, decision.indicator(1));
            assertEquals(Indicator.ON, decision.indicator(2));
            assertEquals(Indicator.ON, decision.indicator(3));
        }

        @Test
        void dormantWhenNothingBalances() {
            tick(3.6, 3.6, 3.6, 3.6);
            assertEquals(BoardState.SLEEP, decision.boardState());
            assertEquals(0, decision.boardDrawAmps());
        }
    }

    @Test
    void aWrongSizedReadingGivesTheFailSafeDecision() {
        tick(3.6, 3.7);
        assertEquals(BoardState.FAULT, decision.boardState());
        assertEquals(0, decision.balancingPairs());
    }
}
