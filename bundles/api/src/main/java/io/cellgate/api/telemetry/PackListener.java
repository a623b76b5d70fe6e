package io.cellgate.api.telemetry;

import io.cellgate.api.pack.PackDescription;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: every registered listener sees every pack after every tick, on the tick thread.
 *
 * <p>Return quickly and do not block: hand slow work (network, disk) to your own thread, with a
 * {@link PackView} of what you need. A listener that throws is logged and does not stop the tick. A listener
 * hears every pack; {@link PackState#pack()} says which.
 */
@ConsumerType
public interface PackListener {

    void onTick(PackState state);

    /**
     * Pack {@code pack} was removed from the gateway (its configuration deleted): it will not tick again, and what a
     * listener keeps or published of it (retained topics, discovery) may go. Not called when the gateway or the
     * pack runtime merely stops. By default nothing.
     *
     * @since 2.2
     */
    default void onPackRemoved(PackDescription pack) {
    }
}
