package io.cellgate.shell;

import com.google.gson.JsonObject;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.config.RefusalGate;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.PackProperties;
import io.cellgate.operate.PackConfigurations;
import io.cellgate.operate.PackOperations;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.MetaTypeService;

/**
 * A pack's configuration from the shell: {@code cellgate:config} shows it, {@code cellgate:set} changes one property
 * after checking it against the pack's metatype, in the running pack and in its file.
 */
@Component(service = ConfigCommands.class, property = {"osgi.command.scope=cellgate",
        "osgi.command.function=config", "osgi.command.function=set"})
public final class ConfigCommands {

    /** Who changes a pack from here, as the pack's log says it. */
    static final String THE_SHELL = "the shell";

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, BalancerModel>> models;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Pack> packs;

    private final PackOperations operations;
    private final ServiceComponentRuntime scr;

    @Activate
    public ConfigCommands(BundleContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference MetaTypeService metaType, @Reference ServiceComponentRuntime scr,
            @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.scr = scr;
        this.operations = new PackOperations(context, configAdmin, metaType, () -> packs, () -> models, log);
    }

    @Descriptor("show what a pack runs on and the file it comes from; a refused file's values are not shown")
    public String config(@Parameter(names = "--json", presentValue = "true", absentValue = "false")
            @Descriptor("machine-readable output") boolean json, @Descriptor("pack id") String packId)
            throws IOException {
        Configuration c = operations.configuration(packId);
        // What SCR hands the pack: the configuration after the pack's plugin, i.e. the last good one when the file
        // was refused (and nothing at all when no good one came before).
        Map<String, Object> runsOn = scr.getComponentDescriptionDTOs().stream()
                .flatMap(d -> scr.getComponentConfigurationDTOs(d).stream())
                .map(cc -> cc.properties)
                .filter(p -> c.getPid().equals(p.get(Constants.SERVICE_PID)))
                .findFirst().orElse(Map.of());
        return json ? configJson(c.getPid(), PackConfigurations.fileOf(c), runsOn)
                : configText(c.getPid(), PackConfigurations.fileOf(c), runsOn);
    }

    /** The properties a pack runs on, without the ones SCR, Config Admin and FileInstall add. */
    static TreeMap<String, Object> shown(Map<String, Object> runsOn) {
        TreeMap<String, Object> props = new TreeMap<>();
        if (RefusalGate.REFUSED_CONDITION.equals(runsOn.get(RefusalGate.CONDITION_TARGET))) {
            return props; // refused before it ever ran: it runs on nothing
        }
        runsOn.forEach((key, value) -> {
            if (!key.startsWith("service.") && !key.startsWith("felix.") && !key.startsWith("component.")
                    && !key.startsWith("osgi.ds.")
                    && !key.startsWith(":") && !key.startsWith(".") && !key.equals(RefusalGate.REFUSED)
                    && !key.equals(PackProperties.PACK)) {
                props.put(key, value);
            }
        });
        return props;
    }

    static String configText(String pid, Path file, Map<String, Object> runsOn) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s (%s)%n", pid,
                file == null ? "made in Config Admin" : "from " + file));
        TreeMap<String, Object> props = shown(runsOn);
        if (props.isEmpty()) {
            b.append("  not running\n");
        }
        props.forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-18s %s%n", k, v)));
        Object refused = runsOn.get(RefusalGate.REFUSED);
        if (refused != null) {
            b.append(refused).append('\n');
        }
        return b.toString();
    }

    static String configJson(String pid, Path file, Map<String, Object> runsOn) {
        JsonObject o = new JsonObject();
        o.addProperty("pid", pid);
        o.addProperty("file", file == null ? null : file.toString());
        JsonObject p = new JsonObject();
        shown(runsOn).forEach((k, v) -> p.addProperty(k, String.valueOf(v)));
        o.add("properties", p);
        Object refused = runsOn.get(RefusalGate.REFUSED);
        o.addProperty("refused", refused == null ? null : refused.toString());
        return Json.print(o);
    }

    @Descriptor("change one property of a pack, checked against its metatype; the file in config/ follows")
    public String set(@Descriptor("pack id") String packId, @Descriptor("property, e.g. tick.ms") String property,
            @Descriptor("new value") String value) throws IOException {
        PackOperations.Changed c = operations.set(packId, property, value, THE_SHELL);
        StringBuilder out = new StringBuilder(c.line() + "\n");
        c.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
        return out.toString();
    }
}
