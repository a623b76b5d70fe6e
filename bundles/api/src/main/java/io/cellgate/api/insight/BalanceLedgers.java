package io.cellgate.api.insight;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The balancing ledgers of the running packs, one per pack, as the insight bundle keeps them: what the shell, the
 * exporters and the web console show. Every figure comes from the decisions the pack runtime published, tick by tick.
 */
@ProviderType
public interface BalanceLedgers {

    /** The ledger of every pack that has ticked since the gateway started, sorted by pack id. */
    List<LedgerSnapshot> snapshots();

    /** The ledger of pack {@code packId}, or empty when no such pack has ticked. */
    Optional<LedgerSnapshot> snapshot(String packId);

    /**
     * Starts pack {@code packId}'s ledger again from zero, now: its totals and its days. The file under data/ follows
     * at the next save.
     *
     * @return false when no such pack has ticked
     */
    boolean reset(String packId);
}
