package io.cellgate.operate;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.PackFit;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.PackProperties;
import io.cellgate.api.telemetry.PackView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The two changes an operator may make to a running pack, by one set of rules for the shell ({@code cellgate:swap},
 * {@code cellgate:set}) and the web console: swap its balancer model among the registered ones (never to one that
 * does not fit, only when confirmed to one that fits with warnings), and set one property after checking it against
 * the pack's metatype. Each goes to Config Admin, so the running pack changes at once, and to the pack's file in
 * {@code config/}, and the log says who asked.
 *
 * <p>Each user builds one from its own component's references: the packs and models as suppliers of their dynamic
 * lists.
 */
public final class PackOperations {

    /** Properties that make a different pack, not a changed one. */
    public static final List<String> FIXED = List.of(PackProperties.PACK_ID);
    /** The variant a model name alone chooses when the model has several. */
    public static final String DEFAULT_VARIANT = "datasheet";

    /** A swap done: the model before and after, the target written, the file updated (or null), the fit warnings. */
    public record Swapped(String pack, String before, ModelDescriptor after, String filter, Path file,
            List<String> warnings) {
        /** What the operator is told: {@code pack1: A/x -> B/y (balancer.target=…), <file> updated}. */
        public String line() {
            return pack + ": " + before + " -> " + after.qualifiedName() + " (" + PackProperties.BALANCER_TARGET + "="
                    + filter + ")" + updated(file);
        }
    }

    /** A property set: its new value as typed, the file updated (or null), and what it means for the pack's model. */
    public record Changed(String pack, String property, String value, Path file, List<String> warnings) {
        /** What the operator is told: {@code pack1: tick.ms=200, <file> updated}. */
        public String line() {
            return pack + ": " + property + "=" + value + updated(file);
        }
    }

    private static String updated(Path file) {
        return file == null ? "" : ", " + file.getFileName() + " updated";
    }

    private static final Pattern RANGE = Pattern.compile("(-?\\d+(?:\\.\\d+)? to -?\\d+(?:\\.\\d+)?(?: [A-Za-z%]+)?)");

    private final BundleContext context;
    private final PackConfigurations configurations;
    private final MetaTypeService metaType;
    private final Supplier<List<Pack>> packs;
    private final Supplier<List<Map.Entry<Map<String, Object>, BalancerModel>>> models;
    private final Logger log;

    public PackOperations(BundleContext context, ConfigurationAdmin configAdmin, MetaTypeService metaType,
            Supplier<List<Pack>> packs, Supplier<List<Map.Entry<Map<String, Object>, BalancerModel>>> models,
            Logger log) {
        this.context = context;
        this.configurations = new PackConfigurations(configAdmin);
        this.metaType = metaType;
        this.packs = packs;
        this.models = models;
        this.log = log;
    }

    /** The pack's configuration; an unknown pack is a {@link Refusal} that names the known ones. */
    public Configuration configuration(String packId) throws IOException {
        return configurations.find(packId);
    }

    /**
     * Swaps the pack's model to {@code modelName} (MODEL or MODEL/VARIANT): a model that does not fit the running pack
     * is refused, one that fits with warnings only when {@code confirmed}; both as a {@link SwapRefusal}.
     *
     * @param who who asked, for the log: "the shell", "web console user admin from 192.0.2.7"
     */
    public Swapped swap(String packId, String modelName, boolean confirmed, String who) throws IOException {
        ModelDescriptor target = resolve(modelName);
        Configuration config = configurations.find(packId);
        PackFit fit = fitOfRunning(packId, target);
        if (!fit.supported() || (!fit.warnings().isEmpty() && !confirmed)) {
            throw new SwapRefusal(target, fit);
        }
        String before = models().stream().filter(r -> r.packs().contains(packId)).map(r -> r.descriptor()
                .qualifiedName()).findFirst().orElse("none");
        String filter = "(&(" + BalancerModel.MODEL + "=" + target.model() + ")(" + BalancerModel.VARIANT + "="
                + target.variant() + "))";
        log.info("{}: swap requested by {}: {} -> {}", packId, who, before, target.qualifiedName());
        Path file = configurations.set(config, PackProperties.BALANCER_TARGET, filter, who);
        return new Swapped(packId, before, target, filter, file, fit.warnings());
    }

