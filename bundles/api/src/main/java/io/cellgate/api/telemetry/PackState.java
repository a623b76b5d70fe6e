package io.cellgate.api.telemetry;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A pack after one tick: what was read, what was decided, and how the tick went.
 *
 * <p>The instance handed to a {@link PackListener} is live and valid only during the call; make a
 * {@link PackView} of it to hold on to it or to show it.
 */
@ProviderType
public interface PackState {

    PackDescription pack();

    /** Number of this tick, counting from 1 since the pack controller started. */
    long tick();

    /** Wall-clock time of this tick's reading, in milliseconds since the epoch. */
    long timeMillis();

    /** The reading of this tick. */
    PackReading reading();

    /** The decision applied in this tick (the fail-safe one when health is not OK). */
    Decision decision();

    PackHealth health();

    /** {@code model/variant} of the balancer that decided, or {@code null} when none did. */
    String model();

    /** How long this tick took, in nanoseconds. */
    long tickDurationNanos();

    /** How late this tick started against its schedule, in nanoseconds. */
    long tickLatenessNanos();

    /**
     * What the operator should know about how the {@link #model() model} fits the pack (low strings, a cascade), as
     * {@link io.cellgate.api.balancer.ModelDescriptor#fit} says it; empty when it fits or no model decides.
     *
     * @since 2.2
     */
    default List<String> fitWarnings() {
        return List.of();
    }
}
