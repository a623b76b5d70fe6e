package io.cellgate.api.balancer;

/** The state of the balancer board as a whole. */
public enum BoardState {
    /** Awake: monitoring, and balancing any pair that needs it. */
    ACTIVE,
    /** Asleep: no pair needs balancing; the board draws only its quiescent current. */
    SLEEP,
    /**
     * A fault stops part or all of the board (a flashing cell, a temperature outside the working range, open
     * channels); pairs not touched by it may still balance. Warnings alone (e.g. "cascading not recommended") are
     * listed in {@link Decision#faults()} without this state.
     */
    FAULT
}
