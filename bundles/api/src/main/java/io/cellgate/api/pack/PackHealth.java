package io.cellgate.api.pack;

/**
 * Whether the pack controller could run its last tick end to end. Anything but {@link #OK} means every balance
 * output is off, while readings and telemetry go on; the indicators flash on a fault, and stay off while
 * {@link #STARTING}.
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
    STARTING
}
