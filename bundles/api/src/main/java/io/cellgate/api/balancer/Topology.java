package io.cellgate.api.balancer;

/** How a balancer moves charge. */
public enum Topology {
    /** Active transfer between adjacent cells only (inductive or capacitive adjacent balancers). */
    ADJACENT,
    /** Active transfer between the whole pack and single cells. */
    PACK_TO_CELL,
    /** Passive: a resistor bleeds the high cells, the energy becomes heat. */
    BLEED
}
