package io.cellgate.api.insight;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The insight of the running packs beyond the ledger: state of charge, capacity and self-discharge per cell, findings
 * about the cells and the board, and the pack's alerts. What the shell, the exporters and the web console show.
 *
 * @since 1.1
 */
@ProviderType
public interface PackInsights {

    /** The insight of every pack that has ticked since the gateway started, sorted by pack id. */
    List<PackInsight> insights();

    /** The insight of pack {@code packId}, or empty when no such pack has ticked. */
    Optional<PackInsight> insight(String packId);
}
