package io.cellgate.api.pack;

/**
 * Whether the pack controller could run its last tick end to end. Anything but {@link #OK} means every balance
 * output is off and the indicators flash, while readings and telemetry go on.
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
    OUTPUT_FAILED
}
