package io.cellgate.api.runtime;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The configuration properties that choose a pack's drivers: each may only narrow among the pack's own. */
    public static final List<String> DRIVER_TARGETS = List.of(SOURCE_TARGET, OUTPUTS_TARGET, INDICATORS_TARGET);

    /** An equality term on {@link #PACK} outside a negation: the pack whose drivers a filter asks for. */
    private static final Pattern PACK_TERM = Pattern.compile("(?<!!)\\(\\s*" + Pattern.quote(PACK)
            + "\\s*=\\s*([^()*\\\\]*?)\\s*\\)");

    private PackProperties() {
    }

    /** The filter that chooses the drivers registered for pack {@code packId}: {@code (cellgate.pack=<id>)}. */
    public static String driverFilter(String packId) {
        return "(" + PACK + "=" + packId + ")";
    }

    /**
     * The target a driver reference of pack {@code packId} gets: its own drivers ({@link #driverFilter}), narrowed by
     * {@code target} when one is given. Whatever a target says, a pack never binds another pack's driver; one that
     * names another pack is refused rather than narrowed to nothing. The caller checks the LDAP syntax.
     *
     * @param property the target's property, for the message
     * @throws IllegalArgumentException when {@code target} names another pack's drivers, saying what to write
     */
    public static String ownDriverTarget(String packId, String property, String target) {
        String own = driverFilter(packId);
        if (target == null || target.isBlank() || target.strip().equals(own)) {
            return own;
        }
        Matcher term = PACK_TERM.matcher(target);
        while (term.find()) {
            if (!term.group(1).equals(packId)) {
                throw new IllegalArgumentException(property + "=" + target + " chooses the drivers of pack "
                        + term.group(1) + ", and pack " + packId + " uses only its own: leave " + property
                        + " out for " + own + ", or narrow among them, e.g. (&" + own + "(name=value))");
            }
        }
        return "(&" + own + target.strip() + ")";
    }
}
