package io.cellgate.api.runtime;

/**
 * The names of a pack's configuration and of the service properties that tie a pack to its plugins: the contract
 * that the pack runtime, the shell, the configuration files and a vendor's driver share. Use these instead of
 * literals.
 */
public final class PackProperties {

    /** Factory PID of a pack's configuration: one configuration, one pack. */
    public static final String FACTORY_PID = "io.cellgate.pack";

    /** Configuration property: the pack's id, unique in the gateway; letters, digits, '-' and '_'. */
    public static final String PACK_ID = "pack.id";
    /** Configuration property: cells in series. */
    public static final String CELLS = "cells";
    /** Configuration property: the cell chemistry ({@code NCM}, {@code LFP}). */
    public static final String CHEMISTRY = "chemistry";
    /** Configuration property: the tick period in milliseconds. */
    public static final String TICK_MS = "tick.ms";
    /** Configuration property: LDAP filter choosing the balancer model service. */
    public static final String BALANCER_TARGET = "balancer.target";
    /** Configuration property: LDAP filter choosing the cell voltage source; defaults from {@link #PACK_ID}. */
    public static final String SOURCE_TARGET = "source.target";
    /** Configuration property: LDAP filter choosing the balance output driver; defaults from {@link #PACK_ID}. */
    public static final String OUTPUTS_TARGET = "outputs.target";
    /** Configuration property: LDAP filter choosing the indicator driver; defaults from {@link #PACK_ID}. */
    public static final String INDICATORS_TARGET = "indicators.target";

    /**
     * Service property of a {@link Pack} and of every driver service: the id of the pack it is or serves. Equal to
     * {@link io.cellgate.api.driver.CellVoltageSource#PACK}.
     */
    public static final String PACK = "cellgate.pack";

    private PackProperties() {
    }

    /** The filter that chooses the drivers registered for pack {@code packId}: {@code (cellgate.pack=<id>)}. */
    public static String driverFilter(String packId) {
        return "(" + PACK + "=" + packId + ")";
    }
}
