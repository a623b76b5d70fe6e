package io.cellgate.pack.internal;

import io.cellgate.api.config.ConfigurationValues;
import io.cellgate.api.config.RefusalGate;
import io.cellgate.api.runtime.PackProperties;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationPlugin;

/**
 * Completes a pack configuration, as Configuration Admin hands it to SCR, with what follows from its
 * {@value PackProperties#PACK_ID}: the driver targets the operator left out become
 * {@code (cellgate.pack=<pack id>)}, and the Pack service gets the property {@value PackProperties#PACK}.
 *
 * <p>Why a configuration plugin: DS takes reference targets and service properties from component properties only,
 * and cannot compute one property from another. Config Admin 1.6 runs plugins in
 * {@code Configuration#getProcessedProperties}, which Felix SCR calls for every configuration it delivers, so the
 * controller sees the derived properties while nothing is written back to Config Admin or to the file in
 * {@code config/}. (OpenEMS instead writes a target filter into the stored configuration from {@code activate},
 * which configures the component twice and leaves the stored configuration and the file disagreeing.) Each pack
 * gets exact filters on its own id, so a pack binds only its own drivers whatever their number.
 */
final class PackIdDefaults implements ConfigurationPlugin {

    static final List<String> DRIVER_TARGETS = List.of(PackProperties.SOURCE_TARGET, PackProperties.OUTPUTS_TARGET,
            PackProperties.INDICATORS_TARGET);

    /**
     * The controller's own checks, run before SCR hands the configuration over: a refused pack is logged once per
     * change and never activated (rather than failing activation again on every listing of the packs).
     */
    private final RefusalGate gate;

    PackIdDefaults(Consumer<String> log) {
        this.gate = new RefusalGate("pack", PackProperties.PACK_ID, PackIdDefaults::check, log);
    }

    @Override
    public void modifyConfiguration(ServiceReference<?> target, Dictionary<String, Object> properties) {
        complete(properties);
        gate.process(properties);
    }

    /** A deleted pack configuration: one made again with its PID (its file dropped back) starts afresh. */
    void forget(String pid) {
        gate.forget(pid);
    }

    /** What the controller checks at activation, on the properties as they reach it. */
    static void check(Map<String, Object> properties) {
        PackSettings.of(ConfigurationValues.as(PackConfig.class, properties));
        requireDriverTargets(properties);
    }

    /** Adds the derived properties in place; an explicit target stays as given. */
    static void complete(Dictionary<String, Object> properties) {
        if (!(properties.get(PackProperties.PACK_ID) instanceof String id) || id.isBlank()) {
            return; // nothing to derive from: the controller refuses the configuration with a message
        }
        properties.put(PackProperties.PACK, id);
        for (String target : DRIVER_TARGETS) {
            Object given = properties.get(target);
            if (given == null || given.toString().isBlank()) {
                properties.put(target, PackProperties.driverFilter(id));
            }
        }
    }

    /**
     * Refuses properties in which a driver target is still missing: a reference with no target would bind any
     * pack's driver, and drive another pack's outputs. That happens only where this plugin did not run.
     *
     * @throws IllegalArgumentException naming the missing targets and how to give them
     */
    static void requireDriverTargets(Map<String, Object> properties) {
        List<String> missing = DRIVER_TARGETS.stream().filter(t -> properties.get(t) == null).toList();
        if (!missing.isEmpty()) {
            Object id = properties.get(PackProperties.PACK_ID);
            throw new IllegalArgumentException(String.join(", ", missing) + " missing and not derived from "
                    + PackProperties.PACK_ID + " (this Config Admin ran no configuration plugin): set "
                    + (missing.size() == 1 ? "it" : "them") + ", e.g. " + missing.get(0) + "="
                    + PackProperties.driverFilter(String.valueOf(id)));
        }
    }
}