    /** How the model fits the running pack; a pack that is configured but not running yet is not checked. */
    public PackFit fitOfRunning(String packId, ModelDescriptor model) {
        return running().stream().filter(p -> p.description().id().equals(packId)).findFirst()
                .map(p -> model.fit(p.description())).orElse(PackFit.FITS);
    }

    /** MODEL/VARIANT, or MODEL alone when it has one variant or a datasheet one; else the variants to choose from. */
    public ModelDescriptor resolve(String name) {
        int slash = name.indexOf('/');
        String model = slash < 0 ? name : name.substring(0, slash);
        String variant = slash < 0 ? null : name.substring(slash + 1);
        List<ModelDescriptor> all = models().stream().map(ModelRow::descriptor).collect(Collectors.toList());
        List<ModelDescriptor> same = all.stream().filter(d -> d.model().equals(model)).collect(Collectors.toList());
        if (same.isEmpty()) {
            throw new Refusal("unknown model '" + name + "'; known models: " + (all.isEmpty() ? "none" : names(all)));
        }
        if (variant != null) {
            return same.stream().filter(d -> d.variant().equals(variant)).findFirst()
                    .orElseThrow(() -> new Refusal("unknown variant '" + variant + "' of " + model
                            + "; its variants: " + names(same)));
        }
        if (same.size() == 1) {
            return same.get(0);
        }
        return same.stream().filter(d -> d.variant().equals(DEFAULT_VARIANT)).findFirst()
                .orElseThrow(() -> new Refusal(model + " has " + same.size() + " variants and no default; name one: "
                        + names(same)));
    }

    private static String names(List<ModelDescriptor> models) {
        return models.stream().map(ModelDescriptor::qualifiedName).collect(Collectors.joining(", "));
    }

    /**
     * Sets one property of the pack after checking it against the pack's metatype (and a target as an LDAP filter
     * that keeps the pack on its own drivers); a refused value is a {@link Refusal} saying why, in the words the
     * pack uses for a file in {@code config/} with that value.
     */
    public Changed set(String packId, String property, String value, String who) throws IOException {
        if (FIXED.contains(property)) {
            throw new Refusal(property + " cannot be changed: it names the pack; create a new pack configuration "
                    + "instead");
        }
        Configuration c = configurations.find(packId);
        AttributeDefinition ad = attribute(property);
        String problem = ad.validate(value);
        if (problem != null && !problem.isEmpty()) {
            throw new Refusal(property + "=" + value + refusal(ad, problem));
        }
        if (property.endsWith(".target")) {
            checkTarget(packId, property, value);
        }
        Object typed = typed(ad, value);
        log.info("{}: {} set to {} by {}", packId, property, value, who);
        // Before the change: a new cell count restarts the pack, whose model is then unknown for a moment.
        List<String> warnings = fitWarnings(packId, property, typed);
        Path file = configurations.set(c, property, typed, who);
        return new Changed(packId, property, value, file, warnings);
    }

