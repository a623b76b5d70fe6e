package io.cellgate.api.balancer;

/** A cell's indicator LED, with the three states of the EK-L20S1A datasheet. */
public enum Indicator {
    /** "Go out": balancing completed or not needed. */
    OFF,
    /** "Always on": the cell takes part in balancing. */
    ON,
    /** "Flashing": bad battery contact, or any other fault on this cell. */
    FLASHING
}
