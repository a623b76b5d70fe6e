package io.cellgate.shell;

import com.google.gson.JsonObject;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.PackFit;
import io.cellgate.api.config.RefusalGate;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.PackProperties;
import io.cellgate.api.telemetry.PackView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
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
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * A pack's configuration from the shell: {@code cellgate:config} shows it, {@code cellgate:set} changes one property
 * after checking it against the pack's metatype, in the running pack and in its file.
 */
@Component(service = ConfigCommands.class, property = {"osgi.command.scope=cellgate",
        "osgi.command.function=config", "osgi.command.function=set"})
public final class ConfigCommands {

    /** Properties that make a different pack, not a changed one. */
    static final List<String> FIXED = List.of(PackProperties.PACK_ID);

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<BalancerModel> models;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Pack> packs;

    private final BundleContext context;
    private final PackConfigurations configurations;
    private final MetaTypeService metaType;
    private final ServiceComponentRuntime scr;
    private final Logger log;

    @Activate
    public ConfigCommands(BundleContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference MetaTypeService metaType, @Reference ServiceComponentRuntime scr,
            @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.context = context;
        this.scr = scr;
        this.configurations = new PackConfigurations(configAdmin);
        this.metaType = metaType;
        this.log = log;
    }

    @Descriptor("show what a pack runs on and the file it comes from; a refused file's values are not shown")
    public String config(@Parameter(names = "--json", presentValue = "true", absentValue = "false")
            @Descriptor("machine-readable output") boolean json, @Descriptor("pack id") String packId)
            throws IOException {
        Configuration c = configurations.find(packId);
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
        if (FIXED.contains(property)) {
            throw new CommandError(property + " cannot be changed: it names the pack; create a new "
                    + "pack configuration instead");
        }
        Configuration c = configurations.find(packId);
        AttributeDefinition ad = attribute(property);
        String problem = ad.validate(value);
        if (problem != null && !problem.isEmpty()) {
            throw new CommandError(property + "=" + value + refusal(ad, problem));
        }
        if (property.endsWith(".target")) {
            checkTarget(packId, property, value);
        }
        Object typed = typed(ad, value);
        log.info("{}: {} set to {} from the shell", packId, property, value);
        // Before the change: a new cell count restarts the pack, whose model is then unknown for a moment.
        String warnings = fitWarnings(packId, property, typed);
        Path file = configurations.set(c, property, typed);
        return packId + ": " + property + "=" + value + (file == null ? "" : ", " + file.getFileName() + " updated")
                + "\n" + warnings;
    }

    /** What a changed cell count or chemistry means for the model the pack runs on: its fit, when not a clean one. */
    private String fitWarnings(String packId, String property, Object value) {
        List<Pack> running = packs == null ? List.of() : packs;
        List<BalancerModel> known = models == null ? List.of() : models;
        Pack pack = running.stream().filter(p -> p.description().id().equals(packId)).findFirst().orElse(null);
        PackView latest = pack == null ? null : pack.latest();
        if (latest == null || latest.model() == null || !(PackProperties.CELLS.equals(property)
                || PackProperties.CHEMISTRY.equals(property))) {
            return "";
        }
        PackDescription was = pack.description();
        PackDescription changed = PackProperties.CELLS.equals(property)
                ? new PackDescription(was.id(), (Integer) value, was.chemistry())
                : new PackDescription(was.id(), was.cells(), Chemistry.valueOf(String.valueOf(value)));
        StringBuilder b = new StringBuilder();
        known.stream().map(BalancerModel::descriptor).filter(d -> d.qualifiedName().equals(latest.model()))
                .findFirst().map(d -> d.fit(changed)).filter(fit -> fit.verdict() != PackFit.Verdict.FITS)
                .ifPresent(fit -> b.append("warning: ").append(latest.model()).append(' ').append(fit.summary())
                        .append("; see cellgate:models ").append(packId).append('\n'));
        return b.toString();
    }

    /**
     * A target is an LDAP filter, parsed before it is written; a driver target may only narrow among the pack's own
     * drivers (the pack refuses anything else, and would run on no driver). Gogo evaluates an unquoted {@code (…)}
     * as a command and passes on what is left, without the parentheses: that asks for quotes.
     */
    static void checkTarget(String packId, String property, String value) {
        if (!value.strip().startsWith("(")) {
            // What was typed, most likely: the parentheses Gogo took away, around what it passed on.
            String meant = value.contains("=") ? "(" + value.strip() + ")" : PackProperties.driverFilter(packId);
            throw new CommandError(property + "=" + value + " is not an LDAP filter: quote the filter, or Gogo "
                    + "takes its parentheses for a command, e.g. cellgate:set " + packId + " " + property + " \""
                    + meant + "\"");
        }
        try {
            FrameworkUtil.createFilter(value);
        } catch (InvalidSyntaxException e) {
            throw new CommandError(property + "=" + value + " is not an LDAP filter (" + e.getMessage()
                    + "): write one in parentheses, as (name=value) or (&(name=value)(name=value))");
        }
        if (PackProperties.DRIVER_TARGETS.contains(property)) {
            try {
                PackProperties.ownDriverTarget(packId, property, value);
            } catch (IllegalArgumentException e) {
                throw new CommandError(e.getMessage());
            }
        }
    }

    /** The pack's attribute by id; an unknown one is an error that lists the known. */
    private AttributeDefinition attribute(String id) {
        ObjectClassDefinition ocd = packDefinition();
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        return Arrays.stream(all).filter(a -> a.getID().equals(id)).findFirst()
                .orElseThrow(() -> new CommandError("unknown property '" + id + "'; a pack has: "
                        + Arrays.stream(all).map(AttributeDefinition::getID).filter(a -> !FIXED.contains(a))
                                .sorted().collect(Collectors.joining(", "))));
    }

    /**
     * Why a value is refused, in the words the pack uses when a file in config/ has it: the range its metatype
     * description gives ("10 to 60000 ms."), else the metatype's own reason.
     */
    static String refusal(AttributeDefinition ad, String problem) {
        Matcher range = RANGE.matcher(ad.getDescription() == null ? "" : ad.getDescription());
        return range.find() ? " is out of range: " + range.group(1) : " is refused: " + problem;
    }

    private static final Pattern RANGE = Pattern.compile("(-?\\d+(?:\\.\\d+)? to -?\\d+(?:\\.\\d+)?(?: [A-Za-z%]+)?)");

    private ObjectClassDefinition packDefinition() {
        for (Bundle b : context.getBundles()) {
            MetaTypeInformation info = metaType.getMetaTypeInformation(b);
            if (info != null && Arrays.asList(info.getFactoryPids()).contains(PackProperties.FACTORY_PID)) {
                return info.getObjectClassDefinition(PackProperties.FACTORY_PID, null);
            }
        }
        throw new IllegalStateException("no metatype for " + PackProperties.FACTORY_PID
                + ": is the pack runtime bundle running?");
    }

    private static Object typed(AttributeDefinition ad, String value) {
        try {
            return switch (ad.getType()) {
                case AttributeDefinition.INTEGER -> Integer.valueOf(value.trim());
                case AttributeDefinition.LONG -> Long.valueOf(value.trim());
                case AttributeDefinition.DOUBLE -> Double.valueOf(value.trim());
                case AttributeDefinition.BOOLEAN -> Boolean.valueOf(value.trim());
                default -> value;
            };
        } catch (NumberFormatException e) {
            throw new CommandError(ad.getID() + "=" + value + " is not a number");
        }
    }
}
