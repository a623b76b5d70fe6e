package io.cellgate.engine;

import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.telemetry.PackState;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.telemetry.PackView;

/**
 * The last completed tick of a pack, kept apart from the engine's working buffers under a lock of its own: the
 * tick copies into it at its end (no allocation), readers take a {@link PackView} of it (made at most once per
 * tick, when someone asks), so a reader never waits for a tick in progress and a tick never waits for a reader
 * longer than one copy.
 */
final class LatestTick {

    private final PackStateBuffer copy;
    private PackView view;

    LatestTick(PackDescription pack) {
        this.copy = new PackStateBuffer(pack);
    }

    synchronized void publish(PackState state) {
        copy.copyFrom(state);
        view = null;
    }

    /**
     * Marks the last completed tick as {@link PackHealth#STALLED} with the fail-safe decision for {@code reason}, as
     * the outputs are now; returns a copy to hand to listeners.
     */
    synchronized PackState markStalled(String reason) {
        copy.setHealth(PackHealth.STALLED);
        copy.decision().failSafe(reason);
        view = null;
        return new PackStateBuffer(copy.pack()).copyFrom(copy);
    }

    /** The view of the last completed tick (or of a stall before it), or null before anything happened. */
    synchronized PackView view() {
        if (view == null && (copy.tick() > 0 || copy.health() == PackHealth.STALLED)) {
            view = PackView.of(copy);
        }
        return view;
    }
}