    /** What a changed cell count or chemistry means for the model the pack runs on: its fit, when not a clean one. */
    private List<String> fitWarnings(String packId, String property, Object value) {
        Pack pack = running().stream().filter(p -> p.description().id().equals(packId)).findFirst().orElse(null);
        PackView latest = pack == null ? null : pack.latest();
        if (latest == null || latest.model() == null || !(PackProperties.CELLS.equals(property)
                || PackProperties.CHEMISTRY.equals(property))) {
            return List.of();
        }
        PackDescription was = pack.description();
        PackDescription changed = PackProperties.CELLS.equals(property)
                ? new PackDescription(was.id(), (Integer) value, was.chemistry())
                : new PackDescription(was.id(), was.cells(), Chemistry.valueOf(String.valueOf(value)));
        return models().stream().map(ModelRow::descriptor).filter(d -> d.qualifiedName().equals(latest.model()))
                .findFirst().map(d -> d.fit(changed)).filter(fit -> fit.verdict() != PackFit.Verdict.FITS)
                .map(fit -> List.of(latest.model() + " " + fit.summary() + "; see cellgate:models " + packId))
                .orElse(List.of());
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
            throw new Refusal(property + "=" + value + " is not an LDAP filter: quote the filter, or Gogo "
                    + "takes its parentheses for a command, e.g. cellgate:set " + packId + " " + property + " \""
                    + meant + "\"");
        }
        try {
            FrameworkUtil.createFilter(value);
        } catch (InvalidSyntaxException e) {
            throw new Refusal(property + "=" + value + " is not an LDAP filter (" + e.getMessage()
                    + "): write one in parentheses, as (name=value) or (&(name=value)(name=value))");
        }
        if (PackProperties.DRIVER_TARGETS.contains(property)) {
            try {
                PackProperties.ownDriverTarget(packId, property, value);
            } catch (IllegalArgumentException e) {
                throw new Refusal(e.getMessage());
            }
        }
    }

    /** The properties an operator may set, as the pack's metatype defines them (the fixed ones left out). */
    public List<AttributeDefinition> properties() {
        return Arrays.stream(packDefinition().getAttributeDefinitions(ObjectClassDefinition.ALL))
                .filter(a -> !FIXED.contains(a.getID())).sorted(Comparator.comparing(AttributeDefinition::getID))
                .toList();
    }

    /** The pack's attribute by id; an unknown one is a refusal that lists the known. */
    AttributeDefinition attribute(String id) {
        AttributeDefinition[] all = packDefinition().getAttributeDefinitions(ObjectClassDefinition.ALL);
        return Arrays.stream(all).filter(a -> a.getID().equals(id)).findFirst()
                .orElseThrow(() -> new Refusal("unknown property '" + id + "'; a pack has: "
                        + Arrays.stream(all).map(AttributeDefinition::getID).filter(a -> !FIXED.contains(a))
                                .sorted().collect(Collectors.joining(", "))));
    }

    /**
     * Why a value is refused, in the words the pack uses when a file in config/ has it: the range its metatype
     * description gives ("10 to 60000 ms."), else the metatype's own reason.
     */
    static String refusal(AttributeDefinition ad, String problem) {
        String range = range(ad);
        return range != null ? " is out of range: " + range : " is refused: " + problem;
    }

    /** The range the attribute's description gives ("10 to 60000 ms"), or null when it gives none. */
    public static String range(AttributeDefinition ad) {
        Matcher range = RANGE.matcher(ad.getDescription() == null ? "" : ad.getDescription());
        return range.find() ? range.group(1) : null;
    }

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
            throw new Refusal(ad.getID() + "=" + value + " is not a number");
        }
    }

    /** The running pack; an unknown one is a refusal that names the running ones. */
    public Pack pack(String packId) {
        List<Pack> all = running();
        return all.stream().filter(p -> p.description().id().equals(packId)).findFirst()
                .orElseThrow(() -> new Refusal("unknown pack '" + packId + "'; known packs: "
                        + (all.isEmpty() ? "none" : all.stream().map(p -> p.description().id()).sorted()
                                .collect(Collectors.joining(", ")))));
    }

    public List<Pack> running() {
        List<Pack> list = packs.get();
        return list == null ? List.of() : list;
    }

    /** The registered models by qualified name, each with its bundle and the running packs that use it. */
    public List<ModelRow> models() {
        List<Map.Entry<Map<String, Object>, BalancerModel>> registered = models.get();
        List<Map.Entry<Map<String, Object>, BalancerModel>> list = registered == null ? List.of() : registered;
        List<Pack> running = running();
        List<ModelRow> rows = new ArrayList<>();
        for (Map.Entry<Map<String, Object>, BalancerModel> e : list) {
            ModelDescriptor d;
            try {
                d = e.getValue().descriptor();
            } catch (RuntimeException broken) {
                continue; // a plugin that cannot describe itself is not offered
            }
            Object id = e.getKey().get(Constants.SERVICE_BUNDLEID);
            Bundle bundle = id == null ? null : context.getBundle((Long) id);
            List<String> using = running.stream().filter(p -> {
                PackView s = p.latest();
                return s != null && d.qualifiedName().equals(s.model());
            }).map(p -> p.description().id()).sorted().collect(Collectors.toList());
            rows.add(new ModelRow(d, bundle == null ? "?" : bundle.getSymbolicName(),
                    bundle == null ? "?" : bundle.getVersion().toString(), using));
        }
        rows.sort(Comparator.comparing(r -> r.descriptor().qualifiedName()));
        return rows;
    }
}
