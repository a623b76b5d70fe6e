package io.cellgate.api.balancer;

/** The state of the balancer board as a whole. */
public enum BoardState {
    /** Awake: monitoring, and balancing any pair that needs it. */
    ACTIVE,
    /** Asleep: no pair needs balancing; the board draws only its quiescent current. */
    SLEEP,
    /** The board reports at least one fault; pairs not touched by it may still balance. */
    FAULT
}
