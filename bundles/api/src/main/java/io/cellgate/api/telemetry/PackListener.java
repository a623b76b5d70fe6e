package io.cellgate.api.telemetry;

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
}
