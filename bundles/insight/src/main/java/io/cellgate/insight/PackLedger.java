package io.cellgate.insight;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.insight.LedgerDay;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.insight.PackCharge;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One pack's balancing ledger, fed every tick the pack runtime publishes. A tick's decision is what the outputs were
 * driven with until the next tick (the fail-safe one when the tick was not healthy, a stall's included), so the time
 * from one tick's reading to the next is counted with the earlier tick's decision, and its pack current likewise.
 * The first tick seen counts nothing: what ran before it is unknown. Days are calendar days in {@code zone}, a span
 * counted in the day of the tick that ends it.
 *
 * <p>Recording a tick allocates nothing, except once a day when the day changes. Thread-safe: the tick records,
 * other threads take snapshots.
 */
final class PackLedger {

    private final PackDescription pack;
    private final ZoneId zone;
    /** The decision driven since the last tick, copied: the runtime reuses its buffer. */
    private final Decision applied;
    private double appliedPackAmps = Double.NaN;
    private long appliedNanos;
    private boolean anyApplied;

    private final Counters total;
    /**
     * What the ticks counted since the last {@link #fold}: a tick adds to this one set only, and a snapshot or the
     * next day adds it to the total and its day, off the tick or once a day.
     */
    private final Counters pending;
    /** A ring of the last days; {@code newest} is the index of the newest, a null date an unused slot. */
    private final Counters[] days = new Counters[LedgerSnapshot.MAX_DAYS];
    private final LocalDate[] dates = new LocalDate[LedgerSnapshot.MAX_DAYS];
    private int newest;
    /** The wall-clock span, [start, end), of the day that ticks count in now; empty until the first count. */
    private long dayStartMillis = Long.MAX_VALUE;
    private long dayEndMillis = Long.MIN_VALUE;

    private long sinceMillis;
    private double packInCoulombs;
    private double packOutCoulombs;
    private double packMeasuredSeconds;

    PackLedger(PackDescription pack, ZoneId zone, long sinceMillis) {
        this.pack = pack;
        this.zone = zone;
        this.sinceMillis = sinceMillis;
        this.applied = new Decision(pack.cells());
        this.total = new Counters(pack.cells());
        this.pending = new Counters(pack.cells());
        for (int i = 0; i < days.length; i++) {
            days[i] = new Counters(pack.cells());
        }
    }

    PackDescription pack() {
        return pack;
    }

    /** Counts the span since the last tick with the last tick's decision, then holds this tick's. */
    synchronized void record(PackState state) {
        long nowNanos = state.reading().timeNanos();
        if (anyApplied && nowNanos > appliedNanos) {
            double seconds = (nowNanos - appliedNanos) / 1e9;
            enterDayOf(state.timeMillis());
            pending.add(applied, seconds);
            if (!Double.isNaN(appliedPackAmps)) {
                if (appliedPackAmps > 0) {
                    packInCoulombs += appliedPackAmps * seconds;
                } else {
                    packOutCoulombs -= appliedPackAmps * seconds;
                }
                packMeasuredSeconds += seconds;
            }
        }
        applied.copyFrom(state.decision());
        appliedPackAmps = state.reading().packAmps();
        appliedNanos = nowNanos;
        anyApplied = true;
    }

    /**
     * Makes the day of {@code millis} the one that pending counts go to: when the day changes, what the old day
     * counted is folded into it first. A clock set back counts in the newest day.
     */
    private void enterDayOf(long millis) {
        if (millis >= dayStartMillis && millis < dayEndMillis) {
            return;
        }
        LocalDate date = Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
        dayStartMillis = date.atStartOfDay(zone).toInstant().toEpochMilli();
        dayEndMillis = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        if (dates[newest] == null) {
            dates[newest] = date;
        } else if (date.isAfter(dates[newest])) {
            fold();
            newest = (newest + 1) % days.length;
            days[newest].clear();
            dates[newest] = date;
        }
    }

    /** Adds what the ticks counted since the last fold to the total and the newest day. */
    private void fold() {
        total.addAll(pending);
        days[newest].addAll(pending);
        pending.clear();
    }

    /** Counting starts again from zero at {@code nowMillis}; the decision in force goes on being counted. */
    synchronized void reset(long nowMillis) {
        total.clear();
        pending.clear();
        for (int i = 0; i < days.length; i++) {
            days[i].clear();
            dates[i] = null;
        }
        dayStartMillis = Long.MAX_VALUE;
        dayEndMillis = Long.MIN_VALUE;
        sinceMillis = nowMillis;
        packInCoulombs = 0;
        packOutCoulombs = 0;
        packMeasuredSeconds = 0;
    }

    /** Takes the figures of a ledger saved before, of a pack of as many cells; the decision in force stays. */
    synchronized void restore(LedgerSnapshot saved) {
        if (saved.pack().cells() != pack.cells()) {
            throw new IllegalArgumentException("a ledger of " + saved.pack().cells() + " cells cannot be restored "
                    + "into " + pack.id() + " of " + pack.cells());
        }
        reset(saved.sinceMillis());
        total.copyFrom(saved.total());
        List<LedgerDay> newestFirst = saved.days();
        for (int i = newestFirst.size() - 1; i >= 0; i--) { // oldest first, so that the newest ends up newest
            if (i < newestFirst.size() - 1) {
                newest = (newest + 1) % days.length;
            }
            days[newest].copyFrom(newestFirst.get(i).counts());
            dates[newest] = newestFirst.get(i).date();
        }
        PackCharge charge = saved.packCharge();
        packInCoulombs = charge.inCoulombs();
        packOutCoulombs = charge.outCoulombs();
        packMeasuredSeconds = charge.measuredSeconds();
    }

    synchronized LedgerSnapshot snapshot() {
        fold();
        List<LedgerDay> newestFirst = new ArrayList<>(days.length);
        for (int i = 0; i < days.length; i++) {
            int slot = Math.floorMod(newest - i, days.length);
            if (dates[slot] != null) {
                newestFirst.add(new LedgerDay(dates[slot], days[slot].toCounts()));
            }
        }
        return new LedgerSnapshot(pack, sinceMillis, total.toCounts(), newestFirst,
                new PackCharge(packInCoulombs, packOutCoulombs, packMeasuredSeconds, appliedPackAmps));
    }
}
