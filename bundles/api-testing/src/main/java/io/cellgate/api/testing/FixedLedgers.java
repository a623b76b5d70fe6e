package io.cellgate.api.testing;

import io.cellgate.api.insight.BalanceLedgers;
import io.cellgate.api.insight.LedgerSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The insight bundle's ledgers as a tool sees them, fixed: the given snapshots, and the packs asked to reset, kept
 * in {@link #resets} (a reset changes nothing here).
 *
 * @since 3.3
 */
public final class FixedLedgers implements BalanceLedgers {

    private final List<LedgerSnapshot> snapshots;
    /** The pack ids {@link #reset} was asked for, in order. */
    public final List<String> resets = new ArrayList<>();

    public FixedLedgers(LedgerSnapshot... snapshots) {
        this.snapshots = List.of(snapshots);
    }

    @Override
    public List<LedgerSnapshot> snapshots() {
        return snapshots;
    }

    @Override
    public Optional<LedgerSnapshot> snapshot(String packId) {
        return snapshots.stream().filter(s -> s.pack().id().equals(packId)).findFirst();
    }

    @Override
    public boolean reset(String packId) {
        resets.add(packId);
        return snapshot(packId).isPresent();
    }
}
