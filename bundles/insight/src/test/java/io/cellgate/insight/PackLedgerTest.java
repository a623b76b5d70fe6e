package io.cellgate.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.insight.LedgerCounts;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.testing.DummyPackState;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PackLedgerTest {

    private static final double EPSILON = 1e-9;
    /** 2026-01-01 00:00 UTC. */
    private static final long NEW_YEAR_MILLIS = 1_767_225_600_000L;
    private static final long TENTH_NANOS = 100_000_000L;

    private final PackStateBuffer state = DummyPackState.of("p", 4);
    private final PackLedger ledger = new PackLedger(state.pack(), ZoneOffset.UTC, NEW_YEAR_MILLIS);
    private long nanos;
    private long millis = NEW_YEAR_MILLIS + 3_600_000; // 01:00

    /** One tick, {@code seconds} after the last, with the decision as the test set it. */
    private void tick(double seconds) {
        nanos += (long) (seconds * 1e9);
        millis += (long) (seconds * 1000);
        state.reading().setTimeNanos(nanos);
        state.setTimeMillis(millis);
        ledger.record(state);
    }

    @Test
    void aPairsSetpointLeavesItsDonorAndEntersItsReceiverForTheTimeUntilTheNextTick() {
        state.decision().setPair(1, PairDirection.UPPER_TO_LOWER, 0.5); // cell 3 gives to cell 2
        tick(0); // the first tick counts nothing: what ran before it is unknown
        for (int i = 0; i < 10; i++) {
            tick(0.1);
        }
        LedgerCounts total = ledger.snapshot().total();
        assertEquals(0.5, total.outCoulombs(2), EPSILON, "0.5 A for 1 s out of cell 3");
        assertEquals(0.5, total.inCoulombs(1), EPSILON, "into cell 2");
        assertEquals(0.5, total.pairCoulombs(1), EPSILON);
        assertEquals(1.0, total.pairActiveSeconds(1), EPSILON);
        assertEquals(0, total.pairCoulombs(0));
        assertEquals(0, total.outCoulombs(1) + total.inCoulombs(2) + total.bledCoulombs(2));
        assertEquals(1.0, total.activeSeconds(1), EPSILON, "cell 2 is in the balancing pair");
        assertEquals(1.0, total.activeSeconds(2), EPSILON);
        assertEquals(0, total.activeSeconds(0), "cell 1's pairs were idle");
        assertEquals(1, total.hardestWorkedCell(), "cells 2 and 3 tie: the lower, cell 2, is named");
    }

    @Test
    void eachSpanCountsWithTheDecisionOfTheTickThatBeganIt() {
        state.decision().setPair(0, PairDirection.LOWER_TO_UPPER, 1.0);
        tick(0);
        state.decision().reset(); // the balancer stops: the second above still ran at 1 A
        tick(1.0);
        tick(5.0);
        LedgerCounts total = ledger.snapshot().total();
        assertEquals(1.0, total.pairCoulombs(0), EPSILON);
        assertEquals(1.0, total.outCoulombs(0), EPSILON);
        assertEquals(1.0, total.inCoulombs(1), EPSILON);
        assertEquals(1.0, total.pairActiveSeconds(0), EPSILON);
    }

    @Test
    void aDecisionHeldOverManyTicksCountsTheSameAsEachTickAndASetpointChangeEndsIt() {
        state.decision().setPair(0, PairDirection.LOWER_TO_UPPER, 1.0);
        tick(0);
        for (int i = 0; i < 50; i++) {
            tick(0.1);
        }
        assertEquals(5.0, ledger.snapshot().total().pairCoulombs(0), EPSILON, "a snapshot counts the span held so far");
        for (int i = 0; i < 50; i++) {
            tick(0.1);
        }
        state.decision().setPair(0, PairDirection.LOWER_TO_UPPER, 0.5); // same pair, half the current
        tick(0.1);
        tick(2.0);
        LedgerCounts total = ledger.snapshot().total();
        assertEquals(10.1 + 1.0, total.pairCoulombs(0), EPSILON, "10.1 s at 1 A, then 2 s at 0.5 A");
        assertEquals(12.1, total.pairActiveSeconds(0), EPSILON);
        assertEquals(11.1, total.outCoulombs(0), EPSILON, "cell 1 gives");
        assertEquals(11.1, total.inCoulombs(1), EPSILON, "cell 2 takes");
    }

    @Test
    void aPassiveBoardsBleedIsChargeBledFromItsCell() {
        state.decision().setBleed(3, 0.06);
        tick(0);
        tick(10);
        LedgerCounts total = ledger.snapshot().total();
        assertEquals(0.6, total.bledCoulombs(3), EPSILON);
        assertEquals(10, total.activeSeconds(3), EPSILON);
        assertEquals(0, total.pairActiveSeconds(2), "no pair moved charge");
        assertEquals(3, total.hardestWorkedCell());
    }

    @Test
    void aStallPublishedWithTheLastTicksTimeCountsNothingAndItsFailSafeDecisionHoldsUntilTheNextTick() {
        state.decision().setPair(0, PairDirection.LOWER_TO_UPPER, 1.0);
        tick(0);
        tick(1);
        state.decision().failSafe("stalled"); // the watchdog's notice: the time of the last tick, nothing balances
        ledger.record(state);
        state.decision().setPair(0, PairDirection.LOWER_TO_UPPER, 1.0);
        tick(30); // the next tick, 30 s later: the outputs were off all along
        assertEquals(1.0, ledger.snapshot().total().pairCoulombs(0), EPSILON);
    }

    @Test
    void thePackCurrentCountsChargeInAndOutSeparatelyAndOnlyWhileMeasured() {
        state.reading().setPackAmps(2.0);
        tick(0);
        state.reading().setPackAmps(-3.0);
        tick(10); // 10 s charging at 2 A
        state.reading().setPackAmps(Double.NaN);
        tick(10); // 10 s discharging at 3 A
        tick(10); // not measured
        var charge = ledger.snapshot().packCharge();
        assertEquals(20, charge.inCoulombs(), EPSILON);
        assertEquals(30, charge.outCoulombs(), EPSILON);
        assertEquals(20, charge.measuredSeconds(), EPSILON);
        assertFalse(charge.measured(), "the last tick had no current");
    }

    @Test
    void eachDayCountsItsOwnSpansAndTheTotalAllOfThem() {
        state.decision().setPair(2, PairDirection.LOWER_TO_UPPER, 1.0);
        tick(0);
        tick(3600);
        millis = NEW_YEAR_MILLIS + 86_400_000 - 1000; // 23:59:59 on 1 January, then one second later: 2 January
        tick(0);
        tick(2);
        LedgerSnapshot s = ledger.snapshot();
        assertEquals(2, s.days().size());
        assertEquals(LocalDate.of(2026, 1, 2), s.days().get(0).date(), "newest first");
        assertEquals(2, s.days().get(0).counts().pairCoulombs(2), EPSILON);
        assertEquals(3600, s.days().get(1).counts().pairCoulombs(2), EPSILON);
        assertEquals(3602, s.total().pairCoulombs(2), EPSILON);
    }

    @Test
    void aLedgerKeepsTheLastSevenDays() {
        state.decision().setPair(0, PairDirection.LOWER_TO_UPPER, 1.0);
        tick(0);
        for (int day = 0; day < 10; day++) {
            tick(86_400);
        }
        LedgerSnapshot s = ledger.snapshot();
        assertEquals(LedgerSnapshot.MAX_DAYS, s.days().size());
        assertEquals(LocalDate.of(2026, 1, 11), s.days().get(0).date());
        assertEquals(LocalDate.of(2026, 1, 5), s.days().get(6).date());
        assertEquals(864_000, s.total().pairCoulombs(0), EPSILON, "the total keeps what the dropped days counted");
    }

    @Test
    void aResetStartsFromZeroAndARestoredLedgerGoesOnCounting() {
        state.decision().setPair(0, PairDirection.LOWER_TO_UPPER, 1.0);
        tick(0);
        tick(10);
        LedgerSnapshot saved = ledger.snapshot();

        ledger.reset(millis);
        LedgerSnapshot empty = ledger.snapshot();
        assertEquals(LedgerCounts.zero(4), empty.total());
        assertTrue(empty.days().isEmpty());
        assertEquals(millis, empty.sinceMillis());

        PackLedger again = new PackLedger(state.pack(), ZoneOffset.UTC, millis);
        again.restore(saved);
        assertEquals(saved, again.snapshot());
        again.record(state); // the first tick after a restart counts nothing
        nanos += 1_000_000_000L;
        state.reading().setTimeNanos(nanos);
        again.record(state);
        assertEquals(11, again.snapshot().total().pairCoulombs(0), EPSILON);
        assertEquals(11, again.snapshot().days().get(0).counts().pairCoulombs(0), EPSILON, "the same day goes on");
    }
}
