package io.cellgate.pack.internal;

import io.cellgate.api.config.ConfigurationValues;
import io.cellgate.api.config.RefusalGate;
import io.cellgate.api.runtime.PackProperties;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationPlugin;

/**
 * Completes a pack configuration, as Configuration Admin hands it to SCR, with what follows from its
 * {@value PackProperties#PACK_ID}: every driver target becomes {@code (cellgate.pack=<pack id>)}, or that filter
 * narrowed by the target the operator gave, and the Pack service gets the property {@value PackProperties#PACK}.
 *
 * <p>Why a configuration plugin: DS takes reference targets and service properties from component properties only,
 * and cannot compute one property from another. Config Admin 1.6 runs plugins in
 * {@code Configuration#getProcessedProperties}, which Felix SCR calls for every configuration it delivers, so the
 * controller sees the derived properties while nothing is written back to Config Admin or to the file in
 * {@code config/}. (OpenEMS instead writes a target filter into the stored configuration from {@code activate},
 * which configures the component twice and leaves the stored configuration and the file disagreeing.) Each pack
 * gets filters on its own id, so a pack binds only its own drivers whatever their number and whatever a target says.
 */
final class PackIdDefaults implements ConfigurationPlugin {

    static final List<String> DRIVER_TARGETS = PackProperties.DRIVER_TARGETS;

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
        checkTargets(properties);
    }

    /** Adds the derived properties in place; a target that names another pack stays as given, for the refusal. */
    static void complete(Dictionary<String, Object> properties) {
        if (!(properties.get(PackProperties.PACK_ID) instanceof String id) || id.isBlank()) {
            return; // nothing to derive from: the controller refuses the configuration with a message
        }
        properties.put(PackProperties.PACK, id);
        for (String target : DRIVER_TARGETS) {
            Object given = properties.get(target);
            try {
                properties.put(target, PackProperties.ownDriverTarget(id, target, given == null ? null
                        : given.toString()));
            } catch (IllegalArgumentException e) {
                // A plugin cannot refuse: the controller does, with the same message (checkTargets).
            }
        }
    }

    /**
     * Refuses properties whose targets are no LDAP filters, or whose driver targets are not narrowed to the pack's own
     * drivers: a reference with such a target could bind another pack's driver, and drive its outputs. A target
     * naming another pack is refused by the rule of {@link PackProperties#ownDriverTarget}; a target nobody narrowed
     * means this plugin did not run.
     *
     * @throws IllegalArgumentException naming the target and what to write instead
     */
    static void checkTargets(Map<String, Object> properties) {
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            if (e.getKey().endsWith(".target") && e.getValue() != null) {
                requireFilter(e.getKey(), e.getValue().toString());
            }
        }
        Object id = properties.get(PackProperties.PACK_ID);
        String own = PackProperties.driverFilter(String.valueOf(id));
        List<String> missing = DRIVER_TARGETS.stream().filter(t -> properties.get(t) == null).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", missing) + " missing and not derived from "
                    + PackProperties.PACK_ID + " (this Config Admin ran no configuration plugin): set "
                    + (missing.size() == 1 ? "it" : "them") + ", e.g. " + missing.get(0) + "=" + own);
        }
        for (String t : DRIVER_TARGETS) {
            String target = properties.get(t).toString();
            if (!target.equals(own) && !target.startsWith("(&" + own)) {
                PackProperties.ownDriverTarget(String.valueOf(id), t, target); // names another pack: its message
                throw new IllegalArgumentException(t + "=" + target + " is not narrowed to pack " + id
                        + "'s drivers (this Config Admin ran no configuration plugin): write (&" + own + target
                        + ")");
            }
        }
    }

    /** An LDAP filter as the framework parses it; anything else is refused with what to write. */
    static void requireFilter(String property, String value) {
        try {
            FrameworkUtil.createFilter(value);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(property + "=" + value + " is not an LDAP filter (" + e.getMessage()
                    + "): write one in parentheses, as (name=value) or (&(name=value)(name=value))");
        }
    }
}
