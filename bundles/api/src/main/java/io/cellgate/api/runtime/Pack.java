package io.cellgate.api.runtime;

import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackSnapshot;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A running pack, registered by the pack runtime as a service with the property {@code cellgate.pack}. The shell
 * and other tools read packs through it; they never drive one.
 */
@ProviderType
public interface Pack {

    PackDescription description();

    /** The state after the latest tick, or {@code null} before the first one. */
    PackSnapshot latest();

    /** The last {@code n} ticks, oldest first (fewer when the pack has not ticked that often). */
    List<TickSummary> history(int n);

    /** Tick counters and timing since the controller started. */
    TickStats stats();

    /** Active faults, each with the tick at which it was first seen. */
    List<ActiveFault> faults();

    /** A fault that is present now. */
    record ActiveFault(String message, long sinceTick) {
    }
}
