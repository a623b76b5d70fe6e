package io.cellgate.api.insight;

/** What a {@link Finding} is about. */
public enum FindingKind {
    /** A cell's capacity is well below the pack's median cell's. */
    WEAK_CELL_CAPACITY,
    /** A cell loses charge several times as fast as the pack's median cell. */
    WEAK_CELL_SELF_DISCHARGE,
    /** The board balances while the cells sit in the flat part of their open-circuit curve, acting on noise. */
    FLAT_MIDDLE_BALANCING,
    /** The board stays awake with no pair balancing: it never reaches sleep, and draws its awake current all day. */
    NEVER_SLEEPS,
    /** The pack's spread keeps growing while the board balances at its limit: it needs a bigger balancer. */
    SPREAD_GROWS_AT_LIMIT;

    /** True for the kinds that name a weak cell. */
    public boolean weakCell() {
        return this == WEAK_CELL_CAPACITY || this == WEAK_CELL_SELF_DISCHARGE;
    }

    /** True for the kinds that say the balancing cannot help. */
    public boolean ineffectiveBalancing() {
        return this == FLAT_MIDDLE_BALANCING || this == SPREAD_GROWS_AT_LIMIT;
    }
}
