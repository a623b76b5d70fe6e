package io.cellgate.api.insight;

import io.cellgate.api.pack.PackDescription;
import java.util.List;
import java.util.Optional;

/**
 * One pack's balancing ledger at one moment: immutable, safe to keep and to read from any thread.
 *
 * @param pack        the pack
 * @param sinceMillis when counting began (the first tick ever counted, or the last reset), wall-clock milliseconds
 * @param total       everything since then
 * @param days        the last days, newest (today) first, at most {@link #MAX_DAYS}; each also in {@code total}
 * @param packCharge  the charge through the pack's terminals since then
 */
public record LedgerSnapshot(PackDescription pack, long sinceMillis, LedgerCounts total, List<LedgerDay> days,
        PackCharge packCharge) {

    /** How many days a ledger keeps beside its total. */
    public static final int MAX_DAYS = 7;

    public LedgerSnapshot {
        if (pack == null || total == null || days == null || packCharge == null) {
            throw new IllegalArgumentException("a ledger snapshot needs a pack, a total, days and the pack charge");
        }
        if (total.cells() != pack.cells() || days.stream().anyMatch(d -> d.counts().cells() != pack.cells())) {
            throw new IllegalArgumentException("the ledger of " + pack.id() + " must count its " + pack.cells()
                    + " cells");
        }
        if (days.size() > MAX_DAYS) {
            throw new IllegalArgumentException("a ledger keeps at most " + MAX_DAYS + " days, got " + days.size());
        }
        days = List.copyOf(days);
    }

    /** The newest day counted, which is today while the pack ticks; empty before the first count. */
    public Optional<LedgerDay> latestDay() {
        return days.isEmpty() ? Optional.empty() : Optional.of(days.get(0));
    }
}
