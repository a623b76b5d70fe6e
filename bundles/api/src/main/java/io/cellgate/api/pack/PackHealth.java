package io.cellgate.api.pack;

/**
 * How the pack's last tick went, as every presenter shows it. {@link #OK} and {@link #BOARD_FAULT} mean the
 * balancer decided and the outputs were driven with its decision; anything else means every balance output is off,
 * while readings and telemetry go on; the indicators flash on a fault, and stay off while {@link #STARTING}.
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
     * Just started, still waiting for its voltage source within the pack's start-up grace period: outputs off, no
     * fault yet. Added in 1.2 at the end, so the ordinals of the values above stay what they were.
     */
    STARTING,
    /**
     * Read, decided and drove the outputs, but the board reports a fault that stops part of it (a flashing cell,
     * open channels of "low strings", a temperature outside its working range); pairs untouched by it may still
     * balance. The decision's faults say what.
     *
     * @since 1.2
     */
    BOARD_FAULT,
    /**
     * The pack's tick has not completed within its deadline (a read, a plugin or an output that blocks, or a tick
     * clock with no thread free): the gateway's watchdog turned the balance outputs off and the indicators to the
     * fail-safe state through a path that does not wait for the tick. Cleared by the next tick that completes.
     *
     * @since 1.3
     */
    STALLED;

    /**
     * True when the outputs were driven with the balancer's decision ({@link #OK}, {@link #BOARD_FAULT}); false when
     * the tick ran fail-safe or the pack is still {@link #STARTING}.
     *
     * @since 1.2
     */
    public boolean decidedByBalancer() {
        return this == OK || this == BOARD_FAULT;
    }
}
