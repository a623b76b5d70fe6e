package io.cellgate.api.balancer;

import io.cellgate.api.pack.PackReading;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The per-pack instance of a balancer model: it keeps whatever state the board keeps (hysteresis, sleep) and
 * turns each reading into a decision.
 *
 * <p>Plain Java on the hot path: the runtime calls {@link #decide} once per tick, a simulator millions of times
 * a second. Implementations should not allocate in {@code decide}. A cell whose reading is not valid
 * ({@link PackReading#isValid}) must never take part in balancing.
 */
@ConsumerType
public interface Balancer {

    /**
     * Decides one tick.
     *
     * @param reading the latest reading; read-only, valid during the call
     * @param out     a decision already {@link Decision#reset() reset} by the caller, to fill in
     */
    void decide(PackReading reading, Decision out);
}
