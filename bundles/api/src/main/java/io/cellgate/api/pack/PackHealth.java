package io.cellgate.api.pack;

/**
 * How the pack's last tick went, as every presenter shows it. {@link #OK} and {@link #BOARD_FAULT} mean the
 * balancer decided and the outputs were driven with its decision; anything else means every balance output is off
 * and the indicators flash, while readings and telemetry go on.
 */
public enum PackHealth {
    /** Read, decided and drove the outputs. */
    OK,
    /** No balancer model matches the pack's configuration ("no balancer"). */
    NO_BALANCER,
    /** No voltage source matches the pack's configuration. */
    NO_SOURCE,
    /** The source failed or gave a stale reading. */
    READING_FAILED,
    /** The balancer plugin threw or gave an invalid decision. */
    BALANCER_FAILED,
    /** An output driver threw. */
    OUTPUT_FAILED,
    /**
     * Read, decided and drove the outputs, but the board reports a fault that stops part of it (a flashing cell,
     * open channels of "low strings", a temperature outside its working range); pairs untouched by it may still
     * balance. The decision's faults say what.
     *
     * @since 1.2
     */
    BOARD_FAULT;

    /**
     * True when the outputs were driven with the balancer's decision ({@link #OK}, {@link #BOARD_FAULT}); false when
     * the tick ran fail-safe.
     *
     * @since 1.2
     */
    public boolean decidedByBalancer() {
        return this == OK || this == BOARD_FAULT;
    }
}
