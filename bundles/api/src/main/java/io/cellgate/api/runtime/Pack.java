package io.cellgate.api.runtime;

import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackView;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A running pack, registered by the pack runtime as a service with the property {@code cellgate.pack}. The shell
 * and other tools read packs through it; they never drive one.
 */
@ProviderType
public interface Pack {

    PackDescription description();

    /**
     * The pack after its latest published tick, or {@code null} before the first one. Never waits for a tick in
     * progress: a pack whose tick is stuck still shows its last state.
     */
    PackView latest();

    /** The last {@code n} ticks, oldest first (fewer when the pack has not ticked that often). */
    List<TickSummary> history(int n);

    /** Tick counters and timing since the controller started. */
    TickStats stats();

    /**
     * Active faults, each with the tick and the wall-clock time at which it was first seen: the board's and the
     * runtime's, then the alerts the cell insight has raised about the pack (where it runs), worded
     * {@code alert <id>: <message>}.
     */
    List<ActiveFault> faults();

    /**
     * A fault that is present now.
     *
     * @param message     what is wrong, in words an operator can act on
     * @param sinceTick   the tick that first saw it
     * @param sinceMillis wall-clock time of that tick, in milliseconds since the epoch
     */
    record ActiveFault(String message, long sinceTick, long sinceMillis) {
    }
}
